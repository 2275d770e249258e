import type { CxDataSource } from '@kizuna/model';
import { CxDataSourceProvider, I18nProvider } from '@kizuna/widgets';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { AccountListPage } from './pages/AccountListPage';
import { SalesforceAccountPage } from './pages/SalesforceAccountPage';
import type { RouteState } from './routes';

export function App({ routeState, dataSource }: { routeState: RouteState; dataSource: CxDataSource }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  const { route, locale } = routeState;
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale}>
        <CxDataSourceProvider dataSource={dataSource}>
          {route.page === 'accounts' && <AccountListPage />}
          {route.page === 'salesforce-account' && <SalesforceAccountPage accountId={route.accountId} />}
          {route.page === 'not-found' && (
            <main className="demo-not-found">
              <h1>Not found</h1>
              <p>
                There is no demo page at <code>{route.path}</code>. <a href="/">All accounts</a>
              </p>
            </main>
          )}
        </CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
