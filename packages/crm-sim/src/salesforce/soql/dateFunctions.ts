import { malformedQuery } from '../salesforceApiError';
import type { SalesforceFieldType } from '../salesforceSchema';
import type { FieldValue, StoredRecord } from '../storedRecord';
import { utcDateOf } from '../storedRecord';
import type { Operand } from './conditions';
import type { ResolvedField } from './fieldPaths';

const dayMs = 86_400_000;

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / dayMs) + 1;
}

const dateFunctions: Record<string, (date: Date) => number> = {
  CALENDAR_YEAR: (date) => date.getUTCFullYear(),
  CALENDAR_QUARTER: (date) => Math.floor(date.getUTCMonth() / 3) + 1,
  CALENDAR_MONTH: (date) => date.getUTCMonth() + 1,
  DAY_IN_MONTH: (date) => date.getUTCDate(),
  DAY_IN_WEEK: (date) => date.getUTCDay() + 1,
  DAY_IN_YEAR: dayOfYear,
  HOUR_IN_DAY: (date) => date.getUTCHours(),
  WEEK_IN_MONTH: (date) => Math.floor((date.getUTCDate() - 1) / 7) + 1,
  WEEK_IN_YEAR: (date) => Math.floor((dayOfYear(date) - 1) / 7) + 1,
  FISCAL_YEAR: (date) => date.getUTCFullYear(),
  FISCAL_QUARTER: (date) => Math.floor(date.getUTCMonth() / 3) + 1,
  FISCAL_MONTH: (date) => date.getUTCMonth() + 1,
};

/** True for the functions SOQL applies to date/datetime fields (not aggregates). */
export function isDateFunction(name: string): boolean {
  const upper = name.toUpperCase();
  return upper === 'DAY_ONLY' || upper in dateFunctions;
}

function toDate(type: SalesforceFieldType, value: FieldValue): Date | null {
  if (value === null) return null;
  return new Date(type === 'date' ? Date.parse(`${String(value)}T00:00:00Z`) : Number(value));
}

/**
 * `CALENDAR_MONTH(Responded_At__c)`, `DAY_ONLY(CreatedDate)` … as an operand. Evaluated in UTC
 * (the real API converts to the user's time zone unless `convertTimezone()` says otherwise);
 * fiscal functions use the calendar year.
 */
export function dateFunctionOperand(name: string, field: ResolvedField): Operand<StoredRecord> {
  const upper = name.toUpperCase();
  const type = field.field.type;
  if (type !== 'date' && type !== 'datetime') {
    throw malformedQuery(`${upper}() can only be used with date or dateTime fields: ${field.canonicalPath}`);
  }
  if (upper === 'DAY_ONLY') {
    if (type !== 'datetime') throw malformedQuery(`DAY_ONLY() can only be used with dateTime fields: ${field.canonicalPath}`);
    return {
      name: `DAY_ONLY(${field.canonicalPath})`,
      type: 'date',
      get: (row) => {
        const value = field.get(row);
        return value === null ? null : utcDateOf(Number(value));
      },
    };
  }
  const compute = dateFunctions[upper];
  if (compute === undefined) throw malformedQuery(`unknown function: ${name}`);
  return {
    name: `${upper}(${field.canonicalPath})`,
    type: 'int',
    get: (row) => {
      const date = toDate(type, field.get(row));
      return date === null ? null : compute(date);
    },
  };
}
