import { dimensionWord } from '../output/formatKpi';
import { kpiReportJson } from './kpiJson';
import { kpiReport } from './kpiReport';
import { kpiReportText, windowText } from './kpiText';
import type { AnalysisContext, Section, SectionModule } from './section';

/** The KPI section: every requested KPI with its interval, n and warnings, overall and by the cuts. */
export const kpiSection: SectionModule = {
  id: 'kpis',
  title: 'KPIs',
  build(context: AnalysisContext): Section {
    const { groupBy, window } = context.options;
    const reports = context.options.kpis.map((id) => kpiReport(id, context));
    return {
      id: 'kpis',
      title: `KPIs by ${groupBy.map(dimensionWord).join(' × ')}`,
      toJson: () => ({
        groupBy: [...groupBy],
        window: window === undefined ? null : { from: window.from, to: window.to },
        kpis: reports.map(kpiReportJson),
      }),
      toText: () => [`Window: ${windowText(window)}`, ...reports.map(kpiReportText)].join('\n\n'),
    };
  },
};
