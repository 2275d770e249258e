import type { ContactRole } from '@kizuna/model';
import { classifyNps, countNps, npsAdjustedWaldInterval, npsFromCounts, npsVariance, type Interval, type NpsResult } from '../nps';
import type { KpiWarning } from '../warnings';
import { minimumSample, sampleSizeWarnings, type MinimumSamplePolicy } from './minimumSample';

/** One NPS answer of an account's contact, with the contact's role. */
export interface RoleResponse {
  readonly role: ContactRole;
  /** 0–10 likelihood to recommend. */
  readonly score: number;
}

export type RoleWeights = Readonly<Record<ContactRole, number>>;

/** Illustrative weights of analytics.md 1.6 (not a published standard): senior roles count more. */
export const defaultRoleWeights: RoleWeights = {
  decision_maker: 3,
  executive_sponsor: 3,
  influencer: 2,
  champion: 2,
  user: 1,
};

/** The waterfall's tiers, most senior first (Satrix): decision makers, then influencers, then users. */
export const waterfallTiers: readonly (readonly ContactRole[])[] = [
  ['decision_maker', 'executive_sponsor'],
  ['influencer', 'champion'],
  ['user'],
];

export interface RoleWeightedNps {
  /** Σwᵢsᵢ/Σwᵢ in points, sᵢ ∈ {−1, 0, +1}; `null` without (positively weighted) answers. */
  readonly nps: number | null;
  /** Kish effective sample size (Σw)²/Σw². */
  readonly effectiveN: number;
  /** √(v/n_eff) in points, v from the weighted shares. */
  readonly standardError: number | null;
  /** Adjusted-Wald interval computed on n_eff (+3 respondents, +¾ P and D); equals the respondent-level interval under equal weights. */
  readonly interval: Interval | null;
  readonly warnings: readonly KpiWarning[];
}

export interface WaterfallNps extends NpsResult {
  /** The roles of the most senior tier that answered; empty when nobody did. */
  readonly roles: readonly ContactRole[];
}

export interface AccountNpsByRole {
  /** Every answer counts once ("count all responses"). */
  readonly respondent: NpsResult;
  /** Answers weighted by the contact's role. */
  readonly roleWeighted: RoleWeightedNps;
  /** Only the most senior tier that answered. */
  readonly waterfall: WaterfallNps;
  /** A decision maker or executive sponsor is a detractor (0–6): the most actionable B2B signal. */
  readonly decisionMakerDetractor: boolean;
  readonly decisionMakerDetractors: number;
}

export interface AccountNpsByRoleOptions {
  /** Role weights; missing roles keep the defaults. Weights must be ≥ 0. */
  readonly weights?: Partial<RoleWeights>;
  readonly level?: number;
  readonly policy?: MinimumSamplePolicy;
}

/** Kish's effective sample size (Σw)²/Σw² of non-negative weights; 0 when all are zero. */
export function kishEffectiveN(weights: Iterable<number>): number {
  let sum = 0;
  let sumSq = 0;
  for (const w of weights) {
    if (!(w >= 0)) throw new RangeError(`weights must be non-negative (got ${w})`);
    sum += w;
    sumSq += w * w;
  }
  return sumSq > 0 ? (sum * sum) / sumSq : 0;
}

/** The role-weighted NPS of one account's answers. */
export function roleWeightedNps(
  responses: readonly RoleResponse[],
  weights: RoleWeights = defaultRoleWeights,
  options: { readonly level?: number; readonly policy?: MinimumSamplePolicy } = {},
): RoleWeightedNps {
  const ws = responses.map((response) => weights[response.role]);
  const effectiveN = kishEffectiveN(ws);
  const warnings = sampleSizeWarnings(effectiveN, options.policy ?? minimumSample);
  const total = ws.reduce((sum, w) => sum + w, 0);
  if (total === 0) return { nps: null, effectiveN, standardError: null, interval: null, warnings };
  let promoter = 0;
  let detractor = 0;
  responses.forEach((response, i) => {
    const category = classifyNps(response.score);
    if (category === 'promoter') promoter += (ws[i] ?? 0) / total;
    if (category === 'detractor') detractor += (ws[i] ?? 0) / total;
  });
  const shaped = { promoters: promoter * effectiveN, passives: (1 - promoter - detractor) * effectiveN, detractors: detractor * effectiveN };
  return {
    nps: 100 * (promoter - detractor),
    effectiveN,
    standardError: 100 * Math.sqrt(npsVariance(promoter, detractor) / effectiveN),
    interval: npsAdjustedWaldInterval(shaped, options.level),
    warnings,
  };
}

/**
 * Account-level B2B NPS three ways (analytics.md 1.6): respondent-level, role-weighted (with Kish
 * effective n) and the waterfall, plus the decision-maker-detractor flag. Pass the answers of one
 * account in the window of interest (one per contact, e.g. the latest, if contacts who answered
 * twice should count once).
 */
export function accountNpsByRole(responses: readonly RoleResponse[], options: AccountNpsByRoleOptions = {}): AccountNpsByRole {
  const weights: RoleWeights = { ...defaultRoleWeights, ...options.weights };
  const policy = options.policy ?? minimumSample;
  const npsOptions = { minimumN: policy.rankOrColour, ...(options.level === undefined ? {} : { level: options.level }) };
  const tier = waterfallTiers.find((roles) => responses.some((response) => roles.includes(response.role))) ?? [];
  const senior = waterfallTiers[0] ?? [];
  const decisionMakerDetractors = responses.filter((r) => senior.includes(r.role) && classifyNps(r.score) === 'detractor').length;
  return {
    respondent: npsFromCounts(countNps(responses.map((r) => r.score)), npsOptions),
    roleWeighted: roleWeightedNps(responses, weights, { policy, ...(options.level === undefined ? {} : { level: options.level }) }),
    waterfall: {
      ...npsFromCounts(countNps(responses.filter((r) => tier.includes(r.role)).map((r) => r.score)), npsOptions),
      roles: tier,
    },
    decisionMakerDetractor: decisionMakerDetractors > 0,
    decisionMakerDetractors,
  };
}
