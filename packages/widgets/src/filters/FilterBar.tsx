import { useId } from 'react';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import { filterStateSchema, periodPresets, recentQuarters, type FilterIssue, type FilterState, type Period } from './filterState';

export interface FilterOption {
  readonly id: string;
  readonly name: string;
}

export interface FilterBarProps {
  readonly value: FilterState;
  readonly onChange: (next: FilterState) => void;
  readonly businessUnits: readonly FilterOption[];
  readonly segments: readonly FilterOption[];
  /** The host's "now": the quarters offered are the last eight completed before it. */
  readonly asOf: string;
  /** Filters from the URL that could not be used: said in words, once. */
  readonly issues?: readonly FilterIssue[];
  /** Hide the business-unit choice (e.g. a unit leader locked to their unit). */
  readonly showBusinessUnit?: boolean;
}

export function periodLabel(translator: Translator, period: Period): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match !== null) return translator.t('filters.quarter', { year: match[1] ?? '', quarter: match[2] ?? '' });
  return translator.t(`filters.period.${period as (typeof periodPresets)[number]}`);
}

/**
 * Period, business unit and customer type as native, labelled selects (keyboard operable as they
 * are). Every change is validated with the filter schema before it reaches the dashboard.
 */
export function FilterBar({ value, onChange, businessUnits, segments, asOf, issues = [], showBusinessUnit = true }: FilterBarProps) {
  const translator = useTranslator();
  const { t } = translator;
  const id = useId();
  const change = (patch: Partial<Record<keyof FilterState, string>>) => {
    // An empty choice ("all") removes that filter.
    const merged: Record<string, string | undefined> = { ...value, ...patch };
    const draft = Object.fromEntries(Object.entries(merged).filter(([, next]) => next !== undefined && next !== ''));
    const parsed = filterStateSchema.safeParse(draft);
    if (parsed.success) onChange(parsed.data);
  };
  const periods: Period[] = [...periodPresets, ...recentQuarters(asOf)];
  return (
    <div className="kz-filters" role="group" aria-label={t('filters.label')}>
      <div className="kz-filters__field">
        <label htmlFor={`${id}-period`}>{t('filters.period')}</label>
        <select id={`${id}-period`} value={value.period} onChange={(event) => change({ period: event.target.value })}>
          {periods.map((period) => (
            <option key={period} value={period}>
              {periodLabel(translator, period)}
            </option>
          ))}
        </select>
      </div>
      {showBusinessUnit && (
        <div className="kz-filters__field">
          <label htmlFor={`${id}-unit`}>{t('filters.businessUnit')}</label>
          <select id={`${id}-unit`} value={value.businessUnitId ?? ''} onChange={(event) => change({ businessUnitId: event.target.value })}>
            <option value="">{t('filters.allUnits')}</option>
            {businessUnits.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="kz-filters__field">
        <label htmlFor={`${id}-segment`}>{t('filters.segment')}</label>
        <select id={`${id}-segment`} value={value.segmentId ?? ''} onChange={(event) => change({ segmentId: event.target.value })}>
          <option value="">{t('filters.allSegments')}</option>
          {segments.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
            </option>
          ))}
        </select>
      </div>
      {issues.length > 0 && (
        <ul className="kz-warnings kz-filters__issues">
          {issues.map((issue) => (
            <li key={issue.parameter} className="kz-warning">
              {t('filters.ignored', { parameter: issue.parameter, message: issue.message })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
