import type { BusinessUnit, Department, ProductLine, Segment, Team } from '@kizuna/model';
import {
  accountsPerSuccessTeam,
  businessUnitTemplates,
  departmentLabels,
  minSuccessTeamsPerUnit,
  segmentId,
  segmentTemplates,
  successTeamHeadcount,
  supportingTeams,
  teamNames,
  type BusinessUnitTemplate,
} from './catalogue';
import { historyPeriods, type Period } from './calendar';
import type { ResolvedOptions } from './options';
import { createRandom, type Random } from './random';
import { streams } from './streams';

/** One business unit with the ids the account generator needs. */
export interface UnitPlan {
  readonly id: string;
  readonly template: BusinessUnitTemplate;
  readonly productLineIds: readonly [string, ...string[]];
  readonly successTeamIds: readonly [string, ...string[]];
  readonly teamIdsByDepartment: Readonly<Record<Department, readonly [string, ...string[]]>>;
}

/** The organisation's fixed structure: everything that is not per account. */
export interface OrganisationPlan {
  readonly options: ResolvedOptions;
  readonly periods: readonly Period[];
  readonly businessUnits: readonly BusinessUnit[];
  readonly productLines: readonly ProductLine[];
  readonly segments: readonly Segment[];
  readonly teams: readonly Team[];
  readonly units: readonly UnitPlan[];
  /** Headcount of every team (what a pulse invites), by team id. */
  readonly headcount: ReadonlyMap<string, number>;
  /** The unit planted as weak (chosen by seed; meaningful only when effects are planted). */
  readonly weakUnitId: string;
}

function nonEmpty<T>(items: T[], what: string): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error(`${what} must not be empty`);
  return [first, ...rest];
}

function teamName(unit: BusinessUnitTemplate, department: Department, ordinal: number, count: number): string {
  const label = `${unit.name} ${departmentLabels[department]}`;
  if (count === 1) return label;
  const flower = teamNames[ordinal % teamNames.length] ?? 'Team';
  const round = Math.floor(ordinal / teamNames.length);
  return `${label} · ${flower}${round > 0 ? ` ${round + 1}` : ''}`;
}

interface TeamSink {
  readonly teams: Team[];
  readonly headcount: Map<string, number>;
  readonly random: Random;
}

function addTeams(sink: TeamSink, unitId: string, unit: BusinessUnitTemplate, department: Department, count: number,
  sizes: [number, number]): [string, ...string[]] {
  const ids: string[] = [];
  for (let ordinal = 0; ordinal < count; ordinal += 1) {
    const id = `team-${unit.key}-${department.replace('_', '-')}-${String(ordinal + 1).padStart(3, '0')}`;
    sink.teams.push({ id, name: teamName(unit, department, ordinal, count), businessUnitId: unitId, department });
    sink.headcount.set(id, sink.random.int(sizes[0], sizes[1]));
    ids.push(id);
  }
  return nonEmpty(ids, `${unit.name} ${department} teams`);
}

function planUnit(sink: TeamSink, template: BusinessUnitTemplate, accounts: number, productLines: ProductLine[]): UnitPlan {
  const id = `bu-${template.key}`;
  const productLineIds = template.productLines.map((name, index) => {
    const lineId = `pl-${template.key}-${index + 1}`;
    productLines.push({ id: lineId, name, businessUnitId: id });
    return lineId;
  });
  const totalShare = businessUnitTemplates.reduce((sum, unit) => sum + unit.share, 0);
  const expectedAccounts = (accounts * template.share) / totalShare;
  const successCount = Math.max(minSuccessTeamsPerUnit, Math.ceil(expectedAccounts / accountsPerSuccessTeam));
  const successTeamIds = addTeams(sink, id, template, 'success', successCount, successTeamHeadcount);
  const byDepartment: Partial<Record<Department, [string, ...string[]]>> = { success: successTeamIds };
  for (const supporting of supportingTeams) {
    const scaled = supporting.department === 'support' ? Math.max(supporting.count, Math.ceil(successCount / 4)) : supporting.count;
    byDepartment[supporting.department] = addTeams(sink, id, template, supporting.department, scaled, supporting.headcount);
  }
  const { sales, marketing, support, professional_services: services } = byDepartment;
  if (sales === undefined || marketing === undefined || support === undefined || services === undefined) {
    throw new Error('every department needs at least one team');
  }
  return {
    id,
    template,
    productLineIds: nonEmpty(productLineIds, `${template.name} product lines`),
    successTeamIds,
    teamIdsByDepartment: { sales, marketing, support, success: successTeamIds, professional_services: services },
  };
}

/** Builds the company's structure: units, product lines, segments, teams and the history periods. */
export function planOrganisation(options: ResolvedOptions): OrganisationPlan {
  const random = createRandom(options.seed, streams.structure);
  const sink: TeamSink = { teams: [], headcount: new Map(), random };
  const productLines: ProductLine[] = [];
  const units = businessUnitTemplates.map((template) => planUnit(sink, template, options.accounts, productLines));
  const weakUnit = random.pick(nonEmpty([...units], 'business units'));
  return {
    options,
    periods: historyPeriods(options.asOfMs, options.periods),
    businessUnits: units.map((unit) => ({ id: unit.id, name: unit.template.name })),
    productLines,
    segments: segmentTemplates.map((segment) => ({ id: segmentId(segment.key), name: segment.name })),
    teams: sink.teams,
    units,
    headcount: sink.headcount,
    weakUnitId: weakUnit.id,
  };
}
