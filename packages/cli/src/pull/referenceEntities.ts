import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { departments, type BusinessUnit, type ProductLine, type Segment, type Team } from '@kizuna/model';

type Department = Team['department'];

/** Counts per key, to pick the most frequent (ties: the smallest key). */
class Tally {
  private readonly counts = new Map<string, Map<string, number>>();

  add(key: string, value: string | undefined): void {
    let values = this.counts.get(key);
    if (values === undefined) {
      values = new Map();
      this.counts.set(key, values);
    }
    if (value !== undefined) values.set(value, (values.get(value) ?? 0) + 1);
  }

  keys(): string[] {
    return [...this.counts.keys()].sort(byText);
  }

  top(key: string): string | undefined {
    const values = [...(this.counts.get(key) ?? new Map<string, number>()).entries()];
    values.sort(([a, countA], [b, countB]) => countB - countA || byText(a, b));
    return values[0]?.[0];
  }
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function text(row: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = row[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Streams the objects of a JSONL file this pull wrote (a missing file has none). */
async function eachRow(path: string, visit: (row: Readonly<Record<string, unknown>>) => void): Promise<void> {
  const exists = await stat(path).then(
    () => true,
    (error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (!exists) return;
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null) visit(value as Readonly<Record<string, unknown>>);
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

interface Links {
  readonly units: Set<string>;
  readonly segments: Set<string>;
  readonly productLineUnits: Tally;
  readonly teamUnits: Tally;
  readonly teamDepartments: Tally;
  readonly teamsWithCases: Set<string>;
}

async function collectLinks(dir: string): Promise<Links> {
  const links: Links = { units: new Set(), segments: new Set(), productLineUnits: new Tally(), teamUnits: new Tally(), teamDepartments: new Tally(), teamsWithCases: new Set() };
  const accountUnit = new Map<string, string>();
  await eachRow(join(dir, 'accounts.jsonl'), (account) => {
    const [id, unit, segment, productLine, team] = ['id', 'businessUnitId', 'segmentId', 'productLineId', 'servingTeamId'].map((field) => text(account, field));
    if (id !== undefined && unit !== undefined) accountUnit.set(id, unit);
    if (unit !== undefined) links.units.add(unit);
    if (segment !== undefined) links.segments.add(segment);
    if (productLine !== undefined) links.productLineUnits.add(productLine, unit);
    if (team !== undefined) links.teamUnits.add(team, unit);
  });
  const teamWork = (row: Readonly<Record<string, unknown>>): string | undefined => {
    const team = text(row, 'teamId');
    const account = text(row, 'accountId');
    if (team !== undefined) links.teamUnits.add(team, account === undefined ? undefined : accountUnit.get(account));
    return team;
  };
  await eachRow(join(dir, 'touchpoints.jsonl'), (touchpoint) => {
    const team = teamWork(touchpoint);
    if (team !== undefined) links.teamDepartments.add(team, text(touchpoint, 'department'));
  });
  await eachRow(join(dir, 'supportCases.jsonl'), (supportCase) => {
    const team = teamWork(supportCase);
    if (team !== undefined) links.teamsWithCases.add(team);
  });
  // Pulses link a team to no account: they only make a team known (left out if nothing else places it).
  await eachRow(join(dir, 'employeePulses.jsonl'), (pulse) => {
    const team = text(pulse, 'teamId');
    if (team !== undefined) links.teamUnits.add(team, undefined);
  });
  return links;
}

function departmentOf(links: Links, team: string): Department {
  const top = links.teamDepartments.top(team);
  const known = departments.find((department) => department === top);
  if (known !== undefined) return known;
  return links.teamsWithCases.has(team) ? 'support' : 'success';
}

export interface ReferenceSummary {
  readonly businessUnits: number;
  readonly productLines: number;
  readonly segments: number;
  readonly teams: number;
  /** Team keys no account links to a business unit (e.g. seen only on employee pulses): left out. */
  readonly teamsWithoutUnit: number;
}

async function writeJsonl(path: string, rows: readonly object[]): Promise<void> {
  await writeFile(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(''), 'utf8');
}

/**
 * Business units, product lines, segments and teams do not exist as records in the org: they are
 * the keys the accounts (and, for teams, touchpoints and cases) carry. Each becomes a record whose
 * name is its key. Team keys that no account links to a business unit (a team seen only on
 * employee pulses) cannot become valid teams and are left out (counted). A product line's or team's business unit is the most frequent one of the
 * accounts it serves, touches or handles cases for; a team's department the most frequent on its
 * touchpoints (else `support` for a team with cases, else `success`, the serving team's).
 */
export async function writeReferenceFiles(dir: string): Promise<ReferenceSummary> {
  const links = await collectLinks(dir);
  const units: BusinessUnit[] = [...links.units].sort(byText).map((id) => ({ id, name: id }));
  const segments: Segment[] = [...links.segments].sort(byText).map((id) => ({ id, name: id }));
  const productLines: ProductLine[] = links.productLineUnits.keys().flatMap((id) => {
    const businessUnitId = links.productLineUnits.top(id);
    return businessUnitId === undefined ? [] : [{ id, name: id, businessUnitId }];
  });
  const teamKeys = links.teamUnits.keys();
  const teams: Team[] = teamKeys.flatMap((id) => {
    const businessUnitId = links.teamUnits.top(id);
    return businessUnitId === undefined ? [] : [{ id, name: id, businessUnitId, department: departmentOf(links, id) }];
  });
  await writeJsonl(join(dir, 'businessUnits.jsonl'), units);
  await writeJsonl(join(dir, 'segments.jsonl'), segments);
  await writeJsonl(join(dir, 'productLines.jsonl'), productLines);
  await writeJsonl(join(dir, 'teams.jsonl'), teams);
  return { businessUnits: units.length, productLines: productLines.length, segments: segments.length, teams: teams.length, teamsWithoutUnit: teamKeys.length - teams.length };
}
