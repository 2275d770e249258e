import type { CxDataSource } from '@kizuna/model';
import { CxDataSourceProvider, I18nProvider } from '@kizuna/widgets';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { DemoPageContext, type DemoPage } from './demoContext';
import { AccountListPage } from './pages/AccountListPage';
import { AccountPage } from './pages/AccountPage';
import { HomePage } from './pages/HomePage';
import { CrmShell } from './shell/CrmShell';
import { demoText } from './shell/demoText';

/**
 * The demo's pages. The shell reads the simulated CRM through its REST adapter (`dataSource`);
 * each dashboard on a page is the host's real embed with its own data path.
 */
export function App({ page, dataSource }: { page: DemoPage; dataSource: CxDataSource }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }));
  const { route } = page.routeState;
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={page.locale}>
        <CxDataSourceProvider dataSource={dataSource}>
          <DemoPageContext.Provider value={page}>
            {route.page === 'accounts' && <AccountListPage />}
            {route.page === 'account' && <AccountPage host={route.host} accountId={route.accountId} />}
            {route.page === 'home' && <HomePage host={route.host} />}
            {route.page === 'not-found' && (
              <CrmShell host={undefined} title={demoText(page.locale, 'notFound')}>
                <p>
                  <code>{route.path}</code> · <a href="/">{demoText(page.locale, 'allAccounts')}</a>
                </p>
              </CrmShell>
            )}
          </DemoPageContext.Provider>
        </CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
