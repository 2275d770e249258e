import { useQuery } from '@tanstack/react-query';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import { FilterBar } from '../filters/FilterBar';
import type { LeaderDashboardProps } from '../filters/leaderDashboardProps';
import { useFilterState } from '../filters/useFilterState';
import { useTranslator } from '../i18n/i18nContext';
import { ClosedLoopWidget } from './ClosedLoopWidget';
import { CoverageWidget } from './CoverageWidget';
import { DriversWidget } from './DriversWidget';
import { JourneyWidget } from './JourneyWidget';
import { LinkageWidget } from './LinkageWidget';
import { MomentsWidget } from './MomentsWidget';
import { programmeDataQuery } from './useProgramme';

export type CxLeaderDashboardProps = LeaderDashboardProps;

/**
 * The CX leader's programme view: key drivers, the journey and its hand-offs, moments of truth,
 * closed-loop performance, listening-post coverage and CX–EX linkage — all from one read of the
 * programme's records.
 */
export function CxLeaderDashboard({ asOf, ...props }: CxLeaderDashboardProps) {
  const { t } = useTranslator();
  const dataSource = useCxDataSource();
  const [filters, setFilters] = useFilterState({
    ...(props.filters === undefined ? {} : { value: props.filters }),
    ...(props.onFiltersChange === undefined ? {} : { onChange: props.onFiltersChange }),
    ...(props.initialFilters === undefined ? {} : { initial: props.initialFilters }),
  });
  const structure = useQuery(programmeDataQuery(dataSource, filters, asOf)).data?.dataset;
  return (
    <section className="kz-leader kz-leader--cx" aria-label={t('cx.title')}>
      <FilterBar
        value={filters}
        onChange={setFilters}
        businessUnits={structure?.businessUnits ?? []}
        segments={structure?.segments ?? []}
        asOf={asOf}
        issues={props.filterIssues ?? []}
      />
      <div className="kz-leader__grid">
        <DriversWidget filters={filters} asOf={asOf} />
        <JourneyWidget filters={filters} asOf={asOf} />
        <MomentsWidget filters={filters} asOf={asOf} />
        <ClosedLoopWidget filters={filters} asOf={asOf} />
        <CoverageWidget filters={filters} asOf={asOf} />
        <LinkageWidget filters={filters} asOf={asOf} />
      </div>
    </section>
  );
}
