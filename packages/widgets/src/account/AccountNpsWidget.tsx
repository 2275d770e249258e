import { accountNps } from '@kizuna/metrics';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import { accountContextQuery } from '../dataSource/queries';
import { useTranslator } from '../i18n/i18nContext';
import { ErrorState } from '../states/ErrorState';
import { Skeleton } from '../states/Skeleton';
import { WidgetFrame } from '../states/WidgetFrame';
import { NpsCard } from './NpsCard';

export interface AccountNpsWidgetProps {
  readonly accountId: string;
  /** The end of the trailing window (the host's "now"); injected so results are reproducible. */
  readonly asOf: string;
  readonly windowDays?: number;
}

/** The account's relationship NPS over a trailing window, read through the host's data source. */
export function AccountNpsWidget({ accountId, asOf, windowDays = 365 }: AccountNpsWidgetProps) {
  const dataSource = useCxDataSource();
  const { t } = useTranslator();
  const query = useQuery(accountContextQuery(dataSource, accountId));
  const result = useMemo(
    () => (query.data === undefined ? undefined : accountNps(query.data.feedback, accountId, { asOf, days: windowDays })),
    [query.data, accountId, asOf, windowDays],
  );
  const feedbackUnavailable = query.data?.unavailable.find((part) => part.entity === 'feedback');
  return (
    <WidgetFrame title={t('nps.title')} busy={query.isFetching}>
      {query.isPending && <Skeleton />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {feedbackUnavailable !== undefined && <ErrorState error={feedbackUnavailable} onRetry={() => void query.refetch()} />}
      {result !== undefined && query.data !== undefined && feedbackUnavailable === undefined && (
        <NpsCard result={result} rejectedCount={query.data.rejected.length} />
      )}
    </WidgetFrame>
  );
}
