import type { CxDataSource } from '@kizuna/model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { CxDataSourceProvider } from '../dataSource/cxDataSourceContext';
import { accountContextQuery } from '../dataSource/queries';
import { WidgetFrame } from '../frame/WidgetFrame';
import { messagesArrived } from '../i18n/catalogue';
import { I18nProvider, useTranslator } from '../i18n/i18nContext';
import type { Locale } from '../i18n/messages';
import type { KeyValueStorage } from '../outbox/storage';
import { themeStyle } from '../themes/themes';
import { dashboardSettingsSchema, type DashboardSettings } from './dashboardProps';
import type { LoadedRoleDashboard, RoleDashboardProps } from './roleDashboards';
import { RoleLoadBoundary } from './RoleLoadBoundary';
import { useDashboardCode, type DashboardCodeState } from './useDashboardCode';

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

interface RoleSelection {
  readonly accountId: string | undefined;
  readonly asOf: string;
  readonly storage: KeyValueStorage | undefined;
  readonly leader: LeaderHostProps | undefined;
}

/**
 * What shows while the language's shared words arrive: no words of any language yet, so a busy
 * region named for the product, with the placeholder shapes of the loading state. Should the words
 * fail to arrive, it stays busy while `Dashboard` tries again (there are no words to say so in).
 */
function DashboardSkeleton() {
  return (
    <section className="kz-widget" role="region" aria-label="Kizuna" aria-busy="true" data-state="loading-messages">
      <div className="kz-skeleton">
        {[0, 1, 2].map((line) => (
          <span key={line} className="kz-skeleton__line" aria-hidden="true" />
        ))}
      </div>
    </section>
  );
}

/** The role's dashboard once its code and words have arrived. */
function RoleDashboard({ dashboard, accountId, asOf, storage, leader }: RoleSelection & { dashboard: LoadedRoleDashboard }) {
  if (dashboard.role === 'account-manager') {
    return accountId === undefined ? <NotAvailable reason="account" /> : <dashboard.Component accountId={accountId} asOf={asOf} {...(storage === undefined ? {} : { storage })} />;
  }
  return <dashboard.Component {...leader} asOf={asOf} />;
}

/** The role's dashboard in the frame's states while its code arrives or when it could not (words and a retry). */
function RoleDashboardState({ code, retry, ...selection }: RoleSelection & { code: DashboardCodeState; retry: () => void }) {
  const { t } = useTranslator();
  if (code.kind === 'loading') return <WidgetFrame title={t('dashboard.title')} status={{ kind: 'loading' }} />;
  const failed = (error: unknown) => <WidgetFrame title={t('dashboard.title')} status={{ kind: 'error', error, onRetry: retry }} />;
  if (code.kind === 'failed') return failed(code.error);
  if (code.dashboard === undefined) return <NotAvailable reason="account" />;
  return (
    <RoleLoadBoundary fallback={failed}>
      <RoleDashboard dashboard={code.dashboard} {...selection} />
    </RoleLoadBoundary>
  );
}

/** Tries again to load words that did not arrive: after 2, 4, 8… seconds (at most a minute), or at once when the browser is back online. */
function useRetryWithoutWords(waiting: boolean, attempt: number, retry: () => void) {
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setTimeout(retry, Math.min(60_000, 2_000 * 2 ** Math.min(attempt, 5)));
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [waiting, attempt, retry]);
}

/**
 * The root every host mounts (demo, Lightning component, Zoho widget, custom element): validates
 * its settings, then provides the query client, the data source, the language and the theme, and
 * renders the dashboard of the user's role. The role's code and words load on first show; on the
 * account page its one CRM read starts at once, while that code is still arriving.
 */
export function Dashboard(props: DashboardProps) {
  const [ownClient] = useState(newQueryClient);
  const client = props.queryClient ?? ownClient;
  const [attempt, setAttempt] = useState(0);
  const [retry] = useState(() => () => setAttempt((n) => n + 1));
  const parsed = dashboardSettingsSchema.safeParse({
    role: props.role,
    accountId: props.accountId,
    locale: props.locale,
    theme: props.theme,
    colourScheme: props.colourScheme,
    asOf: props.asOf,
  });
  const locale: Locale = props.locale === 'ja' ? 'ja' : 'en';
  const settings = parsed.success ? parsed.data : undefined;
  // The account manager without an account needs only the shared words (to say so).
  const needsRole = settings !== undefined && !(settings.role === 'account-manager' && settings.accountId === undefined) ? settings.role : undefined;
  const code = useDashboardCode(needsRole, locale, attempt);
  const prefetchAccount = settings?.role === 'account-manager' ? settings.accountId : undefined;
  useEffect(() => {
    // The account page's one CRM read, sent while the code arrives; the widgets' query finds it in flight (same key).
    if (prefetchAccount !== undefined) void client.prefetchQuery(accountContextQuery(props.dataSource, prefetchAccount));
  }, [client, props.dataSource, prefetchAccount]);
  const wordsArrived = messagesArrived(locale, 'common');
  useRetryWithoutWords(settings !== undefined && code.kind === 'failed' && !wordsArrived, attempt, retry);

  let body: ReactNode;
  if (settings === undefined) {
    body = (
      <div className="kz-state kz-state--error" role="alert">
        <p className="kz-state__title">Kizuna</p>
        <ul>
          {parsed.error?.issues.map((issue) => (
            <li key={issue.path.join('.')}>
              {issue.path.join('.')}: {issue.message}
            </li>
          ))}
        </ul>
      </div>
    );
  } else if (!wordsArrived) {
    body = <DashboardSkeleton />;
  } else {
    body = (
      <I18nProvider locale={locale} timeZone={props.timeZone ?? 'UTC'}>
        <CxDataSourceProvider dataSource={props.dataSource}>
          <RoleDashboardState code={code} retry={retry} accountId={settings.accountId} asOf={settings.asOf} storage={props.storage} leader={props.leader} />
        </CxDataSourceProvider>
      </I18nProvider>
    );
  }
  const style = settings === undefined ? undefined : themeStyle(settings.theme, settings.colourScheme);
  return (
    <QueryClientProvider client={client}>
      <div className="kz-dashboard" lang={locale} style={style} data-role={props.role}>
        {body}
      </div>
    </QueryClientProvider>
  );
}
