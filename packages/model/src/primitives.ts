import { z } from 'zod/mini';

/** A record id as the CRM gives it. Always a string: Zoho's 19-digit ids do not fit a double. */
export const idSchema = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'must be at most 64 characters'));

/** An instant, canonical form `YYYY-MM-DDTHH:mm:ss(.sss)Z` or with a `±HH:MM` offset. */
export const dateTimeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with Z or ±HH:MM' });

/** A calendar date without time or zone, `YYYY-MM-DD`. */
export const dateSchema = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** A reporting period: a quarter `YYYY-Qn` or a month `YYYY-MM`. */
export const periodSchema = z.string().check(z.regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'must be a period YYYY-Qn or YYYY-MM'));

/** ISO 4217 currency code. */
export const currencySchema = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code'));

export const moneySchema = z.number().check(z.nonnegative('must not be negative'));

export const countSchema = z.number().check(z.int('must be a whole number'), z.nonnegative('must not be negative'));

export const nameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(255, 'must be at most 255 characters'));
