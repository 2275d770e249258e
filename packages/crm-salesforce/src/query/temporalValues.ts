import { CrmError, normaliseDateTime } from '@kizuna/crm-core';
import { z } from 'zod';
import type { SalesforceRecord } from '../restQuery';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime();

/** A field's text: REST gives it as is, GraphQL (UI API) as `{ value }`. */
function textOf(record: SalesforceRecord, field: string): string | null {
  const raw = record[field];
  const value: unknown = typeof raw === 'object' && raw !== null && 'value' in raw ? raw.value : raw;
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new CrmError('MALFORMED_RESPONSE', `${field} should be text, not ${typeof value}.`);
  return value;
}

/**
 * A datetime field as a canonical instant (`2026-05-20T20:49:32.000Z`): REST's
 * `…000+0000` and GraphQL's `…Z` give the same string. Null when empty. A date-only value is
 * refused — read it with `dateValue`, so a calendar date never becomes an instant by accident.
 */
export function dateTimeValue(record: SalesforceRecord, field: string): string | null {
  const value = textOf(record, field);
  if (value === null) return null;
  if (dateOnly.test(value)) throw new CrmError('MALFORMED_RESPONSE', `${field} is a date, not a datetime: read it with dateValue.`);
  const normalised = normaliseDateTime(value);
  if (!isoDateTime.safeParse(normalised).success) throw new CrmError('MALFORMED_RESPONSE', `${field} is not a datetime: ${value}`);
  return new Date(normalised).toISOString();
}

/** A date-only field (Task.ActivityDate, Opportunity.CloseDate) kept as `YYYY-MM-DD`; null when empty. */
export function dateValue(record: SalesforceRecord, field: string): string | null {
  const value = textOf(record, field);
  if (value === null) return null;
  if (!dateOnly.test(value) || !isoDate.safeParse(value).success) throw new CrmError('MALFORMED_RESPONSE', `${field} is not a date: ${value}`);
  return value;
}
