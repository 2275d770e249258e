import type { Account, SupportCase } from '@kizuna/model';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * Epoch milliseconds of an injected clock value (`asOf`). Throws a RangeError for an unreadable
 * value: a wrong clock is a programming error, not a data-quality problem.
 */
export function parseInstant(value: string, name = 'asOf'): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO date-time (got ${value})`);
  return ms;
}

/** A calendar date `YYYY-MM-DD` as the epoch milliseconds of its UTC midnight. */
export function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** Whole and fractional days from `fromMs` to `toMs` (negative when `toMs` is earlier). */
export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / DAY_MS;
}

/**
 * Whether a case was open at `atMs`: opened by then and not yet closed. Uses `closedAt`, not the
 * current status, so the same test works for an earlier point in time (the trend).
 */
export function isCaseOpenAt(supportCase: SupportCase, atMs: number): boolean {
  if (Date.parse(supportCase.openedAt) > atMs) return false;
  return supportCase.closedAt === undefined || Date.parse(supportCase.closedAt) > atMs;
}

/** Whether the account was a customer at `atMs`: customer since then and not churned by then. */
export function isCustomerAt(account: Account, atMs: number): boolean {
  if (dateMs(account.customerSince) > atMs) return false;
  return account.churnedOn === undefined || dateMs(account.churnedOn) > atMs;
}
