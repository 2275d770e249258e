import type { CanonicalDataset, Feedback } from '@kizuna/model';

/**
 * Deliberately simple statistics over a generated organisation, used by this package's tests to
 * check that each planted effect is there (and absent from the control). They are not the
 * metrics core: no intervals, no weighting, responses pooled naively.
 */

/** NPS in points (−100…100) of 0–10 scores. NaN when there are none. */
export function npsOf(scores: readonly number[]): number {
  if (scores.length === 0) return Number.NaN;
  let net = 0;
  for (const score of scores) net += score >= 9 ? 1 : score <= 6 ? -1 : 0;
  return (100 * net) / scores.length;
}

export function mean(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return values.length === 0 ? Number.NaN : total / values.length;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** The p-quantile (0–1) of values, by linear interpolation between order statistics. */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = sorted[Math.floor(position)] ?? Number.NaN;
  const above = sorted[Math.ceil(position)] ?? below;
  return below + (above - below) * (position - Math.floor(position));
}

/** Pearson correlation of paired values. */
export function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dy = (ys[i] ?? my) - my;
    sxy += (x - mx) * dy;
    sxx += (x - mx) ** 2;
    syy += dy ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

export function relationshipNps(dataset: CanonicalDataset): Feedback[] {
  return dataset.feedback.filter((feedback) => feedback.kind === 'nps' && feedback.programme === 'relationship');
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A square, small). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const rows = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[pivot]?.[col] ?? 0)) pivot = r;
    const pivotRow = rows[pivot] ?? [];
    rows[pivot] = rows[col] ?? [];
    rows[col] = pivotRow;
    for (let r = 0; r < n; r += 1) {
      const row = rows[r];
      if (r === col || row === undefined) continue;
      const factor = (row[col] ?? 0) / (pivotRow[col] ?? 1);
      for (let c = col; c <= n; c += 1) row[c] = (row[c] ?? 0) - factor * (pivotRow[c] ?? 0);
    }
  }
  return rows.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Ordinary least squares of y on the columns of x (an intercept is added); coefficients without the intercept, and R². */
export function leastSquares(x: readonly (readonly number[])[], y: readonly number[]): { coefficients: number[]; rSquared: number } {
  const width = (x[0]?.length ?? 0) + 1;
  const xtx = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  const xty = new Array<number>(width).fill(0);
  x.forEach((row, i) => {
    const full = [1, ...row];
    const target = y[i] ?? 0;
    full.forEach((a, r) => {
      xty[r] = (xty[r] ?? 0) + a * target;
      const line = xtx[r];
      if (line !== undefined) full.forEach((b, c) => (line[c] = (line[c] ?? 0) + a * b));
    });
  });
  const beta = solve(xtx, xty);
  const my = mean(y);
  let residual = 0;
  let total = 0;
  x.forEach((row, i) => {
    const fitted = row.reduce((sum, value, j) => sum + value * (beta[j + 1] ?? 0), beta[0] ?? 0);
    residual += ((y[i] ?? 0) - fitted) ** 2;
    total += ((y[i] ?? 0) - my) ** 2;
  });
  return { coefficients: beta.slice(1), rSquared: 1 - residual / total };
}

/** Quarter label (`2026-Q3`) of an ISO date-time. */
export function quarterOf(dateTime: string): string {
  const month = Number(dateTime.slice(5, 7));
  return `${dateTime.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Mean NPS score (0–10) of each serving team's accounts, by team and quarter. */
export function teamQuarterScores(dataset: CanonicalDataset): Map<string, Map<string, number>> {
  const teamOf = new Map(dataset.accounts.map((account) => [account.id, account.servingTeamId]));
  const sums = new Map<string, Map<string, [number, number]>>();
  for (const feedback of relationshipNps(dataset)) {
    const team = teamOf.get(feedback.accountId);
    if (team === undefined) continue;
    const byQuarter = sums.get(team) ?? new Map<string, [number, number]>();
    const cell = byQuarter.get(quarterOf(feedback.respondedAt)) ?? [0, 0];
    byQuarter.set(quarterOf(feedback.respondedAt), [cell[0] + feedback.score, cell[1] + 1]);
    sums.set(team, byQuarter);
  }
  return new Map([...sums].map(([team, byQuarter]) => [team, new Map([...byQuarter].map(([q, [sum, n]]) => [q, sum / n]))]));
}

/**
 * Team-level correlation of engagement in one quarter with the team's accounts' mean NPS score
 * `lag` quarters later (lag −1: NPS one quarter before the pulse).
 */
export function laggedEngagementCorrelation(dataset: CanonicalDataset, lag: number): number {
  const scores = teamQuarterScores(dataset);
  const periods = [...new Set(dataset.employeePulses.map((pulse) => pulse.period))].sort();
  const engagement = new Map(dataset.employeePulses.map((pulse) => [`${pulse.teamId}|${pulse.period}`, pulse.engagement]));
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [team, byQuarter] of scores) {
    periods.forEach((period, index) => {
      const later = periods[index + lag];
      const x = engagement.get(`${team}|${period}`);
      const y = later === undefined ? undefined : byQuarter.get(later);
      if (x === undefined || y === undefined) return;
      xs.push(x);
      ys.push(y);
    });
  }
  return correlation(xs, ys);
}
