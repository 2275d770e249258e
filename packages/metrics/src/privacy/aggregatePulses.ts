import type { EmployeePulse } from '@kizuna/model';
import { npsFromCounts, type NpsCounts, type NpsOptions, type NpsResult } from '../nps';
import { atomKey } from './respondentSet';

/** A set of teams over a set of periods, already resolved to team ids. */
export interface PulseGroup {
  readonly id: string;
  readonly teamIds: readonly string[];
  readonly periods: readonly string[];
}

/**
 * A group's pulse figures. **Unprotected**: this is the raw aggregate, with no anonymity rule
 * applied. Show employee results only through `exResults`.
 */
export interface PulseAggregate {
  readonly id: string;
  /** Atom keys (`teamId@period`) of the pulses included, sorted. */
  readonly members: readonly string[];
  readonly respondents: number;
  readonly invited: number;
  /** respondents / invited, or `null` when nobody was invited. */
  readonly responseRate: number | null;
  /** Respondent-weighted mean engagement, 0–100; `null` without respondents. */
  readonly engagement: number | null;
  /** eNPS from the summed promoter/passive/detractor counts, with its adjusted-Wald interval. */
  readonly enps: NpsResult;
  /** Respondent-weighted mean of each item (1–5) over the pulses that carry it. */
  readonly itemMeans: Readonly<Record<string, number>>;
}

interface Accumulator {
  respondents: number;
  invited: number;
  engagementSum: number;
  promoters: number;
  passives: number;
  detractors: number;
  readonly items: Map<string, { sum: number; weight: number }>;
  readonly members: Set<string>;
}

function emptyAccumulator(): Accumulator {
  return {
    respondents: 0,
    invited: 0,
    engagementSum: 0,
    promoters: 0,
    passives: 0,
    detractors: 0,
    items: new Map(),
    members: new Set(),
  };
}

function add(accumulator: Accumulator, pulse: EmployeePulse): void {
  const n = pulse.respondents;
  accumulator.members.add(atomKey(pulse.teamId, pulse.period));
  accumulator.respondents += n;
  accumulator.invited += pulse.invited;
  accumulator.engagementSum += n * pulse.engagement;
  accumulator.promoters += pulse.enps.promoters;
  accumulator.passives += pulse.enps.passives;
  accumulator.detractors += pulse.enps.detractors;
  if (n === 0) return;
  for (const [item, mean] of Object.entries(pulse.itemMeans)) {
    const entry = accumulator.items.get(item) ?? { sum: 0, weight: 0 };
    entry.sum += n * mean;
    entry.weight += n;
    accumulator.items.set(item, entry);
  }
}

function finish(id: string, accumulator: Accumulator, npsOptions: NpsOptions): PulseAggregate {
  const counts: NpsCounts = {
    promoters: accumulator.promoters,
    passives: accumulator.passives,
    detractors: accumulator.detractors,
  };
  const itemMeans: Record<string, number> = {};
  for (const [item, { sum, weight }] of [...accumulator.items].sort(([a], [b]) => a.localeCompare(b))) {
    itemMeans[item] = sum / weight;
  }
  const { respondents, invited } = accumulator;
  return {
    id,
    members: [...accumulator.members].sort(),
    respondents,
    invited,
    responseRate: invited > 0 ? respondents / invited : null,
    engagement: respondents > 0 ? accumulator.engagementSum / respondents : null,
    enps: npsFromCounts(counts, npsOptions),
    itemMeans,
  };
}

/**
 * Combines team pulses into one result per group: respondents and invitations summed, engagement
 * and item means weighted by respondents (each pulse's figure is its respondents' mean, so this is
 * the group's exact mean), eNPS counts summed and turned into eNPS with `npsFromCounts`.
 * A pulse belongs to a group when its team and its period are both listed.
 */
export function aggregatePulses(
  pulses: readonly EmployeePulse[],
  groups: readonly PulseGroup[],
  npsOptions: NpsOptions = {},
): PulseAggregate[] {
  const byTeam = new Map<string, EmployeePulse[]>();
  for (const pulse of pulses) {
    const list = byTeam.get(pulse.teamId);
    if (list) list.push(pulse);
    else byTeam.set(pulse.teamId, [pulse]);
  }
  return groups.map((group) => {
    const periods = new Set(group.periods);
    const accumulator = emptyAccumulator();
    for (const teamId of new Set(group.teamIds)) {
      for (const pulse of byTeam.get(teamId) ?? []) if (periods.has(pulse.period)) add(accumulator, pulse);
    }
    return finish(group.id, accumulator, npsOptions);
  });
}
