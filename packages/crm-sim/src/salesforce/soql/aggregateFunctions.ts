import { malformedQuery } from '../salesforceApiError';
import type { SalesforceFieldType } from '../salesforceSchema';
import type { FieldValue, StoredRecord } from '../storedRecord';
import type { ResolvedField } from './fieldPaths';

export const aggregateFunctionNames = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

/** An aggregate over the rows of one group, e.g. `AVG(Score__c)`. */
export interface CompiledAggregate {
  /** `AVG(Score__c)` in upper-case function form: how ORDER BY / HAVING refer to it. */
  readonly signature: string;
  /** Type of the result: COUNT → int, SUM/AVG → the number type, MIN/MAX → the field's type. */
  readonly type: SalesforceFieldType;
  compute(rows: readonly StoredRecord[]): FieldValue;
}

const numberTypes = new Set<SalesforceFieldType>(['double', 'int', 'currency']);

function supports(fn: string, type: SalesforceFieldType, longText: boolean): boolean {
  if (type === 'boolean' || longText) return false;
  if (fn === 'SUM' || fn === 'AVG') return numberTypes.has(type);
  return true;
}

function nonNull(rows: readonly StoredRecord[], get: (row: StoredRecord) => FieldValue): FieldValue[] {
  const values: FieldValue[] = [];
  for (const row of rows) {
    const value = get(row);
    if (value !== null) values.push(value);
  }
  return values;
}

function extreme(values: readonly FieldValue[], pickLarger: boolean): FieldValue {
  let best: FieldValue = null;
  for (const value of values) {
    if (value === null) continue;
    if (best === null) {
      best = value;
      continue;
    }
    const a = typeof value === 'string' ? value.toLowerCase() : value;
    const b = typeof best === 'string' ? best.toLowerCase() : best;
    if (pickLarger ? a > b : a < b) best = value;
  }
  return best;
}

function computeFor(fn: string, get: (row: StoredRecord) => FieldValue): (rows: readonly StoredRecord[]) => FieldValue {
  switch (fn) {
    case 'COUNT':
      return (rows) => nonNull(rows, get).length;
    case 'COUNT_DISTINCT':
      return (rows) => new Set(nonNull(rows, get).map((v) => (typeof v === 'string' ? v.toLowerCase() : v))).size;
    case 'SUM':
    case 'AVG':
      return (rows) => {
        const values = nonNull(rows, get).map(Number);
        if (values.length === 0) return null;
        const sum = values.reduce((total, value) => total + value, 0);
        return fn === 'SUM' ? sum : sum / values.length;
      };
    case 'MIN':
      return (rows) => extreme(nonNull(rows, get), false);
    default:
      return (rows) => extreme(nonNull(rows, get), true);
  }
}

/** Compiles `fn(field)`; refuses field types the function does not support, as Salesforce does. */
export function compileAggregate(functionName: string, field: ResolvedField): CompiledAggregate {
  const fn = functionName.toUpperCase();
  if (!aggregateFunctionNames.has(fn)) throw malformedQuery(`unknown aggregate function: ${functionName}`);
  if (!supports(fn, field.field.type, !field.field.filterable)) {
    throw malformedQuery(`field ${field.field.name} does not support aggregate operator ${fn}`);
  }
  const type: SalesforceFieldType =
    fn === 'COUNT' || fn === 'COUNT_DISTINCT' ? 'int' : fn === 'SUM' || fn === 'AVG' ? (field.field.type === 'currency' ? 'currency' : 'double') : field.field.type;
  return { signature: `${fn}(${field.canonicalPath.toLowerCase()})`, type, compute: computeFor(fn, field.get) };
}
