/**
 * Employee pulses are dated by their period (`YYYY-Qn` or `YYYY-MM`, as the model's `periodSchema`
 * has it), and a portfolio read takes a pulse whose period *starts* in the window — the time the
 * EX KPIs window on (`DatasetScope` in packages/model/src/dataSource.ts). Salesforce keeps the
 * period as text, so the read names the periods that start in the window.
 */

/** Period literals one read may list in its `IN (…)`; a wider window reads every pulse and keeps the ones in it. */
export const MAX_PERIOD_LITERALS = 400;

const periodPattern = /^(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))$/;

/** Start of a pulse's period in epoch ms (UTC midnight of its first day); null for text that is not a period. */
export function pulsePeriodStart(period: string): number | null {
  const match = periodPattern.exec(period);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? Number(match[3]) - 1 : (Number(match[2]) - 1) * 3;
  return Date.UTC(year, month, 1);
}

/** Whether a pulse of this period belongs to the half-open window `[from, to)`. */
export function pulsePeriodInWindow(period: string, from: number, to: number): boolean {
  const start = pulsePeriodStart(period);
  return start !== null && start >= from && start < to;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Every period, month and quarter, that starts in `[from, to)`, in time order (`2026-04`, `2026-Q2`,
 * `2026-05` …); null when there would be more than `limit` of them.
 */
export function pulsePeriodsStartingIn(from: number, to: number, limit = MAX_PERIOD_LITERALS): string[] | null {
  const start = new Date(from);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  if (Date.UTC(year, month, 1) < from) month += 1;
  const end = new Date(to);
  const months = (end.getUTCFullYear() - year) * 12 + (end.getUTCMonth() - month) + 1;
  if (Math.ceil((months * 4) / 3) > limit + 2) return null;
  const periods: string[] = [];
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    if (Date.UTC(year, month, 1) >= to) break;
    periods.push(`${year}-${pad(month + 1)}`);
    if (month % 3 === 0) periods.push(`${year}-Q${month / 3 + 1}`);
    if (periods.length > limit) return null;
    month += 1;
  }
  return periods;
}
