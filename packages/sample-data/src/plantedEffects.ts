import type { JourneyStage } from '@kizuna/model';
import { resolveOptions, type EffectsMode, type GenerateOptions } from './options';
import { planOrganisation } from './organisation';

/** Driver items asked with every relationship NPS response, rated 0–10. */
export const driverItems = [
  'product_quality',
  'support_responsiveness',
  'account_management',
  'value_for_money',
  'onboarding_experience',
  'documentation',
] as const;
export type DriverItem = (typeof driverItems)[number];

/** True weights of the likelihood-to-recommend latent (planted organisation). They sum to 1. */
export const trueDriverWeights: Readonly<Record<DriverItem, number>> = {
  product_quality: 0.3,
  support_responsiveness: 0.22,
  account_management: 0.18,
  value_for_money: 0.14,
  onboarding_experience: 0.1,
  documentation: 0.06,
};

export type ItemShifts = Readonly<Partial<Record<DriverItem, number>>>;

/** Effect 1: how far the weak unit's driver items sit below the rest (0–10 points). */
export const weakUnitItemShifts: ItemShifts = {
  product_quality: -1,
  value_for_money: -0.8,
  account_management: -0.5,
  support_responsiveness: -0.5,
};

/** Effect 3: every driver item moves by this much per engagement point of the serving team, one quarter later. */
export const engagementShiftPerPoint = 0.05;
export const referenceEngagement = 70;

/** Effect 4: driver items during onboarding (a honeymoon) and during the adoption window after the hand-off. */
export const onboardingItemShift = 0.4;
export const adoptionItemShifts: ItemShifts = {
  account_management: -2.5,
  support_responsiveness: -1,
  documentation: -2,
  onboarding_experience: -0.5,
};
/** How long after onboarding completes an account counts as being in the adoption stage. */
export const adoptionWindowDays = 180;

/** Effect 5: churn probability at a renewal, by latent resolution speed. */
export const slowChurnProbability = 0.4;
export const otherChurnProbability = 0.07;
/** Control organisation: one churn probability for everybody (the planted rates' average). */
export const controlChurnProbability = 0.25 * slowChurnProbability + 0.75 * otherChurnProbability;

/** Σ wᵢ · shiftᵢ: how far a set of item shifts moves the likelihood-to-recommend latent. */
export function latentShift(shifts: ItemShifts): number {
  let total = 0;
  for (const item of driverItems) total += trueDriverWeights[item] * (shifts[item] ?? 0);
  return total;
}

/** Ground truth of an organisation: what was planted, with the true sizes, to test analytics against. */
export interface PlantedEffects {
  readonly effects: EffectsMode;
  /** Effect 2: NPS score = round(clamp(intercept + Σ wᵢ·itemᵢ + N(0, noiseSd), 0, 10)). Weights are 0 in the control. */
  readonly drivers: {
    readonly items: readonly DriverItem[];
    readonly weights: Readonly<Record<DriverItem, number>>;
    /** Items from most to least important (by true weight). */
    readonly ranking: readonly DriverItem[];
    readonly intercept: number;
    readonly noiseSd: number;
  };
  /** Effect 1, or null in the control. */
  readonly weakBusinessUnit: { readonly businessUnitId: string; readonly itemShifts: ItemShifts; readonly latentShift: number } | null;
  /** Effect 3, or null in the control. */
  readonly engagementLag: {
    readonly lagQuarters: 1;
    readonly itemShiftPerEngagementPoint: number;
    readonly referenceEngagement: number;
    readonly latentShiftPerEngagementPoint: number;
  } | null;
  /** Effect 4, or null in the control. */
  readonly handOff: {
    readonly from: JourneyStage;
    readonly to: JourneyStage;
    readonly adoptionWindowDays: number;
    readonly onboardingLatentShift: number;
    readonly adoptionItemShifts: ItemShifts;
    readonly adoptionLatentShift: number;
  } | null;
  /** Effect 5; in the control both probabilities are the same. */
  readonly slowResolution: {
    /** Accounts whose latent resolution slowness is in its top quarter. */
    readonly slowShare: 0.25;
    readonly slowChurnProbability: number;
    readonly otherChurnProbability: number;
  };
}

export const latentIntercept = 0.6;
export const latentNoiseSd = 0.9;

/** The ground truth for the organisation that `options` generate. */
export function plantedEffects(options: GenerateOptions): PlantedEffects {
  const resolved = resolveOptions(options);
  const planted = resolved.effects === 'planted';
  const zero = Object.fromEntries(driverItems.map((item) => [item, 0])) as Record<DriverItem, number>;
  const onboardingShifts = Object.fromEntries(driverItems.map((item) => [item, onboardingItemShift])) as ItemShifts;
  return {
    effects: resolved.effects,
    drivers: {
      items: driverItems,
      weights: planted ? trueDriverWeights : zero,
      ranking: planted ? [...driverItems].sort((a, b) => trueDriverWeights[b] - trueDriverWeights[a]) : [],
      intercept: latentIntercept,
      noiseSd: latentNoiseSd,
    },
    weakBusinessUnit: planted
      ? { businessUnitId: planOrganisation(resolved).weakUnitId, itemShifts: weakUnitItemShifts, latentShift: latentShift(weakUnitItemShifts) }
      : null,
    engagementLag: planted
      ? { lagQuarters: 1, itemShiftPerEngagementPoint: engagementShiftPerPoint, referenceEngagement, latentShiftPerEngagementPoint: engagementShiftPerPoint }
      : null,
    handOff: planted
      ? {
          from: 'onboarding',
          to: 'adoption',
          adoptionWindowDays,
          onboardingLatentShift: latentShift(onboardingShifts),
          adoptionItemShifts,
          adoptionLatentShift: latentShift(adoptionItemShifts),
        }
      : null,
    slowResolution: {
      slowShare: 0.25,
      slowChurnProbability: planted ? slowChurnProbability : controlChurnProbability,
      otherChurnProbability: planted ? otherChurnProbability : controlChurnProbability,
    },
  };
}
