import type { CxDataSource } from '@kizuna/model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { CxDataSourceProvider } from '../dataSource/cxDataSourceContext';
import { WidgetFrame } from '../frame/WidgetFrame';
import { I18nProvider, useTranslator } from '../i18n/i18nContext';
import type { KeyValueStorage } from '../outbox/storage';
import { themeStyle } from '../themes/themes';
import { dashboardSettingsSchema, type DashboardRole, type DashboardSettings } from './dashboardProps';
import { lazyRoleDashboard, type RoleDashboardProps } from './roleDashboards';
import { RoleLoadBoundary } from './RoleLoadBoundary';

/** What the leader dashboards take besides the settings: URL-kept filters and account navigation. */
export type LeaderHostProps = Omit<RoleDashboardProps, 'asOf'>;

export interface DashboardProps extends DashboardSettings {
  readonly dataSource: CxDataSource;
  /** The user's time zone for dates (the CRM user's); UTC when absent. */
  readonly timeZone?: string;
  /** A query client to share with the host; the dashboard makes its own when absent. */
  readonly queryClient?: QueryClient;
  /** Where pending CRM writes and action decisions persist; `localStorage` when the host allows it. */
  readonly storage?: KeyValueStorage;
  /** Filters and navigation for the leader dashboards (ignored on the account page). */
  readonly leader?: LeaderHostProps;
}

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // CRM API calls are metered: refetch only on demand (retry buttons) or when data is old.
      queries: { staleTime: 5 * 60_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

/** The dashboard's own "not available" state: the role has no dashboard here, or needs an account. */
function NotAvailable({ reason }: { reason: 'role' | 'account' }) {
  const { t } = useTranslator();
  return (
    <section className="kz-widget" role="region" aria-labelledby="kz-not-available">
      <h2 id="kz-not-available" className="kz-widget__title">
        {t('dashboard.title')}
      </h2>
      <p className="kz-state kz-state--empty" data-state="not-available">
        {t(reason === 'role' ? 'role.notAvailable' : 'role.needsAccount')}
      </p>
    </section>
  );
}

interface RoleDashboardSelection {
  readonly role: DashboardRole;
  readonly accountId: string | undefined;
  readonly asOf: string;
  readonly storage: KeyValueStorage | undefined;
  readonly leader: LeaderHostProps | undefined;
}

/** The frame's loading state while a role's dashboard code arrives. */
function DashboardLoading() {
  const { t } = useTranslator();
  return <WidgetFrame title={t('dashboard.title')} status={{ kind: 'loading' }} />;
}

/** The role's dashboard, its code loaded on first show; a failed load is said in words with a retry. */
function RoleDashboard({ role, accountId, asOf, storage, leader }: RoleDashboardSelection) {
  const { t } = useTranslator();
  const [attempt, setAttempt] = useState(0);
  // New lazy components per attempt (nothing loads until one renders): a retry loads the code afresh.
  const Loaded = useMemo(
    () => ({ attempt, account: lazyRoleDashboard('account-manager'), bu: lazyRoleDashboard('bu-leader'), cx: lazyRoleDashboard('cx-leader') }),
    [attempt],
  );
  if (role === 'account-manager' && accountId === undefined) return <NotAvailable reason="account" />;
  let body: ReactNode;
  if (role === 'account-manager') {
    body = accountId === undefined ? null : <Loaded.account accountId={accountId} asOf={asOf} {...(storage === undefined ? {} : { storage })} />;
  } else {
    const Leader = role === 'bu-leader' ? Loaded.bu : Loaded.cx;
    body = <Leader {...leader} asOf={asOf} />;
  }
  return (
    <RoleLoadBoundary
      key={attempt}
      fallback={(error) => <WidgetFrame title={t('dashboard.title')} status={{ kind: 'error', error, onRetry: () => setAttempt((n) => n + 1) }} />}
    >
      <Suspense fallback={<DashboardLoading />}>{body}</Suspense>
    </RoleLoadBoundary>
  );
}

/**
 * The root every host mounts (demo, Lightning component, Zoho widget, custom element): validates
 * its settings, then provides the query client, the data source, the language and the theme, and
 * renders the dashboard of the user's role.
 */
export function Dashboard(props: DashboardProps) {
  const [ownClient] = useState(newQueryClient);
  const client = props.queryClient ?? ownClient;
  const parsed = dashboardSettingsSchema.safeParse({
    role: props.role,
    accountId: props.accountId,
    locale: props.locale,
    theme: props.theme,
    colourScheme: props.colourScheme,
    asOf: props.asOf,
  });
  const locale = props.locale === 'ja' ? 'ja' : 'en';
  let body: ReactNode;
  if (!parsed.success) {
    body = (
      <div className="kz-state kz-state--error" role="alert">
        <p className="kz-state__title">Kizuna</p>
        <ul>
          {parsed.error.issues.map((issue) => (
            <li key={issue.path.join('.')}>
              {issue.path.join('.')}: {issue.message}
            </li>
          ))}
        </ul>
      </div>
    );
  } else {
    body = <RoleDashboard role={parsed.data.role} accountId={parsed.data.accountId} asOf={parsed.data.asOf} storage={props.storage} leader={props.leader} />;
  }
  const style = parsed.success ? themeStyle(parsed.data.theme, parsed.data.colourScheme) : undefined;
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale} timeZone={props.timeZone ?? 'UTC'}>
        <CxDataSourceProvider dataSource={props.dataSource}>
          <div className="kz-dashboard" lang={locale} style={style} data-role={props.role}>
            {body}
          </div>
        </CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
