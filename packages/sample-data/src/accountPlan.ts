import type { Account } from '@kizuna/model';
import { industries, segmentId, segmentTemplates } from './catalogue';
import { addYears, dayMs, startOfDay, toDate } from './calendar';
import { companyName, type CompanyName } from './names';
import type { OrganisationPlan, UnitPlan } from './organisation';
import { controlChurnProbability, otherChurnProbability, slowChurnProbability } from './plantedEffects';
import { createRandom, type Random } from './random';
import { accountHaloSd } from './relationshipScore';
import { streams } from './streams';

type SegmentTemplate = (typeof segmentTemplates)[number];

/** One account and the hidden traits its records are drawn from. */
export interface AccountPlan {
  readonly index: number;
  readonly id: string;
  readonly record: Account;
  readonly unit: UnitPlan;
  readonly segment: SegmentTemplate;
  readonly company: CompanyName;
  readonly productLineId: string;
  readonly servingTeamId: string;
  readonly customerSinceMs: number;
  /** End of onboarding (may lie after `asOf` when onboarding is still running). */
  readonly onboardingEndMs: number;
  /** When the account stops generating activity: churn or `asOf`. */
  readonly activeEndMs: number;
  readonly churnMs: number | undefined;
  /** Renewal dates (contract anniversaries) from the first after `customerSince` up to one after `asOf`. */
  readonly renewalsMs: readonly number[];
  /** Latent resolution slowness, standard normal: case durations scale with exp(0.9·z). */
  readonly slownessZ: number;
  /** Shared shift of this account's driver ratings. */
  readonly halo: number;
}

/** z above which an account is in the slowest quarter of latent resolution speed (the normal's 75th percentile). */
export const slowQuartileZ = 0.6745;

function pickUnit(random: Random, units: readonly UnitPlan[]): UnitPlan {
  return random.weighted(units.map((unit) => [unit, unit.template.share] as const));
}

function pickSegment(random: Random, unit: UnitPlan): SegmentTemplate {
  return random.weighted(segmentTemplates.map((segment) => [segment, unit.template.segmentMix[segment.key]] as const));
}

function customerSince(random: Random, windowStartMs: number, asOfMs: number): number {
  if (random.chance(0.42)) {
    return startOfDay(windowStartMs + random.float() * (asOfMs - 20 * dayMs - windowStartMs));
  }
  return startOfDay(windowStartMs - (0.1 + random.float() * 7.9) * 365 * dayMs);
}

function renewals(sinceMs: number, asOfMs: number): number[] {
  const dates: number[] = [];
  for (let year = 1; ; year += 1) {
    const date = addYears(sinceMs, year);
    dates.push(date);
    if (date >= asOfMs) return dates;
  }
}

interface ChurnInput {
  readonly planted: boolean;
  readonly slownessZ: number;
  readonly draw: number;
  readonly choice: number;
}

/** Churn happens at a renewal inside the history (not in its first 90 days), with the planted probability. */
function churnDate(input: ChurnInput, renewalsMs: readonly number[], windowStartMs: number, asOfMs: number): number | undefined {
  const eligible = renewalsMs.filter((ms) => ms >= windowStartMs + 90 * dayMs && ms < asOfMs);
  if (eligible.length === 0) return undefined;
  const slow = input.slownessZ > slowQuartileZ;
  const probability = input.planted ? (slow ? slowChurnProbability : otherChurnProbability) : controlChurnProbability;
  if (input.draw >= probability) return undefined;
  return eligible[Math.floor(input.choice * eligible.length)];
}

function arrFor(random: Random, segment: SegmentTemplate): number {
  return Math.max(300_000, Math.round((segment.medianArr * Math.exp(random.normal(0, 0.6))) / 10_000) * 10_000);
}

/** Draws account number `index` of the organisation. */
export function planAccount(plan: OrganisationPlan, index: number): AccountPlan {
  const { seed, asOfMs, effects } = plan.options;
  const random = createRandom(seed, streams.profile, index);
  const windowStartMs = plan.periods[0]?.startMs ?? asOfMs;
  const unit = pickUnit(random, plan.units);
  const segment = pickSegment(random, unit);
  const company = companyName(random);
  const productLineId = random.pick(unit.productLineIds);
  const servingTeamId = random.pick(unit.successTeamIds);
  const sinceMs = customerSince(random, windowStartMs, asOfMs);
  const onboardingEndMs = sinceMs + random.int(45, 120) * dayMs;
  const slownessZ = random.normal();
  const halo = random.normal(0, accountHaloSd);
  const renewalsMs = renewals(sinceMs, asOfMs);
  const churnInput = { planted: effects === 'planted', slownessZ, draw: random.float(), choice: random.float() };
  const churnMs = churnDate(churnInput, renewalsMs, windowStartMs, asOfMs);
  const id = `acc-${String(index + 1).padStart(6, '0')}`;
  const record: Account = {
    id,
    name: company.name,
    businessUnitId: unit.id,
    productLineId,
    segmentId: segmentId(segment.key),
    servingTeamId,
    arr: arrFor(random, segment),
    currency: 'JPY',
    industry: random.pick(industries),
    status: churnMs === undefined ? 'active' : 'churned',
    customerSince: toDate(sinceMs),
    ...(churnMs === undefined
      ? { renewalDate: toDate(renewalsMs[renewalsMs.length - 1] ?? asOfMs) }
      : { churnedOn: toDate(churnMs) }),
    onboardingStartedOn: toDate(sinceMs),
    ...(onboardingEndMs <= asOfMs ? { onboardingCompletedOn: toDate(onboardingEndMs) } : {}),
  };
  return {
    index, id, record, unit, segment, company, productLineId, servingTeamId,
    customerSinceMs: sinceMs,
    onboardingEndMs,
    activeEndMs: churnMs ?? asOfMs,
    churnMs,
    renewalsMs,
    slownessZ,
    halo,
  };
}
