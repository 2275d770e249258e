import { toSalesforceId18 } from '../salesforceId';
import type { SalesforceFieldDescribe, SalesforceSchema } from '../salesforceSchema';
import type { FieldValue } from '../storedRecord';
import type { FoundRecord } from '../recordStore';
import {
  badRestrictedPicklistValue,
  cannotDeserialize,
  idOfWrongType,
  invalidCrossReference,
  invalidEmailAddress,
  malformedId,
} from './dmlErrors';

/** What converting a lookup value needs: the schema (key prefixes) and the records. */
export interface ReferenceContext {
  readonly schema: SalesforceSchema;
  recordById(id: string): FoundRecord | undefined;
}

const textTypes = new Set(['string', 'textarea', 'picklist', 'email', 'id']);
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Jackson's name for the JSON token a value was read from. */
function tokenOf(value: unknown): string {
  if (typeof value === 'string') return 'VALUE_STRING';
  if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
  return Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT';
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return '[';
  return typeof value === 'object' && value !== null ? '{' : String(value);
}

function validDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** `2026-05-30T09:00:00.000+0000` / `…Z` / `…+09:00` / `2026-05-30` → epoch ms, or null. */
export function parseWireDateTime(text: string): number | null {
  const match = dateTimePattern.exec(text);
  const day = match?.[1];
  if (day === undefined || !validDate(day)) return null;
  const zone = (match?.[4] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const value = Date.parse(`${day}T${match?.[2] ?? '00:00'}${match?.[3] ?? ':00'}${zone}`);
  return Number.isNaN(value) ? null : value;
}

function referenceValue(field: SalesforceFieldDescribe, value: unknown, ctx: ReferenceContext): string {
  const id = typeof value === 'string' ? toSalesforceId18(value) : null;
  if (id === null) throw malformedId(field.label, field.name, shown(value));
  const target = ctx.schema.objectByKeyPrefix(id.slice(0, 3));
  // Targets the sim does not model (User, Group, Lead) accept any well-formed id.
  const allModelled = field.referenceTo.every((name) => ctx.schema.object(name) !== undefined);
  if (target === undefined) {
    if (allModelled) throw idOfWrongType(field.label, field.name, id);
    return id;
  }
  if (!field.referenceTo.includes(target.name)) throw idOfWrongType(field.label, field.name, id);
  const found = ctx.recordById(id);
  if (found === undefined || found.record['IsDeleted'] === true) throw invalidCrossReference(field.name);
  return id;
}

function textValue(field: SalesforceFieldDescribe, value: string | number | boolean): string {
  const text = String(value);
  if (field.type === 'picklist' && field.restrictedPicklist && !field.picklistValues.includes(text)) {
    throw badRestrictedPicklistValue(field.label, field.name, text);
  }
  if (field.type === 'email' && !emailPattern.test(text)) throw invalidEmailAddress(field.label, field.name, text);
  return text;
}

function scalarValue(field: SalesforceFieldDescribe, value: string | number | boolean): FieldValue {
  const fail = (type: string) => cannotDeserialize(type, tokenOf(value), String(value));
  switch (field.type) {
    case 'double':
    case 'currency':
    case 'int': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) throw fail(field.type === 'int' ? 'int' : 'double');
      return number;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw fail('boolean');
    case 'date': {
      const day = typeof value === 'string' ? value.slice(0, 10) : '';
      if (!validDate(day) || parseWireDateTime(String(value)) === null) throw fail('date');
      return day;
    }
    case 'datetime': {
      const epoch = typeof value === 'string' ? parseWireDateTime(value) : null;
      if (epoch === null) throw fail('datetime');
      return epoch;
    }
    default:
      return textValue(field, value);
  }
}

/**
 * Converts a JSON body value into what the store holds for `field` (dates `YYYY-MM-DD`,
 * datetimes epoch ms, lookups 18-char ids), or throws the error Salesforce answers with.
 * Text fields take numbers and booleans as their text; `null` clears a field.
 */
export function storedValue(field: SalesforceFieldDescribe, value: unknown, ctx: ReferenceContext): FieldValue {
  if (value === null) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    const type = textTypes.has(field.type) ? 'string' : field.type === 'reference' ? 'id' : field.type;
    throw cannotDeserialize(type, tokenOf(value), shown(value));
  }
  return field.type === 'reference' ? referenceValue(field, value, ctx) : scalarValue(field, value);
}
