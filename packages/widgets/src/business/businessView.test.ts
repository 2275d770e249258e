import { describe, expect, it } from 'vitest';
import { businessView } from './businessView';
import { loadBusinessData } from './loadBusinessData';
import { datasetDataSource } from './testing/datasetDataSource';
import { leaderAsOf, leaderOrganisation } from './testing/leaderOrganisation';

const organisation = leaderOrganisation();

async function viewFor(filters: { period: 'last_year'; businessUnitId?: string; segmentId?: string }) {
  const data = await loadBusinessData(datasetDataSource(organisation), filters, leaderAsOf);
  return businessView({ load: data.load, structure: data.structure, quarters: data.quarters, ...filters });
}

describe('businessView', () => {
  it('flags the planted weak unit as a real NPS weakness, and nothing on noise', async () => {
    const view = await viewFor({ period: 'last_year' });
    const units = view.panels.find((panel) => panel.dimension === 'businessUnitId')?.rows ?? [];
    expect(units.map((row) => row.id)).toEqual(['bu-cloud', 'bu-mfg', 'bu-retail']);
    const mfg = units.find((row) => row.id === 'bu-mfg');
    expect(mfg?.cells.nps.highlight).toBe('weakness');
    expect(mfg?.cells.nps.adjustedP).toBeLessThan(0.05);
    expect(mfg?.cells.nps.interval?.high).toBeLessThan(view.company.cells.nps.value ?? 0);
    // More escalations read as a weakness: for this KPI lower is better.
    expect(mfg?.cells.escalationRate.highlight).toBe('weakness');
    expect(view.designEffect).toBeGreaterThanOrEqual(1);
    expect(view.company.cells.nps.n).toBe(organisation.feedback.filter((f) => f.kind === 'nps').length);
  });

  it('orders highlights by revenue at stake', async () => {
    const view = await viewFor({ period: 'last_year' });
    expect(view.highlights.length).toBeGreaterThan(0);
    const revenues = view.highlights.map((item) => item.row.revenue);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    const unitArr = organisation.accounts.filter((a) => a.businessUnitId === 'bu-mfg').reduce((s, a) => s + a.arr, 0);
    expect(view.highlights.find((item) => item.row.id === 'bu-mfg')?.row.revenue).toBe(unitArr);
  });

  it('focuses on the chosen unit: its product lines and segments, with the other units for comparison', async () => {
    const view = await viewFor({ period: 'last_year', businessUnitId: 'bu-mfg' });
    const lines = view.panels.find((panel) => panel.dimension === 'productLineId')?.rows ?? [];
    expect(lines.map((row) => row.id)).toEqual(['pl-mfg-iot', 'pl-mfg-mes']);
    const units = view.panels.find((panel) => panel.dimension === 'businessUnitId')?.rows ?? [];
    expect(units.filter((row) => row.own).map((row) => row.id)).toEqual(['bu-mfg']);
    const segments = view.panels.find((panel) => panel.dimension === 'segmentId')?.rows ?? [];
    const entAnswers = organisation.feedback.filter(
      (f) => f.kind === 'nps' && organisation.accounts.some((a) => a.id === f.accountId && a.businessUnitId === 'bu-mfg' && a.segmentId === 'seg-ent'),
    ).length;
    expect(segments.find((row) => row.id === 'seg-ent')?.cells.nps.n).toBe(entAnswers);
  });

  it('never shows an employee result under 5 respondents, and has none by product line', async () => {
    const view = await viewFor({ period: 'last_year', businessUnitId: 'bu-mfg' });
    const rows = [view.company, ...view.panels.flatMap((panel) => panel.rows)];
    for (const row of rows) {
      for (const column of ['engagement', 'enps'] as const) {
        const cell = row.cells[column];
        if (cell.value !== null) expect(cell.n).toBeGreaterThanOrEqual(5);
      }
    }
    const line = view.panels.find((panel) => panel.dimension === 'productLineId')?.rows[0];
    expect(line?.cells.engagement).toMatchObject({ value: null, warnings: [{ code: 'unsupported_cut' }] });
    expect(view.company.cells.engagement.value).not.toBeNull();
  });

  it('hides a unit with under 5 respondents in the period, and any figure that would reveal it by difference', async () => {
    const mfgTeam = (teamId: string) => teamId.startsWith('team-mfg') || teamId.startsWith('bu-mfg');
    const onePulse = organisation.employeePulses.find((pulse) => pulse.teamId === 'team-mfg-2');
    const smallMfg = {
      ...organisation,
      employeePulses: [
        ...organisation.employeePulses.filter((pulse) => !mfgTeam(pulse.teamId)),
        ...(onePulse === undefined ? [] : [{ ...onePulse, respondents: 3, invited: 5, enps: { promoters: 1, passives: 1, detractors: 1 } }]),
      ],
    };
    const data = await loadBusinessData(datasetDataSource(smallMfg), { period: 'last_year' }, leaderAsOf);
    const view = businessView({ load: data.load, structure: data.structure, quarters: data.quarters });
    const units = view.panels.find((panel) => panel.dimension === 'businessUnitId')?.rows ?? [];
    const mfg = units.find((row) => row.id === 'bu-mfg');
    expect(mfg?.cells.engagement).toMatchObject({ value: null, n: 0 });
    expect(mfg?.cells.engagement.warnings[0]?.code).toBe('suppressed');
    // Company minus the other units would give the hidden unit away: not all of them may be shown.
    const shown = [view.company, ...units.filter((row) => row.id !== 'bu-mfg')].filter((row) => row.cells.engagement.value !== null);
    expect(shown.length).toBeLessThan(3);
  });
});
