import { accountHealth, defaultScorecardConfig, type AccountHealth, type HealthBand, type ScorecardConfig } from '@kizuna/metrics';
import { useMemo } from 'react';
import type { TableData } from '../../frame/csv';
import { WidgetFrame } from '../../frame/WidgetFrame';
import { useTranslator } from '../../i18n/i18nContext';
import type { Translator } from '../../i18n/translator';
import { accountFrame } from '../accountFrame';
import { measureName, measureValue } from '../measures';
import { useAccountContext } from '../useAccountContext';
import { HealthChart } from './HealthChart';

export interface HealthWidgetProps {
  readonly accountId: string;
  readonly asOf: string;
  /** A validated scorecard (`assertScorecardConfig`); the default scorecard when absent. */
  readonly scorecard?: ScorecardConfig;
}

/** Band words and a shape, so the band never rests on colour alone. */
const bandSymbols: Record<HealthBand, string> = { red: '▼', yellow: '◆', green: '▲' };

function trendText(translator: Translator, health: AccountHealth, trendDays: number): string {
  const { trend } = health;
  if (trend.delta === null || trend.direction === null || trend.previous.score === null) return translator.t('health.trend.none', { days: trendDays });
  const params = { points: Math.abs(Math.round(trend.delta)), previous: Math.round(trend.previous.score), days: trendDays };
  return translator.t(`health.trend.${trend.direction}`, params);
}

function healthTable(translator: Translator, health: AccountHealth): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'measure', label: t('health.col.measure'), rowHeader: true },
      { key: 'value', label: t('health.col.value') },
      { key: 'n', label: t('health.col.n'), numeric: true },
      { key: 'score', label: t('health.col.score'), numeric: true },
      { key: 'share', label: t('health.col.share'), numeric: true, format: (value) => (typeof value === 'number' ? translator.formatNumber(value, { style: 'percent' }) : '—') },
      { key: 'contribution', label: t('health.col.contribution'), numeric: true },
      { key: 'shortfall', label: t('health.col.shortfall'), numeric: true },
    ],
    rows: health.contributions.map((item) => ({
      measure: measureName(translator, item.measure),
      value: measureValue(translator, item.measure, item.value),
      n: item.n,
      score: Math.round(item.score),
      share: Math.round(item.share * 100) / 100,
      contribution: Math.round(item.contribution * 10) / 10,
      shortfall: Math.round(item.shortfall * 10) / 10,
    })),
  };
}

/** The account's health: score and band, its trend, and what drives it (biggest shortfall first). */
export function HealthWidget({ accountId, asOf, scorecard = defaultScorecardConfig }: HealthWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const query = useAccountContext(accountId);
  const health = useMemo(() => (query.data === undefined ? undefined : accountHealth(query.data, scorecard, { asOf })), [query.data, scorecard, asOf]);
  const frame = accountFrame(
    query,
    ['feedback', 'supportCase', 'touchpoint', 'contact'],
    () => health?.score === null,
    health?.warnings.some((warning) => warning.code === 'not_a_customer') === true ? t('health.notCustomer') : t('health.empty'),
  );
  const ready = health !== undefined && health.score !== null && health.band !== null;
  const score = ready ? Math.round(health.score ?? 0) : 0;
  const band = health?.band ?? 'red';
  const top = health?.contributions.find((item) => item.shortfall >= 0.05);
  const trend = health === undefined ? '' : trendText(translator, health, scorecard.trendDays);
  const summary = !ready
    ? ''
    : `${t('health.summary', { score, band: t(`health.band.${band}`) })} ${trend} ${
        top === undefined ? '' : t('health.summaryDriver', { measure: measureName(translator, top.measure), points: Math.round(top.shortfall) })
      }`.trim();
  return (
    <WidgetFrame
      title={t('health.title')}
      status={frame.status}
      busy={frame.busy}
      stale={frame.stale}
      unavailable={frame.unavailable}
      rejectedCount={frame.rejectedCount}
      warnings={health?.warnings.filter((warning) => warning.code !== 'not_a_customer')}
      nameOf={(id) => measureName(translator, id)}
      table={health === undefined ? undefined : healthTable(translator, health)}
      chart={
        ready && health !== undefined
          ? { content: <HealthChart contributions={health.contributions} bands={scorecard.bands} label={t('health.chartLabel')} />, summary }
          : undefined
      }
      asOf={asOf}
      exportName="health"
    >
      {ready && health !== undefined && (
        <div className="kz-health">
          <p className="kz-health__score">
            <span className="kz-big-number" data-testid="health-score">
              {t('health.score', { score })}
            </span>{' '}
            <span className={`kz-badge kz-badge--${band}`} data-testid="health-band">
              <span aria-hidden="true">{bandSymbols[band]} </span>
              {t(`health.band.${band}`)}
            </span>
          </p>
          <p className="kz-health__trend" data-testid="health-trend">
            {trend}
            {!health.trend.comparable && health.trend.delta !== null && <> {t('health.trend.notComparable')}</>}
          </p>
          {health.gated && <p className="kz-notice">{t('health.gated')}</p>}
          {health.excluded.length > 0 && (
            <p className="kz-muted">
              {t('health.excluded', {
                measures: health.excluded.map((item) => `${measureName(translator, item.measure)} (${t(`health.excludedReason.${item.reason}`)})`).join(t('list.separator')),
              })}
            </p>
          )}
        </div>
      )}
    </WidgetFrame>
  );
}
