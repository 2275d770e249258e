/**
 * The `period` design property: which moment the dashboard describes. Every window a dashboard
 * shows (last 90 days, last four quarters …) ends at its `asOf`, so looking at the end of the
 * last closed quarter or year is moving `asOf` back to that boundary.
 */
export const dashboardPeriods = ['current', 'last-quarter-end', 'last-year-end'] as const;
export type DashboardPeriod = (typeof dashboardPeriods)[number];

/** The instant a period ends at, in UTC (quarters and years start on their first day at 00:00Z). */
export function asOfForPeriod(period: DashboardPeriod, now: Date): string {
  const year = now.getUTCFullYear();
  if (period === 'current') return now.toISOString();
  if (period === 'last-year-end') return new Date(Date.UTC(year, 0, 1)).toISOString();
  const quarterStartMonth = Math.floor(now.getUTCMonth() / 3) * 3;
  return new Date(Date.UTC(year, quarterStartMonth, 1)).toISOString();
}
