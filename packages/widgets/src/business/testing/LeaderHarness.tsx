import type { CxDataSource } from '@kizuna/model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CxDataSourceProvider } from '../../dataSource/cxDataSourceContext';
import { I18nProvider } from '../../i18n/i18nContext';
import type { Locale } from '../../i18n/messages';
import { themeStyle, type ColourScheme, type ThemeName } from '../../themes/themes';

export interface LeaderHarnessProps {
  readonly dataSource: CxDataSource;
  readonly locale?: Locale;
  readonly theme?: ThemeName;
  readonly scheme?: ColourScheme;
  /** Every answer is dated this many hours back once it arrives: the stale state, as after a long idle. */
  readonly readHoursAgo?: number;
  readonly children: ReactNode;
}

function clientFor(readHoursAgo: number | undefined): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (readHoursAgo !== undefined) {
    client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') {
        event.query.setState({ dataUpdatedAt: Date.now() - readHoursAgo * 3_600_000 });
      }
    });
  }
  return client;
}

/** What a host gives the leaders' widgets: a query client, the language, the data source, the theme. */
export function LeaderHarness({ dataSource, locale = 'en', theme = 'neutral', scheme = 'light', readHoursAgo, children }: LeaderHarnessProps) {
  const [client] = useState(() => clientFor(readHoursAgo));
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <CxDataSourceProvider dataSource={dataSource}>
          <div className="kz-dashboard" lang={locale} style={themeStyle(theme, scheme)}>
            {children}
          </div>
        </CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
