import type { CxDataSource } from '@kizuna/model';
// The widgets' own copy of react-query, and the very file their bare import resolves to (the package's
// `exports` → `build/modern`): the provider must be the module instance whose context the widgets'
// `useQuery` reads. The bench package has no copy of its own to import by name.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CxDataSourceProvider } from '../../../packages/widgets/src/dataSource/cxDataSourceContext';
import { loadMessages } from '../../../packages/widgets/src/i18n/catalogue';
import { I18nProvider } from '../../../packages/widgets/src/i18n/i18nContext';
import type { MessageArea } from '../../../packages/widgets/src/i18n/messages';
import { themeStyle } from '../../../packages/widgets/src/themes/themes';

/** What every role entry is mounted with: the host's data source, its "now" and the user's language. */
export interface RoleMountOptions {
  readonly dataSource: CxDataSource;
  readonly asOf: string;
  readonly locale: 'en' | 'ja';
  /** The account manager's dashboard needs one; the leaders' ignore it. */
  readonly accountId?: string;
}

/**
 * Loads the words a role's dashboard shows, in the user's language only: the shared ones and the
 * role's own area, as `Dashboard` does with the role's code (`loadDashboardCode`). An entry mounts
 * once they are in, so it ships (and the benchmark counts) one language of one role.
 */
export async function loadRoleMessages(locale: RoleMountOptions['locale'], area: Exclude<MessageArea, 'common'>): Promise<void> {
  await Promise.all([loadMessages(locale, 'common'), loadMessages(locale, area)]);
}

/**
 * The providers `Dashboard` sets up (query client with the same defaults, i18n, data source, theme),
 * without `Dashboard`'s own import of every role's dashboard — so an entry holds one role only.
 */
export function RoleProviders({ options, role, children }: { options: RoleMountOptions; role: string; children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, refetchOnWindowFocus: false, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={options.locale} timeZone="UTC">
        <CxDataSourceProvider dataSource={options.dataSource}>
          <div className="kz-dashboard" lang={options.locale} style={themeStyle('neutral', 'light')} data-role={role}>
            {children}
          </div>
        </CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
