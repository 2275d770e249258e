import { CrmError, crmIdentifierSchema, type ObjectMapping } from '@kizuna/crm-core';
import { fieldsWithId } from '../bridge/accountContextPlan';
import { soqlStringLiteral } from '../soql';
import type { DatasetPart, ResolvedScope, TimeSource } from './datasetParts';

const identifier = (name: string) => crmIdentifierSchema.parse(name);

/** A SOQL date or datetime literal of an instant (UTC): `2026-10-01` or `2026-10-01T00:00:00Z`. */
function timeLiteral(time: number, dateOnly: boolean): string {
  const iso = new Date(time).toISOString();
  return dateOnly ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

/**
 * The window on a coalesced time field: a row is in it by its first non-empty field. For
 * `[CompletedDateTime, ActivityDate]`: `((CompletedDateTime >= a AND CompletedDateTime < b) OR
 * (CompletedDateTime = null AND ActivityDate >= a' AND ActivityDate < b'))`.
 */
export function windowCondition(time: readonly TimeSource[], scope: Pick<ResolvedScope, 'from' | 'to'>): string | null {
  const branches = time.map((source, index) => {
    const field = identifier(source.field);
    const earlier = time.slice(0, index).map((previous) => `${identifier(previous.field)} = null`);
    return [...earlier, `${field} >= ${timeLiteral(scope.from, source.dateOnly)}`, `${field} < ${timeLiteral(scope.to, source.dateOnly)}`].join(' AND ');
  });
  if (branches.length === 0) return null;
  return branches.length === 1 ? (branches[0] ?? null) : `(${branches.map((branch) => `(${branch})`).join(' OR ')})`;
}

function businessUnitField(accountMapping: ObjectMapping): string {
  const field = accountMapping.fields['businessUnitId'];
  if (typeof field !== 'string') throw new CrmError('INVALID_INPUT', 'The account mapping has no single business unit field, so the read cannot be cut by business unit.');
  return identifier(field);
}

/**
 * One part of a portfolio read as SOQL: the mapping's fields (with Id), the window on its time
 * field, the business units through a semi-join on Account (`AccountId IN (SELECT Id FROM Account
 * WHERE … IN (…))`), Account rows only behind a polymorphic lookup, tasks told apart by the
 * action key, and employee pulses by the periods that start in the window. Identifiers come from the validated mapping; values only as escaped literals.
 */
export function datasetSoql(part: DatasetPart, scope: ResolvedScope, accountMapping: ObjectMapping): string {
  const conditions: string[] = [];
  const units = scope.businessUnitIds === null ? null : `${businessUnitField(accountMapping)} IN (${scope.businessUnitIds.map(soqlStringLiteral).join(', ')})`;
  if (part.entity === 'account') {
    if (units !== null) conditions.push(units);
  } else if (part.accountField !== null && (units !== null || part.polymorphic)) {
    conditions.push(`${identifier(part.accountField)} IN (SELECT Id FROM ${identifier(accountMapping.object)}${units === null ? '' : ` WHERE ${units}`})`);
  }
  if (part.actionKey !== undefined) conditions.push(`${identifier(part.actionKey.field)} ${part.actionKey.present ? '!=' : '='} null`);
  const window = windowCondition(part.time, scope);
  if (window !== null) conditions.push(window);
  if (part.periods !== undefined && part.periods.values !== null) conditions.push(`${identifier(part.periods.field)} IN (${part.periods.values.map(soqlStringLiteral).join(', ')})`);
  const fields = fieldsWithId(part.mapping).map(identifier).join(', ');
  return `SELECT ${fields} FROM ${identifier(part.mapping.object)}${conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`}`;
}
