import { tQuantile } from './distributions';
import type { Interval } from '../nps';
import type { KpiWarning } from '../warnings';
import { kishEffectiveN } from './accountNpsByRole';
import { minimumSample, sampleSizeWarnings, type MinimumSamplePolicy } from './minimumSample';

/** One account's score (from `accountNpsByRole`: respondent, role-weighted or waterfall) and ARR. */
export interface AccountScore {
  readonly accountId: string;
  /** Account NPS in points; `null` when nobody at the account answered. */
  readonly nps: number | null;
  /** Annual recurring revenue; accounts without it are left out of the ARR-weighted roll-up. */
  readonly arr?: number;
}

export interface NpsRollUp {
  /** Weighted mean of account scores, points; `null` without scored accounts. */
  readonly nps: number | null;
  /** Accounts that entered the roll-up. */
  readonly accounts: number;
  /** Kish effective number of accounts. */
  readonly effectiveAccounts: number;
  /** Linearisation (sandwich) standard error with accounts as the unit; `null` below 2 accounts. */
  readonly standardError: number | null;
  /** Student-t interval with (accounts − 1) degrees of freedom. */
  readonly interval: Interval | null;
  readonly warnings: readonly KpiWarning[];
}

export interface AccountNpsRollUp {
  /** "Average by customer": every account counts the same. */
  readonly equalWeighted: NpsRollUp;
  /** Revenue-weighted NPS. */
  readonly arrWeighted: NpsRollUp;
  /** Share of the ARR of all given accounts that belongs to scored accounts (CustomerGauge target 80 % a quarter); `null` without ARR. */
  readonly revenueCoverage: number | null;
}

function weightedRollUp(rows: readonly { x: number; w: number }[], level: number, policy: MinimumSamplePolicy): NpsRollUp {
  const k = rows.length;
  const total = rows.reduce((sum, row) => sum + row.w, 0);
  const effectiveAccounts = kishEffectiveN(rows.map((row) => row.w));
  const warnings = sampleSizeWarnings(effectiveAccounts, policy);
  if (k === 0 || total === 0) return { nps: null, accounts: k, effectiveAccounts, standardError: null, interval: null, warnings };
  const nps = rows.reduce((sum, row) => sum + row.w * row.x, 0) / total;
  if (k < 2) return { nps, accounts: k, effectiveAccounts, standardError: null, interval: null, warnings };
  const spread = rows.reduce((sum, row) => sum + (row.w * (row.x - nps)) ** 2, 0);
  const standardError = Math.sqrt((k / (k - 1)) * spread) / total;
  const margin = tQuantile(1 - (1 - level) / 2, k - 1) * standardError;
  const interval = { low: Math.max(-100, nps - margin), high: Math.min(100, nps + margin), level };
  return { nps, accounts: k, effectiveAccounts, standardError, interval, warnings };
}

/**
 * Rolls account scores up to a portfolio (analytics.md 1.6): equal-weighted and ARR-weighted,
 * both reported. Accounts are the unit of analysis, so the standard error respects the
 * clustering of contacts within accounts; with equal weights it is the familiar s/√k.
 * Accounts without a score are skipped (they count against revenue coverage); accounts without
 * ARR (or with ARR ≤ 0) are left out of the ARR-weighted roll-up with an `unmapped` warning.
 */
export function rollUpAccountNps(
  accounts: readonly AccountScore[],
  options: { readonly level?: number; readonly policy?: MinimumSamplePolicy } = {},
): AccountNpsRollUp {
  const level = options.level ?? 0.95;
  const policy = options.policy ?? minimumSample;
  const scored = accounts.flatMap((a) => (a.nps === null ? [] : [{ x: a.nps, arr: a.arr }]));
  const withArr = scored.flatMap((a) => (a.arr !== undefined && a.arr > 0 ? [{ x: a.x, w: a.arr }] : []));
  const arrWeighted = weightedRollUp(withArr, level, policy);
  const missingArr = scored.length - withArr.length;
  const totalArr = accounts.reduce((sum, a) => sum + (a.arr !== undefined && a.arr > 0 ? a.arr : 0), 0);
  return {
    equalWeighted: weightedRollUp(scored.map((a) => ({ x: a.x, w: 1 })), level, policy),
    arrWeighted:
      missingArr > 0
        ? { ...arrWeighted, warnings: [...arrWeighted.warnings, { code: 'unmapped', detail: { field: 'arr', accounts: missingArr } }] }
        : arrWeighted,
    revenueCoverage: totalArr > 0 ? withArr.reduce((sum, a) => sum + a.w, 0) / totalArr : null,
  };
}
