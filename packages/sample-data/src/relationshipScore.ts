import {
  adoptionItemShifts,
  driverItems,
  engagementShiftPerPoint,
  latentIntercept,
  latentNoiseSd,
  onboardingItemShift,
  referenceEngagement,
  trueDriverWeights,
  weakUnitItemShifts,
  type DriverItem,
} from './plantedEffects';
import type { Random } from './random';

/** Mean rating of each driver item before any planted shift (0–10). */
const itemMeans: Readonly<Record<DriverItem, number>> = {
  product_quality: 7.8,
  support_responsiveness: 7.5,
  account_management: 7.9,
  value_for_money: 7,
  onboarding_experience: 7.6,
  documentation: 6.9,
};
/** An account's ratings share its halo (sd 0.8); one response's ratings share another (0.8); each item has its own noise. */
export const accountHaloSd = 0.8;
const responseHaloSd = 0.8;
const itemNoiseSd = 1.2;

/** What the planted effects need to know about one relationship response. */
export interface RelationshipContext {
  readonly planted: boolean;
  readonly weakUnit: boolean;
  readonly stage: 'onboarding' | 'adoption' | 'renewal' | undefined;
  /** Reported engagement of the serving team in the previous quarter, if there was one. */
  readonly previousEngagement: number | undefined;
  readonly accountHalo: number;
}

export interface RelationshipScore {
  readonly score: number;
  readonly driverScores: Record<DriverItem, number>;
}

function clampRound(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

function shiftFor(item: DriverItem, context: RelationshipContext): number {
  let shift = 0;
  if (context.weakUnit) shift += weakUnitItemShifts[item] ?? 0;
  if (context.previousEngagement !== undefined) {
    shift += engagementShiftPerPoint * (context.previousEngagement - referenceEngagement);
  }
  if (context.stage === 'onboarding') shift += onboardingItemShift;
  if (context.stage === 'adoption') shift += adoptionItemShifts[item] ?? 0;
  return shift;
}

function drawItems(random: Random, halo: number, context: RelationshipContext | undefined): Record<DriverItem, number> {
  const responseHalo = random.normal(0, responseHaloSd);
  const items = {} as Record<DriverItem, number>;
  for (const item of driverItems) {
    const shift = context === undefined ? 0 : shiftFor(item, context);
    items[item] = clampRound(itemMeans[item] + shift + halo + responseHalo + random.normal(0, itemNoiseSd), 0, 10);
  }
  return items;
}

function scoreFrom(random: Random, items: Readonly<Record<DriverItem, number>>): number {
  let latent = latentIntercept;
  for (const item of driverItems) latent += trueDriverWeights[item] * items[item];
  return clampRound(latent + random.normal(0, latentNoiseSd), 0, 10);
}

/**
 * One relationship NPS answer with its driver ratings.
 * Planted: items carry the planted shifts and the score is built from the reported items
 * (score = round(clamp(0.6 + Σ wᵢ·itemᵢ + N(0, 0.9), 0, 10))).
 * Control: the score is built the same way from a second, unreported set of unshifted items, and
 * the reported items are drawn independently of it, so nothing (unit, engagement, stage, drivers)
 * predicts the score.
 */
export function relationshipScore(random: Random, context: RelationshipContext): RelationshipScore {
  if (context.planted) {
    const driverScores = drawItems(random, context.accountHalo, context);
    return { score: scoreFrom(random, driverScores), driverScores };
  }
  const hidden = drawItems(random, context.accountHalo, undefined);
  const score = scoreFrom(random, hidden);
  return { score, driverScores: drawItems(random, random.normal(0, accountHaloSd), undefined) };
}
