import { departments, type Account, type BusinessUnit, type ProductLine, type Segment, type SupportCase, type Team, type Touchpoint } from '@kizuna/model';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The most frequent value per key (ties: the smallest value). */
class Tally {
  private readonly counts = new Map<string, Map<string, number>>();

  add(key: string, value: string | undefined): void {
    const values = this.counts.get(key) ?? new Map<string, number>();
    this.counts.set(key, values);
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

export interface Structure {
  readonly businessUnits: BusinessUnit[];
  readonly productLines: ProductLine[];
  readonly segments: Segment[];
  readonly teams: Team[];
}

/**
 * Business units, product lines, segments and teams are not records in the org: they are the keys
 * accounts (and, for teams, touchpoints and cases) carry, each named by its key — as `kizuna pull`
 * derives them. A product line's or team's unit is the most frequent among its accounts; a team's
 * department the most frequent on its touchpoints (else `support` with cases, else `success`).
 */
export function deriveStructure(accounts: readonly Account[], touchpoints: readonly Touchpoint[], supportCases: readonly SupportCase[]): Structure {
  const units = new Set<string>();
  const segments = new Set<string>();
  const productLineUnits = new Tally();
  const teamUnits = new Tally();
  const teamDepartments = new Tally();
  const teamsWithCases = new Set<string>();
  const accountUnit = new Map<string, string>();
  for (const account of accounts) {
    accountUnit.set(account.id, account.businessUnitId);
    units.add(account.businessUnitId);
    segments.add(account.segmentId);
    productLineUnits.add(account.productLineId, account.businessUnitId);
    teamUnits.add(account.servingTeamId, account.businessUnitId);
  }
  for (const touchpoint of touchpoints) {
    if (touchpoint.teamId === undefined) continue;
    teamUnits.add(touchpoint.teamId, accountUnit.get(touchpoint.accountId));
    teamDepartments.add(touchpoint.teamId, touchpoint.department);
  }
  for (const supportCase of supportCases) {
    if (supportCase.teamId === undefined) continue;
    teamUnits.add(supportCase.teamId, accountUnit.get(supportCase.accountId));
    teamsWithCases.add(supportCase.teamId);
  }
  const departmentOf = (team: string): Team['department'] =>
    departments.find((department) => department === teamDepartments.top(team)) ?? (teamsWithCases.has(team) ? 'support' : 'success');
  return {
    businessUnits: [...units].sort(byText).map((id) => ({ id, name: id })),
    segments: [...segments].sort(byText).map((id) => ({ id, name: id })),
    productLines: productLineUnits.keys().flatMap((id) => {
      const businessUnitId = productLineUnits.top(id);
      return businessUnitId === undefined ? [] : [{ id, name: id, businessUnitId }];
    }),
    teams: teamUnits.keys().flatMap((id) => {
      const businessUnitId = teamUnits.top(id);
      return businessUnitId === undefined ? [] : [{ id, name: id, businessUnitId, department: departmentOf(id) }];
    }),
  };
}
