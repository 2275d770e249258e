import { localeFor, type DashboardSettings, type LeaderHostProps } from '@kizuna/widgets';
import { KizunaEmbedError } from './embedError';
import { hostSettingsSchema } from './hostSettings';
import { asOfForPeriod } from './periodAsOf';

export interface HostDashboardProps extends DashboardSettings {
  readonly timeZone?: string;
  /** The leader dashboards' way to an account: its record page, through the component's navigation. */
  readonly leader?: LeaderHostProps;
}

/**
 * The dashboard's settings from what the component passed: the account is the record the page
 * shows (an Account page; any other page has none), the language follows the user's Salesforce
 * locale, the theme is Salesforce's in the chosen colour scheme. With `onOpenAccount` (the
 * component's navigation, ids already checked) the leaders' drill-down offers to open each
 * account. Throws INVALID_SETTINGS with every problem named.
 */
export function dashboardPropsOf(input: unknown, now: Date, onOpenAccount?: (accountId: string) => void): HostDashboardProps {
  const parsed = hostSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
    throw new KizunaEmbedError('INVALID_SETTINGS', `The Kizuna dashboard is misconfigured: ${problems.join('; ')}`, { cause: parsed.error });
  }
  const host = parsed.data;
  const onAccountPage = (host.objectApiName ?? 'Account') === 'Account';
  const accountId = onAccountPage ? (host.recordId ?? undefined) : undefined;
  return {
    role: host.role,
    ...(accountId === undefined ? {} : { accountId }),
    locale: localeFor(host.locale),
    theme: 'salesforce',
    colourScheme: host.theme,
    asOf: asOfForPeriod(host.period, now),
    ...(host.timeZone === undefined ? {} : { timeZone: host.timeZone }),
    ...(onOpenAccount === undefined ? {} : { leader: { onOpenAccount } }),
  };
}
