import type { OperationalDriverEffect } from '@kizuna/metrics';
import { IntervalChart } from '../charts/IntervalChart';
import { useId, useState } from 'react';
import { ScrollingTable, WidgetFrame, type FrameStatus, type TableData } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import type { CxWidgetProps } from './DriversWidget';
import { linkageIsEmpty, linkageView, pulseMinimumRespondents, type LinkageView } from './linkageView';
import { feedbackInWindow } from './programmeData';
import { useProgrammeAnalysis } from './useProgramme';
import { DriverWarnings } from './words';

export interface LinkageWidgetProps extends CxWidgetProps {
  /** The business-unit view titles it "what lies behind the CX numbers". */
  readonly title?: string;
  readonly description?: string;
  /**
   * Read the records only when the leader asks: the business-unit home page stays at its aggregate
   * plans until someone wants the causes behind a number.
   */
  readonly deferred?: boolean;
}

function r(translator: Translator, value: unknown): string {
  return typeof value === 'number' ? translator.formatNumber(value, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) : '—';
}

function lagName(translator: Translator, lag: number): string {
  return lag === 0 ? translator.t('linkage.lag.zero') : translator.t('linkage.lag.value', { lag });
}

function linkageTable(translator: Translator, view: LinkageView): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'lag', label: t('linkage.lag'), rowHeader: true },
      { key: 'r', label: t('linkage.correlation'), numeric: true, format: (v) => r(translator, v) },
      { key: 'low', label: t('table.intervalLow'), numeric: true, format: (v) => r(translator, v) },
      { key: 'high', label: t('table.intervalHigh'), numeric: true, format: (v) => r(translator, v) },
      { key: 'within', label: t('linkage.withinTeam'), numeric: true, format: (v) => r(translator, v) },
      { key: 'teams', label: t('linkage.teams'), numeric: true },
    ],
    rows: view.cxEx.lags.map((lag) => ({
      lag: lagName(translator, lag.lag),
      r: lag.pooled?.r ?? null,
      low: lag.pooled?.interval.low ?? null,
      high: lag.pooled?.interval.high ?? null,
      within: lag.withinTeam?.r ?? null,
      teams: lag.teams,
    })),
  };
}

function OperationalTable({ effects }: { effects: readonly OperationalDriverEffect[] }) {
  const translator = useTranslator();
  const { t } = translator;
  const captionId = useId();
  return (
    <ScrollingTable captionId={captionId}>
      <table className="kz-table">
        <caption id={captionId}>{t('linkage.ops.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('linkage.ops.metric')}</th>
            <th scope="col">{t('linkage.ops.worseWhen')}</th>
            <th scope="col">{t('linkage.ops.churnRatio')}</th>
            <th scope="col">{t('linkage.ops.npsCorrelation')}</th>
            <th scope="col">{t('linkage.ops.accounts')}</th>
          </tr>
        </thead>
        <tbody>
          {effects.map((effect) => (
            <tr key={effect.metric}>
              <th scope="row">{t(`op.${effect.metric}`)}</th>
              <td>{t(effect.worseWhen === 'higher' ? 'linkage.ops.higher' : 'linkage.ops.lower')}</td>
              <td className="kz-num">
                {effect.worstQuartileVsRest === null
                  ? '—'
                  : `${translator.formatNumber(effect.worstQuartileVsRest.ratio, { maximumFractionDigits: 2 })} (${t('value.interval', {
                      low: translator.formatNumber(effect.worstQuartileVsRest.interval.low, { maximumFractionDigits: 2 }),
                      high: translator.formatNumber(effect.worstQuartileVsRest.interval.high, { maximumFractionDigits: 2 }),
                    })})`}
              </td>
              <td className="kz-num">
                {effect.npsCorrelation === null
                  ? '—'
                  : `${r(translator, effect.npsCorrelation.r)} (${t('value.interval', { low: r(translator, effect.npsCorrelation.interval.low), high: r(translator, effect.npsCorrelation.interval.high) })})`}
              </td>
              <td className="kz-num">{translator.formatNumber(effect.accounts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DriverWarnings warnings={effects.flatMap((effect) => effect.warnings).filter((w, i, all) => all.findIndex((x) => x.code === w.code) === i)} />
    </ScrollingTable>
  );
}

/**
 * The EX and operational causes behind CX: serving teams' engagement against their accounts' NPS by
 * lag (aggregates across teams only; pulses under 5 respondents never used), and operational
 * measures against churn and NPS.
 */
export function LinkageWidget({ filters, asOf, title, description, deferred = false }: LinkageWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const [requested, setRequested] = useState(!deferred);
  const analysis = useProgrammeAnalysis(
    filters,
    asOf,
    (data) => linkageView(data.dataset, feedbackInWindow(data), asOf),
    linkageIsEmpty,
    t('linkage.empty'),
    requested,
  );
  const { query, result, stale } = analysis;
  const status: FrameStatus = requested ? analysis.status : { kind: 'ready' };
  const strongest = result?.strongest;
  const best = [...(result?.operational ?? [])]
    .filter((effect) => effect.npsCorrelation !== null && (effect.npsCorrelation.interval.low > 0 || effect.npsCorrelation.interval.high < 0))
    .sort((a, b) => Math.abs(b.npsCorrelation?.r ?? 0) - Math.abs(a.npsCorrelation?.r ?? 0))[0];
  const summary = [
    strongest?.pooled == null
      ? t('linkage.summary.none')
      : t('linkage.summary.found', {
          lag: lagName(translator, strongest.lag),
          r: r(translator, strongest.pooled.r),
          level: 95,
          low: r(translator, strongest.pooled.interval.low),
          high: r(translator, strongest.pooled.interval.high),
          teams: strongest.teams,
        }),
    best?.npsCorrelation == null ? t('linkage.ops.summary.none') : t('linkage.ops.summary', { metric: t(`op.${best.metric}`), r: r(translator, best.npsCorrelation.r) }),
  ].join(' ');
  return (
    <WidgetFrame
      title={title ?? t('linkage.title')}
      {...(description === undefined ? {} : { description })}
      status={status}
      busy={query.isFetching}
      {...(stale === undefined ? {} : { stale })}
      unavailable={query.data?.unavailable ?? []}
      rejectedCount={query.data?.rejected.length ?? 0}
      warnings={result?.cxEx.warnings ?? []}
      asOf={asOf}
      exportName="kizuna-cx-ex-linkage"
      {...(result === undefined ? {} : { table: linkageTable(translator, result) })}
      {...(result === undefined
        ? {}
        : {
            chart: {
              content: (
                <IntervalChart
                  label={`${t('linkage.title')} · ${t('linkage.correlation')}`}
                  data={result.cxEx.lags.map((lag) => ({
                    id: String(lag.lag),
                    label: lagName(translator, lag.lag),
                    value: lag.pooled?.r ?? null,
                    low: lag.pooled?.interval.low ?? null,
                    high: lag.pooled?.interval.high ?? null,
                    ...(strongest?.lag === lag.lag ? { mark: (lag.pooled?.r ?? 0) > 0 ? ('strength' as const) : ('weakness' as const) } : {}),
                  }))}
                  domain={[-1, 1]}
                  reference={0}
                  formatTick={(value) => r(translator, value)}
                />
              ),
              summary,
            },
          })}
    >
      {!requested && (
        <p>
          <button type="button" className="kz-button" onClick={() => setRequested(true)}>
            {t('linkage.analyse')}
          </button>
        </p>
      )}
      {result !== undefined && (
        <>
          {result.cxEx.suppressedPulses > 0 && (
            <p className="kz-note">{t('linkage.suppressed', { n: result.cxEx.suppressedPulses, minimum: pulseMinimumRespondents })}</p>
          )}
          <OperationalTable effects={result.operational} />
        </>
      )}
    </WidgetFrame>
  );
}
