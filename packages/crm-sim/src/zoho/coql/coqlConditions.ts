import { ZohoApiError } from '../zohoApiError';
import { isZohoDate, parseZohoDateTime } from '../zohoDateTime';
import type { ZohoFieldType } from '../zohoModuleSpecs';
import { isValueList, type ZohoRecordStore, type ZohoStoredRecord, type ZohoStoredValue } from '../zohoRecordStore';
import type { CoqlCondition, CoqlLiteral } from './coqlAst';
import { columnValue, resolveColumn, type ResolvedColumn } from './coqlFields';

export type RowTest = (record: ZohoStoredRecord) => boolean;

/** Criteria one WHERE may hold (v7 COQL error list: 25). */
export const maxCriteria = 25;
/** Values in one `in` / `not in` (reference §B Limits: 50). */
export const maxInValues = 50;

const textTypes = new Set<ZohoFieldType>(['text', 'textarea', 'email', 'picklist', 'autonumber']);
const numberTypes = new Set<ZohoFieldType>(['integer', 'double', 'currency']);
const idTypes = new Set<ZohoFieldType>(['id', 'lookup', 'ownerlookup', 'userlookup']);

const invalidOperator = (column: ResolvedColumn, operator: string): ZohoApiError =>
  new ZohoApiError(400, 'INVALID_QUERY', 'Invalid query formed', { reason: 'invalid operator found', column_name: column.text, operator });

const invalidValue = (column: ResolvedColumn, expected: string): ZohoApiError =>
  new ZohoApiError(400, 'INVALID_QUERY', 'invalid value given', { column_name: column.text, expected_data_type: expected, data_type: column.field.type });

/** Operators each kind of field accepts (v7/v8 COQL overview "Comparators"). */
function checkOperator(column: ResolvedColumn, operator: string): void {
  const type = column.field.type;
  const allowed = idTypes.has(type)
    ? ['=', '!=', 'in', 'not in', 'is null', 'is not null']
    : type === 'boolean'
      ? ['=', '!=', 'is null', 'is not null']
      : type === 'multiselectpicklist'
        ? ['=', '!=', 'is null', 'is not null']
        : textTypes.has(type)
          ? ['=', '!=', 'like', 'not like', 'in', 'not in', 'is null', 'is not null']
          : ['=', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'between', 'not between', 'is null', 'is not null'];
  if (!allowed.includes(operator)) throw invalidOperator(column, operator);
}

type Comparable = string | number | boolean | readonly string[];

/** A literal as the column's type reads it: text lower-cased, datetimes to epoch ms, ids as text. */
function literalValue(column: ResolvedColumn, literal: CoqlLiteral): Comparable {
  const type = column.field.type;
  if (idTypes.has(type)) return literal.kind === 'number' ? literal.text : literal.value;
  if (numberTypes.has(type)) {
    const value = literal.kind === 'number' ? literal.value : Number(literal.value);
    if (literal.kind === 'string' && (literal.value.trim() === '' || Number.isNaN(value))) throw invalidValue(column, type);
    return value;
  }
  if (literal.kind !== 'string') throw invalidValue(column, type);
  switch (type) {
    case 'boolean':
      if (literal.value !== 'true' && literal.value !== 'false') throw invalidValue(column, 'boolean');
      return literal.value === 'true';
    case 'date':
      if (!isZohoDate(literal.value)) throw invalidValue(column, 'date');
      return literal.value;
    case 'datetime': {
      const value = parseZohoDateTime(literal.value);
      if (value === null) throw invalidValue(column, 'datetime');
      return value;
    }
    case 'multiselectpicklist':
      // Multi-select equality names the whole set: 'A;B' (reference §B).
      return literal.value.split(';').map((part) => part.trim().toLowerCase()).sort();
    default:
      return literal.value.toLowerCase();
  }
}

function storedComparable(value: ZohoStoredValue): Comparable | null {
  if (value === null) return null;
  if (isValueList(value)) return value.map((part) => part.toLowerCase()).sort();
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function equal(a: Comparable, b: Comparable): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((part, i) => part === b[i]);
  return a === b;
}

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `like` patterns: `%x%` contains, `x%` starts with, `%x` ends with, else equals. */
function likeTest(pattern: string): (value: string) => boolean {
  const lower = pattern.toLowerCase();
  const starts = lower.startsWith('%');
  const ends = lower.endsWith('%') && lower.length > 1;
  const core = lower.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (starts && ends) return (value) => value.includes(core);
  if (starts) return (value) => value.endsWith(core);
  if (ends) return (value) => value.startsWith(core);
  return (value) => value === core;
}

function countCriteria(condition: CoqlCondition): number {
  return condition.kind === 'logical' ? countCriteria(condition.left) + countCriteria(condition.right) : 1;
}

/**
 * Compiles a WHERE clause into a row test. Text compares without regard to case; a row whose
 * value is null matches only `is null` (SQL semantics: `!=` and `not in` skip nulls).
 */
export function compileCondition(store: ZohoRecordStore, module: string, condition: CoqlCondition): RowTest {
  if (countCriteria(condition) > maxCriteria) {
    throw new ZohoApiError(400, 'LIMIT_EXCEEDED', `a query can have at most ${maxCriteria} criteria`, { by: 'criteria', limit: maxCriteria });
  }
  return compile(store, module, condition);
}

function compile(store: ZohoRecordStore, module: string, condition: CoqlCondition): RowTest {
  if (condition.kind === 'logical') {
    const left = compile(store, module, condition.left);
    const right = compile(store, module, condition.right);
    return condition.op === 'and' ? (r) => left(r) && right(r) : (r) => left(r) || right(r);
  }
  return compilePredicate(store, module, condition);
}

function compilePredicate(store: ZohoRecordStore, module: string, condition: Exclude<CoqlCondition, { kind: 'logical' }>): RowTest {
  const column = resolveColumn(store, module, condition.field);
  const read = (record: ZohoStoredRecord): Comparable | null => storedComparable(columnValue(store, column, record));
  switch (condition.kind) {
    case 'null': {
      checkOperator(column, condition.negated ? 'is not null' : 'is null');
      return condition.negated ? (r) => read(r) !== null : (r) => read(r) === null;
    }
    case 'in': {
      checkOperator(column, condition.negated ? 'not in' : 'in');
      if (condition.values.length > maxInValues) {
        throw new ZohoApiError(400, 'LIMIT_EXCEEDED', `in can take at most ${maxInValues} values`, { by: 'in', limit: maxInValues, column_name: column.text });
      }
      const values = condition.values.map((literal) => literalValue(column, literal));
      return (r) => {
        const value = read(r);
        if (value === null) return false;
        const found = values.some((candidate) => equal(value, candidate));
        return condition.negated ? !found : found;
      };
    }
    case 'between': {
      checkOperator(column, condition.negated ? 'not between' : 'between');
      const low = literalValue(column, condition.low);
      const high = literalValue(column, condition.high);
      return (r) => {
        const value = read(r);
        if (value === null) return false;
        const inside = compare(value, low) >= 0 && compare(value, high) <= 0;
        return condition.negated ? !inside : inside;
      };
    }
    case 'compare': {
      checkOperator(column, condition.op);
      if (condition.op === 'like' || condition.op === 'not like') {
        if (condition.value.kind !== 'string') throw invalidValue(column, 'text');
        const test = likeTest(condition.value.value);
        const negated = condition.op === 'not like';
        return (r) => {
          const value = read(r);
          return typeof value === 'string' && test(value) !== negated;
        };
      }
      const target = literalValue(column, condition.value);
      const op = condition.op;
      return (r) => {
        const value = read(r);
        if (value === null) return false;
        switch (op) {
          case '=':
            return equal(value, target);
          case '!=':
            return !equal(value, target);
          case '<':
            return compare(value, target) < 0;
          case '>':
            return compare(value, target) > 0;
          case '<=':
            return compare(value, target) <= 0;
          default:
            return compare(value, target) >= 0;
        }
      };
    }
  }
}
