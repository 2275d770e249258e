import { CrmError, mappedCrmFields, type ObjectMapping } from '@kizuna/crm-core';
import type { CanonicalDataset, DatasetRead, DatasetScope, EntityName, EntityOf } from '@kizuna/model';
import type { CoqlCondition } from '../coql/coqlText';
import type { ZohoMapping, ZohoMappingKey } from '../defaultMapping';
import type { ZohoGateway } from '../gateway';
import { timeLiteral } from '../pushdown/compileAggregateCoql';
import { ContextBuilder } from './contextBuilder';
import { accountLookupOf, touchpointConditions } from './accountView';
import { readPartsInRounds, type PartRead, type RoundStats } from './readParts';
import { deriveStructure } from './structure';

/** Each fact part and the canonical field that dates it (for the scope's window). */
const factParts: ReadonlyArray<{ readonly key: ZohoMappingKey; readonly entity: EntityName; readonly time: string | undefined }> = [
  { key: 'contact', entity: 'contact', time: undefined },
  { key: 'task', entity: 'touchpoint', time: 'occurredAt' },
  { key: 'call', entity: 'touchpoint', time: 'occurredAt' },
  { key: 'event', entity: 'touchpoint', time: 'occurredAt' },
  { key: 'feedback', entity: 'feedback', time: 'respondedAt' },
  { key: 'supportCase', entity: 'supportCase', time: 'openedAt' },
  { key: 'opportunity', entity: 'opportunity', time: 'closeDate' },
  { key: 'employeePulse', entity: 'employeePulse', time: undefined },
  { key: 'action', entity: 'action', time: 'createdAt' },
];

function windowConditions(mapping: ObjectMapping, timeField: string | undefined, scope: DatasetScope): CoqlCondition[] {
  const source = timeField === undefined ? undefined : mapping.fields[timeField];
  // A time field read from several CRM fields (Tasks: Closed_Time, else Due_Date) is filtered after mapping.
  if (timeField === undefined || typeof source !== 'string') return [];
  // Dates (`closeDate`) compare as `'YYYY-MM-DD'`, date-times as `'…T00:00:00+00:00'`.
  return [
    { field: source, op: '>=', value: timeLiteral(timeField, scope.from) },
    { field: source, op: '<', value: timeLiteral(timeField, scope.to) },
  ];
}

/**
 * Start of a pulse's period (`YYYY-Qn` or `YYYY-MM`, UTC) in epoch ms: what pulses are windowed by,
 * as the metrics core's portfolio read does (`periodStart` in @kizuna/metrics). NaN when unreadable.
 */
export function pulsePeriodStart(period: string): number {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter !== null) return Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month === null ? Number.NaN : Date.UTC(Number(month[1]), Number(month[2]) - 1, 1);
}

function inWindow(record: Readonly<Record<string, unknown>>, timeField: string | undefined, scope: DatasetScope): boolean {
  if (timeField === undefined) return true;
  const value = record[timeField];
  if (typeof value !== 'string') return false;
  const time = Date.parse(value);
  return time >= Date.parse(scope.from) && time < Date.parse(scope.to);
}

/**
 * A portfolio read: every account (of the listed business units), then each requested fact module
 * by COQL within the window (actions by `createdAt`; employee pulses by the start of their period,
 * after reading, as the metrics core's `datasetInScope` does), paged to the end (LIMIT/OFFSET) and all modules in the same rounds;
 * business units, product lines, segments and teams derived from the keys the records carry.
 */
export async function readDataset(gateway: ZohoGateway, mapping: ZohoMapping, scope: DatasetScope, stats: RoundStats, signal?: AbortSignal): Promise<DatasetRead> {
  if (Number.isNaN(Date.parse(scope.from)) || Number.isNaN(Date.parse(scope.to)) || Date.parse(scope.to) <= Date.parse(scope.from)) {
    throw new CrmError('INVALID_INPUT', `The window [${scope.from}, ${scope.to}) is not a pair of dates or instants, the first before the second.`);
  }
  const wanted = (entity: EntityName) => scope.entities === undefined || scope.entities.includes(entity);
  const units = scope.businessUnitIds;
  const unitField = mapping.account.fields['businessUnitId'];
  const accountWhere: CoqlCondition[] =
    units !== undefined && units.length > 0 && units.length <= 50 && typeof unitField === 'string' ? [{ field: unitField, op: 'in', values: units }] : [];
  const reads: PartRead[] = [{ key: 'account', entity: 'account', mapping: mapping.account, where: accountWhere }];
  for (const part of factParts) {
    if (!wanted(part.entity)) continue;
    const objectMapping = mapping[part.key];
    if (mappedCrmFields(objectMapping).length === 0) continue;
    reads.push({ key: part.key, entity: part.entity, mapping: objectMapping, where: [...windowConditions(objectMapping, part.time, scope), ...touchpointConditions(mapping, part.key)] });
  }
  const outcomes = await readPartsInRounds(gateway, reads, stats, signal);
  const builder = new ContextBuilder();
  const accountOutcome = outcomes.get('account');
  const accounts = accountOutcome?.ok === true ? builder.map('account', mapping.account, accountOutcome.rows).filter((account) => units === undefined || units.includes(account.businessUnitId)) : [];
  if (accountOutcome?.ok === false) builder.markUnavailable({ entity: 'account', code: accountOutcome.code, message: accountOutcome.message });
  const inScope = new Set(accounts.map((account) => account.id));
  const read = <TName extends EntityName>(key: ZohoMappingKey, entity: TName, time: string | undefined): EntityOf<TName>[] => {
    const outcome = outcomes.get(key);
    if (outcome === undefined) return [];
    if (!outcome.ok) {
      builder.markUnavailable({ entity, code: outcome.code, message: outcome.message });
      return [];
    }
    return builder.map(entity, mapping[key], outcome.rows).filter((record) => {
      const accountId = (record as { accountId?: unknown }).accountId;
      const scoped = accountLookupOf(mapping[key]) === undefined || (typeof accountId === 'string' && inScope.has(accountId));
      return scoped && inWindow(record as Readonly<Record<string, unknown>>, time, scope);
    });
  };
  const touchpoints = [...read('task', 'touchpoint', 'occurredAt'), ...read('call', 'touchpoint', 'occurredAt'), ...read('event', 'touchpoint', 'occurredAt')];
  const supportCases = read('supportCase', 'supportCase', 'openedAt');
  const structure = deriveStructure(accounts, touchpoints, supportCases);
  const unitTeams = new Set(structure.teams.filter((team) => units === undefined || units.includes(team.businessUnitId)).map((team) => team.id));
  const dataset: CanonicalDataset = {
    ...structure,
    accounts,
    contacts: read('contact', 'contact', undefined),
    touchpoints,
    feedback: read('feedback', 'feedback', 'respondedAt'),
    supportCases,
    opportunities: read('opportunity', 'opportunity', 'closeDate'),
    // Pulses of the units' teams whose period starts in the window (Period is text: filtered here).
    employeePulses: read('employeePulse', 'employeePulse', undefined).filter((pulse) => {
      const start = pulsePeriodStart(pulse.period);
      return (units === undefined || unitTeams.has(pulse.teamId)) && start >= Date.parse(scope.from) && start < Date.parse(scope.to);
    }),
    actions: read('action', 'action', 'createdAt'),
  };
  return { dataset, rejected: builder.rejected, unavailable: builder.unavailable };
}
