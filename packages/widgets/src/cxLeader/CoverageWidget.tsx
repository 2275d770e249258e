import { IntervalChart } from '../charts/IntervalChart';
import { namedSmallSampleWarnings, WidgetFrame, type TableData } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import { coverageView, type StageCoverage } from './coverageView';
import type { CxWidgetProps } from './DriversWidget';
import { feedbackInWindow } from './programmeData';
import { useProgrammeAnalysis } from './useProgramme';

function stageName(translator: Translator, stage: string): string {
  return translator.t(`stage.${stage}` as 'stage.onboarding');
}

function coverageTable(translator: Translator, stages: readonly StageCoverage[]): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'stage', label: t('journey.stage'), rowHeader: true },
      { key: 'touchpoints', label: t('coverage.touchpoints'), numeric: true },
      { key: 'surveyed', label: t('coverage.surveyed'), numeric: true },
      {
        key: 'coverage',
        label: t('coverage.share'),
        numeric: true,
        format: (v) => (typeof v === 'number' ? translator.formatNumber(v, { style: 'percent', maximumFractionDigits: 0 }) : t('coverage.noTouchpoints')),
      },
      { key: 'nps', label: t('coverage.nps'), numeric: true },
      { key: 'csat', label: t('coverage.csat'), numeric: true },
      { key: 'ces', label: t('coverage.ces'), numeric: true },
      { key: 'note', label: t('coverage.note') },
    ],
    rows: stages.map((stage) => ({
      stage: stageName(translator, stage.stage),
      touchpoints: stage.touchpoints,
      surveyed: stage.surveyedTouchpoints,
      coverage: stage.coverage,
      nps: stage.answers.nps,
      csat: stage.answers.csat,
      ces: stage.answers.ces,
      note: stage.blindSpot ? t('coverage.blindSpot') : null,
    })),
  };
}

/**
 * Which listening posts exist at each journey stage, how much of it they hear, and the blind spots;
 * a stage heard through fewer answers than the metrics core's minimum is named in words.
 */
export function CoverageWidget({ filters, asOf }: CxWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const { query, result, status, stale } = useProgrammeAnalysis(
    filters,
    asOf,
    (data) => coverageView(feedbackInWindow(data), data.dataset.touchpoints),
    (stages) => stages.every((stage) => stage.touchpoints === 0 && stage.answers.nps + stage.answers.csat + stage.answers.ces === 0),
    t('state.empty'),
  );
  const stages = result ?? [];
  const covered = stages.filter((stage) => stage.answers.nps + stage.answers.csat + stage.answers.ces > 0);
  const blind = stages.filter((stage) => stage.blindSpot).map((stage) => stageName(translator, stage.stage));
  return (
    <WidgetFrame
      title={t('coverage.title')}
      status={status}
      busy={query.isFetching}
      {...(stale === undefined ? {} : { stale })}
      unavailable={query.data?.unavailable ?? []}
      rejectedCount={query.data?.rejected.length ?? 0}
      warnings={stages.flatMap((stage) => namedSmallSampleWarnings(stage.sampleWarnings, stageName(translator, stage.stage)))}
      asOf={asOf}
      exportName="kizuna-listening-posts"
      {...(result === undefined ? {} : { table: coverageTable(translator, stages) })}
      {...(result === undefined
        ? {}
        : {
            chart: {
              content: (
                <IntervalChart
                  label={`${t('coverage.title')} · ${t('coverage.share')}`}
                  data={stages.map((stage) => ({
                    id: stage.stage,
                    label: stageName(translator, stage.stage),
                    value: stage.coverage === null ? null : stage.coverage * 100,
                    low: null,
                    high: null,
                    ...(stage.blindSpot ? { mark: 'weakness' as const } : {}),
                  }))}
                  domain={[0, 100]}
                  formatTick={(value) => `${translator.formatNumber(value)}%`}
                />
              ),
              summary: t('coverage.summary', {
                covered: covered.length,
                stages: stages.length,
                blind: blind.length > 0 ? blind.join(', ') : t('coverage.none'),
              }),
            },
          })}
    />
  );
}
