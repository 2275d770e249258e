import type { HandOffResult } from '@kizuna/metrics';
import { StageChart } from '../charts/StageChart';
import { WidgetFrame, type TableData } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import type { CxWidgetProps } from './DriversWidget';
import { journeyView } from './journeyView';
import { feedbackInWindow } from './programmeData';
import { useProgrammeAnalysis } from './useProgramme';

function stageName(translator: Translator, stage: string): string {
  return translator.t(`stage.${stage}` as 'stage.onboarding');
}

function points(translator: Translator, value: number | null): string {
  return value === null ? translator.t('value.none') : translator.formatNumber(Math.round(value), { signDisplay: 'exceptZero' });
}

function journeyTable(translator: Translator, journey: HandOffResult): TableData {
  const { t } = translator;
  const pointsOf = (value: unknown) => points(translator, typeof value === 'number' ? value : null);
  const share = (value: unknown) => (typeof value === 'number' ? translator.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 }) : '—');
  return {
    columns: [
      { key: 'stage', label: t('journey.stage'), rowHeader: true },
      { key: 'nps', label: t('journey.nps'), numeric: true, format: pointsOf },
      { key: 'low', label: t('table.intervalLow'), numeric: true, format: pointsOf },
      { key: 'high', label: t('table.intervalHigh'), numeric: true, format: pointsOf },
      { key: 'n', label: t('table.responses'), numeric: true },
      { key: 'csat', label: t('journey.csat'), numeric: true, format: share },
      { key: 'csatN', label: `${t('journey.csat')} · n`, numeric: true },
    ],
    rows: journey.stages.map((stage) => ({
      stage: stageName(translator, stage.stage),
      nps: stage.nps.nps,
      low: stage.nps.interval?.low ?? null,
      high: stage.nps.interval?.high ?? null,
      n: stage.nps.n,
      csat: stage.csat?.share ?? null,
      csatN: stage.csat?.n ?? 0,
    })),
  };
}

/** NPS across journey stages with the hand-offs where loyalty really drops, said in words. */
export function JourneyWidget({ filters, asOf }: CxWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const { query, result, status, stale } = useProgrammeAnalysis(
    filters,
    asOf,
    (data) => journeyView(feedbackInWindow(data)),
    (journey) => journey.stages.every((stage) => stage.nps.n === 0),
    t('journey.empty'),
  );
  const measured = (result?.stages ?? []).filter((stage) => stage.nps.nps !== null && stage.nps.n > 0);
  const best = [...measured].sort((a, b) => (b.nps.nps ?? 0) - (a.nps.nps ?? 0))[0];
  const worst = [...measured].sort((a, b) => (a.nps.nps ?? 0) - (b.nps.nps ?? 0))[0];
  const drops = result?.comparisons.filter((comparison) => comparison.significantDrop) ?? [];
  const summary =
    best === undefined || worst === undefined
      ? ''
      : t('journey.summary', {
          best: stageName(translator, best.stage),
          bestValue: points(translator, best.nps.nps),
          worst: stageName(translator, worst.stage),
          worstValue: points(translator, worst.nps.nps),
          drops:
            drops.length === 0
              ? t('journey.summary.noDrops')
              : t('journey.summary.drops', { list: drops.map((drop) => `${stageName(translator, drop.from)} → ${stageName(translator, drop.to)}`).join(', ') }),
        });
  const stagesWithAnswers = result?.stages.filter((stage) => stage.nps.n > 0) ?? [];
  return (
    <WidgetFrame
      title={t('journey.title')}
      description={t('journey.description', { level: 95 })}
      status={status}
      busy={query.isFetching}
      {...(stale === undefined ? {} : { stale })}
      unavailable={query.data?.unavailable ?? []}
      rejectedCount={query.data?.rejected.length ?? 0}
      warnings={stagesWithAnswers.flatMap((stage) =>
        stage.nps.warnings.map((warning) => ({ ...warning, detail: { ...warning.detail, n: stage.nps.n, measure: `${stageName(translator, stage.stage)} · NPS` } })),
      )}
      asOf={asOf}
      exportName="kizuna-journey"
      {...(result === undefined ? {} : { table: journeyTable(translator, result) })}
      {...(result === undefined
        ? {}
        : {
            chart: {
              content: (
                <StageChart
                  label={t('journey.title')}
                  data={stagesWithAnswers.map((stage) => ({
                    id: stage.stage,
                    label: stageName(translator, stage.stage),
                    value: stage.nps.nps,
                    low: stage.nps.interval?.low ?? null,
                    high: stage.nps.interval?.high ?? null,
                  }))}
                  drops={drops.map((drop) => ({ from: drop.from, to: drop.to }))}
                  dropLabel={t('journey.drop')}
                  formatValue={(value) => points(translator, value)}
                />
              ),
              summary,
            },
          })}
    >
      {result !== undefined && result.findings.length > 0 && (
        <section className="kz-subsection">
          <h3 className="kz-subsection__title">{t('journey.handoffs')}</h3>
          <ol className="kz-findings">
            {result.findings.map((finding) => (
              <li key={`${finding.from}-${finding.to}`} data-finding={finding.code}>
                <span aria-hidden="true">▼ </span>
                {t(`handoff.${finding.code}`, {
                  from: stageName(translator, finding.from),
                  to: stageName(translator, finding.to),
                  drop: translator.formatNumber(Math.round(finding.evidence['drop'] ?? 0)),
                })}
              </li>
            ))}
          </ol>
        </section>
      )}
    </WidgetFrame>
  );
}
