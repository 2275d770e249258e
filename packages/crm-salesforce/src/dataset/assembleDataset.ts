import type { Account, CanonicalDataset, DatasetRead, EntityOf, Team } from '@kizuna/model';
import type { ContextBuilder } from '../contextBuilder';
import type { DatasetPart, DatasetPartName, ResolvedScope } from './datasetParts';
import { pulsePeriodInWindow } from './pulsePeriods';

/** Business units, product lines, segments and teams: the organisation a dataset is cut by. */
export type DatasetStructure = Pick<CanonicalDataset, 'businessUnits' | 'productLines' | 'segments' | 'teams'>;

type Department = Team['department'];

function mostCommon<T extends string>(counts: ReadonlyMap<T, number>): T | undefined {
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function tally<T extends string>(target: Map<string, Map<T, number>>, key: string, value: T): void {
  const counts = target.get(key) ?? new Map<T, number>();
  counts.set(value, (counts.get(value) ?? 0) + 1);
  target.set(key, counts);
}

/**
 * The structure as the org holds it: canonical keys in text fields of Account (and Task, Event,
 * Case), with no names (docs/crm/salesforce-layout.md). Each key is named by itself; a team's
 * business unit is the one most of its accounts and records belong to, its department the one
 * most of its touchpoints name (`success` when none does). A host that knows the names passes
 * the structure to the data source instead.
 */
export function structureOfRecords(accounts: readonly Account[], facts: { readonly teamIds: ReadonlyArray<{ teamId: string; accountId: string; department?: Department }> }): DatasetStructure {
  const unitOf = new Map(accounts.map((account) => [account.id, account.businessUnitId]));
  const lineUnits = new Map<string, Map<string, number>>();
  const teamUnits = new Map<string, Map<string, number>>();
  const teamDepartments = new Map<string, Map<Department, number>>();
  for (const account of accounts) {
    tally(lineUnits, account.productLineId, account.businessUnitId);
    tally(teamUnits, account.servingTeamId, account.businessUnitId);
  }
  for (const { teamId, accountId, department } of facts.teamIds) {
    const unit = unitOf.get(accountId);
    if (unit !== undefined) tally(teamUnits, teamId, unit);
    if (department !== undefined) tally(teamDepartments, teamId, department);
  }
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    businessUnits: sorted(accounts.map((account) => account.businessUnitId)).map((id) => ({ id, name: id })),
    productLines: [...lineUnits].sort(([a], [b]) => a.localeCompare(b)).map(([id, units]) => ({ id, name: id, businessUnitId: mostCommon(units) ?? '' })),
    segments: sorted(accounts.map((account) => account.segmentId)).map((id) => ({ id, name: id })),
    teams: [...teamUnits]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, units]) => ({ id, name: id, businessUnitId: mostCommon(units) ?? '', department: mostCommon(teamDepartments.get(id) ?? new Map<Department, number>()) ?? 'success' })),
  };
}

/** The records each part read, by part; parts that were refused are absent (and listed in the builder). */
export type PartRecords = ReadonlyMap<DatasetPartName, ReadonlyArray<Readonly<Record<string, unknown>>>>;

/**
 * Maps every part's records through its mapping into one canonical dataset: invalid records in
 * `rejected`, refused parts in `unavailable`. Tasks without the action key are touchpoints, with it
 * actions; employee pulses are kept when their period starts in the window (whatever the query could
 * say of it: the gateway's record queries hold no period list), and for the teams in scope when the
 * read is cut by business unit.
 */
export function assembleDataset(
  parts: readonly DatasetPart[],
  records: PartRecords,
  builder: ContextBuilder,
  scope: ResolvedScope,
  structure: DatasetStructure | undefined,
  extraFeedback: readonly EntityOf<'feedback'>[] = [],
): DatasetRead {
  const mapPart = <TName extends DatasetPart['entity']>(name: DatasetPartName, entity: TName): EntityOf<TName>[] => {
    const part = parts.find((candidate) => candidate.name === name);
    const rows = records.get(name);
    return part === undefined || rows === undefined ? [] : builder.map(entity, part.mapping, rows);
  };
  const accounts = mapPart('accounts', 'account');
  const touchpoints = [...mapPart('tasks', 'touchpoint'), ...mapPart('events', 'touchpoint')].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const supportCases = mapPart('supportCases', 'supportCase');
  const teamFacts = [
    ...touchpoints.flatMap((touchpoint) => (touchpoint.teamId === undefined ? [] : [{ teamId: touchpoint.teamId, accountId: touchpoint.accountId, department: touchpoint.department }])),
    ...supportCases.flatMap((supportCase) => (supportCase.teamId === undefined ? [] : [{ teamId: supportCase.teamId, accountId: supportCase.accountId }])),
  ];
  const derived = structure ?? structureOfRecords(accounts, { teamIds: teamFacts });
  const units = scope.businessUnitIds === null ? null : new Set(scope.businessUnitIds);
  const inScope = <T extends { businessUnitId: string }>(items: readonly T[]) => (units === null ? [...items] : items.filter((item) => units.has(item.businessUnitId)));
  const teams = inScope(derived.teams);
  const teamIds = new Set(teams.map((team) => team.id));
  const pulses = mapPart('employeePulses', 'employeePulse').filter((pulse) => pulsePeriodInWindow(pulse.period, scope.from, scope.to));
  const dataset: CanonicalDataset = {
    businessUnits: units === null ? [...derived.businessUnits] : derived.businessUnits.filter((unit) => units.has(unit.id)),
    productLines: inScope(derived.productLines),
    segments: [...derived.segments],
    teams,
    accounts,
    contacts: mapPart('contacts', 'contact'),
    touchpoints,
    feedback: [...mapPart('feedback', 'feedback'), ...extraFeedback],
    supportCases,
    opportunities: mapPart('opportunities', 'opportunity'),
    employeePulses: units === null ? pulses : pulses.filter((pulse) => teamIds.has(pulse.teamId)),
    actions: mapPart('actions', 'action'),
  };
  return { dataset, rejected: builder.rejected, unavailable: builder.unavailable };
}
