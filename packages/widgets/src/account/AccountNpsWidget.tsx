import { accountNps } from '@kizuna/metrics';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import { accountContextQuery } from '../dataSource/queries';
import { frameStaleOf } from '../frame/queryStatus';
import { WidgetFrame, type FrameStatus } from '../frame/WidgetFrame';
import { useTranslator } from '../i18n/i18nContext';
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
  const retry = () => void query.refetch();
  const status: FrameStatus =
    query.data === undefined
      ? query.isError
        ? { kind: 'error', error: query.error, onRetry: retry }
        : { kind: 'loading' }
      : feedbackUnavailable !== undefined
        ? { kind: 'error', error: feedbackUnavailable, onRetry: retry }
        : result?.nps === null
          ? { kind: 'empty', message: t('state.noData') }
          : { kind: 'ready' };
  const table =
    result === undefined || result.nps === null
      ? undefined
      : {
          columns: [
            { key: 'measure', label: t('nps.title'), rowHeader: true },
            { key: 'value', label: t('table.value'), numeric: true },
          ],
          rows: [
            { measure: 'NPS', value: Math.round(result.nps) },
            { measure: t('table.intervalLow'), value: result.interval === null ? null : Math.round(result.interval.low) },
            { measure: t('table.intervalHigh'), value: result.interval === null ? null : Math.round(result.interval.high) },
            { measure: t('table.responses'), value: result.n },
            { measure: t('table.promoters'), value: result.counts.promoters },
            { measure: t('table.passives'), value: result.counts.passives },
            { measure: t('table.detractors'), value: result.counts.detractors },
          ],
        };
  return (
    <WidgetFrame
      title={t('nps.title')}
      status={status}
      busy={query.isFetching}
      stale={frameStaleOf(query)}
      unavailable={query.data?.unavailable.filter((part) => part.entity !== 'feedback')}
      table={table}
      asOf={asOf}
      exportName="nps"
    >
      {result !== undefined && query.data !== undefined && <NpsCard result={result} rejectedCount={query.data.rejected.length} />}
    </WidgetFrame>
  );
}
