import type { EmployeePulse } from '@kizuna/model';
import type { OrganisationPlan } from './organisation';
import { createRandom, type Random } from './random';
import { streams } from './streams';

/** EX driver items of the pulse, with how far each sits from the engagement-implied mean (1–5 scale). */
const exItems: readonly (readonly [string, number])[] = [
  ['recognition', -0.2],
  ['growth', -0.3],
  ['manager_support', 0.2],
  ['workload', -0.4],
  ['tools_and_resources', -0.1],
  ['customer_focus', 0.3],
  ['wellbeing', 0],
];

/** Every team's pulse results, and each team's reported engagement by period index. */
export interface PulseResults {
  readonly pulses: readonly EmployeePulse[];
  readonly engagement: ReadonlyMap<string, readonly number[]>;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function binomial(random: Random, trials: number, p: number): number {
  let successes = 0;
  for (let trial = 0; trial < trials; trial += 1) if (random.chance(p)) successes += 1;
  return successes;
}

function enpsCounts(random: Random, respondents: number, engagement: number): EmployeePulse['enps'] {
  const promoter = clamp(0.15 + (engagement - 50) * 0.008, 0.02, 0.8);
  const detractor = clamp(0.45 - (engagement - 50) * 0.008, 0.02, 0.8);
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (let person = 0; person < respondents; person += 1) {
    const u = random.float();
    if (u < promoter) counts.promoters += 1;
    else if (u < promoter + detractor) counts.detractors += 1;
    else counts.passives += 1;
  }
  return counts;
}

interface PulseInput {
  readonly teamId: string;
  readonly period: string;
  readonly headcount: number;
  readonly trueEngagement: number;
}

function pulseFor(random: Random, input: PulseInput): EmployeePulse {
  const invited = Math.max(2, input.headcount + random.int(-1, 1));
  const respondents = Math.max(1, binomial(random, invited, 0.78));
  // The reported index is the respondents' mean: the true climate plus sampling noise.
  const engagement = round(clamp(input.trueEngagement + random.normal(0, 6 / Math.sqrt(respondents)), 0, 100), 1);
  const itemMeans: Record<string, number> = {};
  for (const [item, offset] of exItems) {
    itemMeans[item] = round(clamp(1 + (4 * engagement) / 100 + offset + random.normal(0, 0.2), 1, 5), 2);
  }
  return {
    id: `pulse-${input.teamId.slice('team-'.length)}-${input.period}`,
    teamId: input.teamId,
    period: input.period,
    invited,
    respondents,
    engagement,
    enps: enpsCounts(random, respondents, engagement),
    itemMeans,
  };
}

/**
 * One pulse per team per quarter. A team's true engagement is a lasting baseline N(68, 5) plus a
 * fresh quarterly swing N(0, 9), so that quarter-to-quarter changes carry the planted lag effect.
 */
export function generatePulses(plan: OrganisationPlan): PulseResults {
  const pulses: EmployeePulse[] = [];
  const engagement = new Map<string, number[]>();
  plan.teams.forEach((team, teamIndex) => {
    const random = createRandom(plan.options.seed, streams.pulses, teamIndex);
    const baseline = random.normal(68, 5);
    const headcount = plan.headcount.get(team.id) ?? 5;
    const series: number[] = [];
    for (const period of plan.periods) {
      const trueEngagement = clamp(baseline + random.normal(0, 9), 5, 98);
      const pulse = pulseFor(random, { teamId: team.id, period: period.label, headcount, trueEngagement });
      pulses.push(pulse);
      series.push(pulse.engagement);
    }
    engagement.set(team.id, series);
  });
  return { pulses, engagement };
}
