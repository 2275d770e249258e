import type { AccountContext, CxDataSource } from '@kizuna/model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CxDataSourceProvider } from '../dataSource/cxDataSourceContext';
import { accountContextQuery } from '../dataSource/queries';
import { I18nProvider } from '../i18n/i18nContext';
import type { Locale } from '../i18n/messages';
import { ActionStoresProvider } from '../outbox/ActionStoresProvider';
import { memoryStorage, type KeyValueStorage } from '../outbox/storage';

export interface WidgetHarnessProps {
  readonly dataSource: CxDataSource;
  readonly locale?: Locale;
  /** The outbox's storage; a fresh memory storage when absent. Pass the same one to simulate a reload. */
  readonly storage?: KeyValueStorage;
  /**
   * Data already in the cache, read `ageMinutes` ago (default 120): the widgets show it marked
   * stale, as after a long-open page. The source is not asked again until the user refreshes.
   */
  readonly cached?: { readonly context: AccountContext; readonly ageMinutes?: number };
  readonly children: ReactNode;
}

/** What a host provides, for tests and stories: a query client without retries, language, data source, outbox. */
export function WidgetHarness({ dataSource, locale = 'en', storage, cached, children }: WidgetHarnessProps) {
  const [client] = useState(() => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    if (cached !== undefined) {
      const { queryKey } = accountContextQuery(dataSource, cached.context.account.id);
      queryClient.setQueryData(queryKey, cached.context, { updatedAt: Date.now() - (cached.ageMinutes ?? 120) * 60_000 });
    }
    return queryClient;
  });
  const [ownStorage] = useState(() => storage ?? memoryStorage());
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <CxDataSourceProvider dataSource={dataSource}>
          <ActionStoresProvider storage={ownStorage}>{children}</ActionStoresProvider>
        </CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
