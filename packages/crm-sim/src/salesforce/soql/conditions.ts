import type { Operator } from '@jetstreamapp/soql-parser-js';
import { invalidFilterValue } from '../salesforceApiError';
import { toSalesforceId18 } from '../salesforceId';
import type { SalesforceFieldType } from '../salesforceSchema';
import type { FieldValue } from '../storedRecord';
import type { Literal } from './literals';

/** Something a condition compares: a field (WHERE) or an aggregate/grouped value (HAVING). */
export interface Operand<TRow> {
  readonly name: string;
  readonly type: SalesforceFieldType;
  readonly get: (row: TRow) => FieldValue;
}

export type Predicate<TRow> = (row: TRow) => boolean;
type OperandInfo = Pick<Operand<never>, 'name' | 'type'>;
type Comparable = string | number | boolean;

const textTypes = new Set<SalesforceFieldType>(['string', 'email', 'picklist', 'textarea', 'id', 'reference']);
const numberTypes = new Set<SalesforceFieldType>(['double', 'int', 'currency']);
const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);

function typeName(type: SalesforceFieldType): string {
  if (textTypes.has(type)) return 'string';
  if (numberTypes.has(type)) return 'double';
  return type === 'datetime' ? 'dateTime' : type;
}

function wrongType(operand: OperandInfo): Error {
  const quotes = textTypes.has(operand.type) ? 'should be enclosed in quotes' : 'should not be enclosed in quotes';
  return invalidFilterValue(
    `value of filter criterion for field '${operand.name}' must be of type ${typeName(operand.type)} and ${quotes}`,
  );
}

function accepts(type: SalesforceFieldType, literal: Literal): boolean {
  if (literal.kind === 'null') return true;
  if (textTypes.has(type)) return literal.kind === 'string';
  if (numberTypes.has(type)) return literal.kind === 'number';
  if (type === 'boolean') return literal.kind === 'boolean';
  if (type === 'date') return literal.kind === 'date' || literal.kind === 'range';
  return literal.kind === 'datetime' || literal.kind === 'range';
}

/** Text compares case-insensitively, as SOQL does; ids compare in their 18-char form. */
function comparableField(type: SalesforceFieldType, value: FieldValue): Comparable | null {
  if (value === null) return null;
  return typeof value === 'string' && textTypes.has(type) ? value.toLowerCase() : value;
}

function comparableLiteral(operand: OperandInfo, literal: Literal): Comparable | null {
  switch (literal.kind) {
    case 'null':
    case 'range':
      return null;
    case 'string': {
      if (operand.type !== 'id' && operand.type !== 'reference') return literal.value.toLowerCase();
      const id = toSalesforceId18(literal.value);
      if (id === null) throw invalidFilterValue(`invalid ID field: ${literal.value}`);
      return id.toLowerCase();
    }
    default:
      return literal.value;
  }
}

function likeMatcher(pattern: string): (value: string) => boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (char === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += pattern.charAt(i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`, 'i');
  return (value) => regex.test(value);
}

function compare(a: Comparable, b: Comparable): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rangeTest(operator: Operator, value: number, range: { start: number; end: number }): boolean {
  switch (operator) {
    case '<':
      return value < range.start;
    case '<=':
      return value < range.end;
    case '>':
      return value >= range.end;
    case '>=':
      return value >= range.start;
    case '!=':
      return value < range.start || value >= range.end;
    default:
      return value >= range.start && value < range.end;
  }
}

/** One literal against one field value, for `= != < <= > >=` (and each member of IN / NOT IN). */
function compileSingle<TRow>(operand: Operand<TRow>, operator: Operator, literal: Literal): Predicate<TRow> {
  const positive = operator === 'NOT IN' ? '=' : operator === 'IN' ? '=' : operator;
  if (literal.kind === 'range') {
    const range = literal.value;
    const toMs = operand.type === 'date' ? (v: FieldValue) => dayMs(String(v)) : (v: FieldValue) => Number(v);
    return (row) => {
      const value = operand.get(row);
      return value === null ? positive === '!=' : rangeTest(positive, toMs(value), range);
    };
  }
  const expected = comparableLiteral(operand, literal);
  return (row) => {
    const actual = comparableField(operand.type, operand.get(row));
    if (expected === null || actual === null) {
      const same = expected === actual;
      return positive === '=' ? same : positive === '!=' ? !same : false;
    }
    const order = compare(actual, expected);
    switch (positive) {
      case '=':
        return order === 0;
      case '!=':
        return order !== 0;
      case '<':
        return order < 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      default:
        return order >= 0;
    }
  };
}

/** Compiles `operand operator literal(s)` into a predicate, checking literal types as Salesforce does. */
export function compileComparison<TRow>(operand: Operand<TRow>, operator: Operator, literals: readonly Literal[]): Predicate<TRow> {
  for (const literal of literals) if (!accepts(operand.type, literal)) throw wrongType(operand);
  if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    throw invalidFilterValue(`${operator} operator is only valid on multipicklist fields: ${operand.name}`);
  }
  if (operator === 'LIKE') {
    const [literal] = literals;
    if (!textTypes.has(operand.type) || literal?.kind !== 'string') {
      throw invalidFilterValue(`invalid operator on ${typeName(operand.type)} field: ${operand.name}`);
    }
    const matches = likeMatcher(literal.value);
    return (row) => {
      const value = operand.get(row);
      return typeof value === 'string' && matches(value);
    };
  }
  const members = literals.map((literal) => compileSingle(operand, operator, literal));
  if (operator === 'IN') return (row) => members.some((member) => member(row));
  if (operator === 'NOT IN') return (row) => !members.some((member) => member(row));
  const [single] = members;
  if (single === undefined || members.length !== 1) throw invalidFilterValue(`operator ${operator} needs one value`);
  return single;
}
