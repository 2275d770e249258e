import type { GroupByClause } from '@jetstreamapp/soql-parser-js';
import { fieldNotAllowed, malformedQuery, simUnsupported } from '../salesforceApiError';
import type { FieldValue, StoredRecord } from '../storedRecord';
import type { Operand } from './conditions';
import { dateFunctionOperand, isDateFunction } from './dateFunctions';
import { pathSegments, resolveField } from './fieldPaths';
import type { QueryContext } from './queryContext';
import { asArray } from './recordQuery';

/** One output row of a GROUP BY: the grouped values, the rows behind them, and which keys are rolled up. */
export interface Group {
  readonly values: readonly FieldValue[];
  readonly rows: readonly StoredRecord[];
  /** Per key: true on a ROLLUP subtotal (or grand total) row for that key; `GROUPING(key)` = 1. */
  readonly rolledUp: readonly boolean[];
}
export interface GroupKey {
  /** `field:account__r.name` or `fn:calendar_month(responded_at__c)`: how SELECT/HAVING/ORDER BY find the key. */
  readonly signature: string;
  readonly operand: Operand<StoredRecord>;
}
export interface Grouping {
  readonly keys: readonly GroupKey[];
  /** GROUP BY ROLLUP(…): subtotal rows and one grand total besides the detail rows. */
  readonly rollup: boolean;
}

/** ROLLUP takes one to three fields (sforce-api-calls-soql-select-groupby-rollup). */
export const maxRollupFields = 3;

const fnName = (fn: { functionName?: string }): string => (fn.functionName ?? '').toUpperCase();

function fieldKey(ctx: QueryContext, objectName: string, alias: string | undefined, path: string): GroupKey {
  const resolved = resolveField(ctx.source, objectName, pathSegments(path, alias));
  if (!resolved.field.groupable) throw fieldNotAllowed(resolved.field.name, 'grouped');
  const operand = { name: resolved.field.name, type: resolved.field.type, get: resolved.get };
  return { signature: `field:${resolved.canonicalPath.toLowerCase()}`, operand };
}

function keyOf(ctx: QueryContext, objectName: string, alias: string | undefined, clause: GroupByClause): GroupKey {
  if (!('fn' in clause)) return fieldKey(ctx, objectName, alias, clause.field);
  const name = fnName(clause.fn);
  const [parameter] = clause.fn.parameters ?? [];
  if (!isDateFunction(name) || typeof parameter !== 'string') throw simUnsupported(`GROUP BY ${name}()`);
  const operand = dateFunctionOperand(name, resolveField(ctx.source, objectName, pathSegments(parameter, alias)));
  return { signature: `fn:${operand.name.toLowerCase()}`, operand };
}

function rollupKeys(ctx: QueryContext, objectName: string, alias: string | undefined, parameters: readonly unknown[]): GroupKey[] {
  if (parameters.length === 0 || parameters.length > maxRollupFields) {
    throw malformedQuery(`GROUP BY ROLLUP takes 1 to ${maxRollupFields} fields`);
  }
  return parameters.map((parameter) => {
    if (typeof parameter !== 'string') throw simUnsupported('GROUP BY ROLLUP of a function');
    return fieldKey(ctx, objectName, alias, parameter);
  });
}

/**
 * The keys of a GROUP BY clause. `ROLLUP(f1[, f2[, f3]])` must be the whole clause: Salesforce
 * refuses GROUP BY and GROUP BY ROLLUP in one statement. CUBE is not simulated.
 */
export function groupingOf(
  ctx: QueryContext,
  objectName: string,
  alias: string | undefined,
  groupBy: GroupByClause | GroupByClause[] | undefined,
): Grouping {
  const clauses = asArray(groupBy);
  const special = clauses.filter((clause) => 'fn' in clause && ['ROLLUP', 'CUBE'].includes(fnName(clause.fn)));
  const [first] = special;
  if (first === undefined || !('fn' in first)) {
    return { keys: clauses.map((clause) => keyOf(ctx, objectName, alias, clause)), rollup: false };
  }
  if (fnName(first.fn) === 'CUBE') throw simUnsupported('GROUP BY CUBE');
  if (clauses.length > 1) {
    throw malformedQuery('GROUP BY ROLLUP cannot be combined with other GROUP BY fields: put them all inside ROLLUP()');
  }
  return { keys: rollupKeys(ctx, objectName, alias, first.fn.parameters ?? []), rollup: true };
}

/** Partitions rows by one key, keeping the order in which values are first met. */
function partition(rows: readonly StoredRecord[], key: GroupKey): Array<{ value: FieldValue; rows: StoredRecord[] }> {
  const parts = new Map<FieldValue, { value: FieldValue; rows: StoredRecord[] }>();
  for (const row of rows) {
    const value = key.operand.get(row);
    const part = parts.get(value);
    if (part === undefined) parts.set(value, { value, rows: [row] });
    else part.rows.push(row);
  }
  return [...parts.values()];
}

/**
 * ROLLUP rows, in the order the docs' examples show: each first-level group's detail rows, then
 * its subtotal (deeper levels alike), and the grand total last. Rolled-up keys are null.
 */
function rollupRows(rows: readonly StoredRecord[], keys: readonly GroupKey[]): Group[] {
  const out: Group[] = [];
  const visit = (subset: readonly StoredRecord[], prefix: readonly FieldValue[]): void => {
    const depth = prefix.length;
    const key = keys[depth];
    if (key === undefined) {
      out.push({ values: prefix, rows: subset, rolledUp: keys.map(() => false) });
      return;
    }
    for (const part of partition(subset, key)) visit(part.rows, [...prefix, part.value]);
    out.push({
      values: keys.map((_, index) => (index < depth ? (prefix[index] ?? null) : null)),
      rows: subset,
      rolledUp: keys.map((_, index) => index >= depth),
    });
  };
  visit(rows, []);
  return out;
}

/** The groups of the rows: one per distinct key tuple (first-met order), plus ROLLUP's totals. */
export function groupRows(rows: readonly StoredRecord[], grouping: Grouping): Group[] {
  const { keys } = grouping;
  if (keys.length === 0) return [{ values: [], rows, rolledUp: [] }];
  if (grouping.rollup) return rollupRows(rows, keys);
  const groups = new Map<FieldValue, { values: FieldValue[]; rows: StoredRecord[] }>();
  for (const row of rows) {
    const values = keys.map((key) => key.operand.get(row));
    const id = values.length === 1 ? (values[0] ?? null) : JSON.stringify(values);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { values, rows: [row] });
    else group.rows.push(row);
  }
  return [...groups.values()].map((group) => ({ ...group, rolledUp: keys.map(() => false) }));
}
