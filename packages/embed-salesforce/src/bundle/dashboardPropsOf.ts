import { localeFor, type DashboardSettings } from '@kizuna/widgets';
import { KizunaEmbedError } from './embedError';
import { hostSettingsSchema } from './hostSettings';
import { asOfForPeriod } from './periodAsOf';

export interface HostDashboardProps extends DashboardSettings {
  readonly timeZone?: string;
}

/**
 * The dashboard's settings from what the component passed: the account is the record the page
 * shows (an Account page; any other page has none), the language follows the user's Salesforce
 * locale, the theme is Salesforce's in the chosen colour scheme. Throws INVALID_SETTINGS with
 * every problem named.
 */
export function dashboardPropsOf(input: unknown, now: Date): HostDashboardProps {
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
  };
}
