import type { Account, Feedback, SupportCase } from '@kizuna/model';

export interface OperationalInput {
  readonly accounts: readonly Account[];
  readonly supportCases: readonly SupportCase[];
  readonly feedback: readonly Feedback[];
}

/** Operational and outcome figures of one account. Absent figures are `null`, never 0. */
export interface AccountOperations {
  readonly accountId: string;
  readonly churned: boolean;
  readonly cases: number;
  readonly closedCases: number;
  /** Median closedAt − openedAt of closed cases, in hours. */
  readonly medianResolutionHours: number | null;
  /** Share (0–1) of judged cases resolved within slaResolutionHours. */
  readonly slaCompliance: number | null;
  /** Share (0–1) of cases that were escalated. */
  readonly escalationRate: number | null;
  /** onboardingCompletedOn − onboardingStartedOn, in days. */
  readonly onboardingDays: number | null;
  /** Mean relationship NPS score (0–10). */
  readonly meanNpsScore: number | null;
  readonly npsResponses: number;
}

const hourMs = 3_600_000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/**
 * Whether a case met its resolution SLA: closed cases by their resolution time; open cases only
 * when `asOfMs` is given and they are already older than the SLA (a breach either way).
 * `undefined` when the case has no SLA or cannot be judged yet.
 */
function metSla(supportCase: SupportCase, asOfMs: number | undefined): boolean | undefined {
  const sla = supportCase.slaResolutionHours;
  if (sla === undefined) return undefined;
  const opened = Date.parse(supportCase.openedAt);
  if (supportCase.closedAt !== undefined) return Date.parse(supportCase.closedAt) - opened <= sla * hourMs;
  if (asOfMs !== undefined && asOfMs - opened > sla * hourMs) return false;
  return undefined;
}

function caseFigures(cases: readonly SupportCase[], asOfMs: number | undefined) {
  const hours = cases.flatMap((c) => (c.closedAt === undefined ? [] : [(Date.parse(c.closedAt) - Date.parse(c.openedAt)) / hourMs]));
  const judged = cases.map((c) => metSla(c, asOfMs)).filter((met) => met !== undefined);
  return {
    cases: cases.length,
    closedCases: hours.length,
    medianResolutionHours: median(hours),
    slaCompliance: judged.length === 0 ? null : judged.filter(Boolean).length / judged.length,
    escalationRate: cases.length === 0 ? null : cases.filter((c) => c.escalated).length / cases.length,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * Per account: median time to resolution, SLA compliance, escalation rate and onboarding
 * duration, with the outcomes churn (status churned) and mean relationship NPS score.
 * `asOf` (ISO instant) lets open cases already past their SLA count as breaches.
 */
export function accountOperations(input: OperationalInput, options: { readonly asOf?: string } = {}): AccountOperations[] {
  const asOfMs = options.asOf === undefined ? undefined : Date.parse(options.asOf);
  const casesOf = groupBy(input.supportCases, (c) => c.accountId);
  const npsOf = groupBy(
    input.feedback.filter((f) => f.kind === 'nps' && f.programme === 'relationship'),
    (f) => f.accountId,
  );
  return input.accounts.map((account) => {
    const scores = (npsOf.get(account.id) ?? []).map((f) => f.score);
    const { onboardingStartedOn: started, onboardingCompletedOn: completed } = account;
    return {
      accountId: account.id,
      churned: account.status === 'churned',
      ...caseFigures(casesOf.get(account.id) ?? [], asOfMs),
      onboardingDays: started === undefined || completed === undefined ? null : (Date.parse(completed) - Date.parse(started)) / 86_400_000,
      meanNpsScore: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
      npsResponses: scores.length,
    };
  });
}
