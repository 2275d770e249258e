import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { LinkageWidget } from '../cxLeader/LinkageWidget';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import { FilterBar } from '../filters/FilterBar';
import type { LeaderDashboardProps } from '../filters/leaderDashboardProps';
import { useFilterState } from '../filters/useFilterState';
import { useTranslator } from '../i18n/i18nContext';
import type { DrillTarget } from './drillDown';
import { DrillDownWidget } from './DrillDownWidget';
import { HighlightsWidget } from './HighlightsWidget';
import { KpiComparisonWidget } from './KpiComparisonWidget';
import { businessDataQuery } from './queries';

export interface BusinessUnitDashboardProps extends LeaderDashboardProps {
  /** Opens an account's CRM record; supplied by the host (Lightning navigation, Zoho, a URL). */
  readonly onOpenAccount?: (accountId: string) => void;
}

/**
 * The business-unit leader's home page: filters, the side-by-side comparison, the real
 * opportunities and weaknesses by revenue at stake, a drill-down from any row to its segments and
 * accounts, and the EX and operational causes behind the CX numbers.
 */
export function BusinessUnitDashboard({ asOf, onOpenAccount, ...props }: BusinessUnitDashboardProps) {
  const { t } = useTranslator();
  const dataSource = useCxDataSource();
  const [filters, setFilters] = useFilterState({
    ...(props.filters === undefined ? {} : { value: props.filters }),
    ...(props.onFiltersChange === undefined ? {} : { onChange: props.onFiltersChange }),
    ...(props.initialFilters === undefined ? {} : { initial: props.initialFilters }),
  });
  const [target, setTarget] = useState<DrillTarget | undefined>(undefined);
  const drillRef = useRef<HTMLDivElement>(null);
  const structure = useQuery(businessDataQuery(dataSource, filters, asOf)).data?.structure;
  useEffect(() => {
    if (target !== undefined) drillRef.current?.focus();
  }, [target]);
  const changeFilters = (next: typeof filters) => {
    setTarget(undefined);
    setFilters(next);
  };
  return (
    <section className="kz-leader kz-leader--business" aria-label={t('bu.title')}>
      <FilterBar
        value={filters}
        onChange={changeFilters}
        businessUnits={structure?.businessUnits ?? []}
        segments={structure?.segments ?? []}
        asOf={asOf}
        issues={props.filterIssues ?? []}
      />
      <div className="kz-leader__grid">
        <HighlightsWidget filters={filters} asOf={asOf} onDrill={setTarget} />
        <KpiComparisonWidget filters={filters} asOf={asOf} onDrill={setTarget} />
        <div ref={drillRef} tabIndex={-1} className="kz-leader__drill">
          <DrillDownWidget
            filters={filters}
            asOf={asOf}
            target={target}
            onClose={() => setTarget(undefined)}
            {...(onOpenAccount === undefined ? {} : { onOpenAccount })}
          />
        </div>
        <LinkageWidget filters={filters} asOf={asOf} title={t('bu.causes.title')} description={t('bu.causes.description')} deferred />
      </div>
    </section>
  );
}
