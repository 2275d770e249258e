import type { CanonicalDataset, CxDataSource } from '@kizuna/model';
import { datasetDataSource } from './datasetDataSource';
import { leaderOrganisation } from './leaderOrganisation';

/** The states every leader widget is shown and tested in. */
export const leaderStates = ['ready', 'loading', 'crmError', 'empty', 'partial', 'smallSample', 'noPushdown'] as const;
export type LeaderState = (typeof leaderStates)[number];

let cached: CanonicalDataset | undefined;
function organisation(): CanonicalDataset {
  cached ??= leaderOrganisation();
  return cached;
}

/** The organisation's structure and accounts with no facts at all. */
export function withoutFacts(dataset: CanonicalDataset): CanonicalDataset {
  return { ...dataset, touchpoints: [], feedback: [], supportCases: [], opportunities: [], employeePulses: [], actions: [] };
}

/** Only the facts of the first `perUnit` accounts of each unit: every group is small. */
export function fewAnswers(dataset: CanonicalDataset, perUnit: number): CanonicalDataset {
  const kept = new Set(dataset.businessUnits.flatMap((unit) => dataset.accounts.filter((a) => a.businessUnitId === unit.id).slice(0, perUnit).map((a) => a.id)));
  const keep = <TRecord extends { accountId: string }>(records: readonly TRecord[]) => records.filter((record) => kept.has(record.accountId));
  return {
    ...dataset,
    touchpoints: keep(dataset.touchpoints),
    feedback: keep(dataset.feedback),
    supportCases: keep(dataset.supportCases),
    employeePulses: dataset.employeePulses.filter((pulse) => pulse.teamId.endsWith('-1')),
  };
}

const rateLimited = Object.assign(new Error('REQUEST_LIMIT_EXCEEDED'), { code: 'RATE_LIMITED' });

/** A data source that puts a widget in `state`. */
export function leaderSource(state: LeaderState): CxDataSource {
  switch (state) {
    case 'ready':
      return datasetDataSource(organisation());
    case 'loading':
      return datasetDataSource(organisation(), { pending: ['runAggregatePlan', 'readDataset'] });
    case 'crmError':
      return datasetDataSource(organisation(), { failing: ['runAggregatePlan', 'readDataset'], failWith: rateLimited });
    case 'empty':
      return datasetDataSource(withoutFacts(organisation()));
    case 'partial':
      return datasetDataSource(
        { ...organisation(), supportCases: [] },
        {
          pushdown: false,
          unavailable: [{ entity: 'supportCase', code: 'INVALID_FIELD', message: "No such column 'Kizuna_SLA__c' on entity 'Case'." }],
          rejected: [{ entity: 'feedback', recordId: 'a0X000000000001AAA', issues: [] }],
        },
      );
    case 'smallSample':
      return datasetDataSource(fewAnswers(organisation(), 1));
    case 'noPushdown':
      return datasetDataSource(organisation(), { pushdown: false });
  }
}
