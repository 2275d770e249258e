import { describe, expect, it } from 'vitest';
import { drillBreakdowns, loadCellAccounts } from './drillDown';
import { loadBusinessData } from './loadBusinessData';
import { datasetDataSource } from './testing/datasetDataSource';
import { leaderAsOf, leaderOrganisation } from './testing/leaderOrganisation';

const organisation = leaderOrganisation();
const filters = { period: 'last_year' } as const;

describe('drill-down', () => {
  it('breaks a unit into its product lines and segments from the totals already loaded', async () => {
    const source = datasetDataSource(organisation);
    const data = await loadBusinessData(source, filters, leaderAsOf);
    const plans = source.calls.plans.length;
    const [lines, segments] = drillBreakdowns(data.load, data.structure, { dimension: 'businessUnitId', id: 'bu-mfg', label: 'Smart Manufacturing' });
    expect(source.calls.plans).toHaveLength(plans);
    expect(lines?.rows.map((row) => row.id)).toEqual(['pl-mfg-iot', 'pl-mfg-mes']);
    expect(segments?.rows.map((row) => row.id)).toEqual(['seg-ent', 'seg-mid', 'seg-smb']);
    const total = (lines?.rows ?? []).reduce((sum, row) => sum + (row.cells.nps?.n ?? 0), 0);
    expect(total).toBe(organisation.feedback.filter((f) => f.kind === 'nps' && f.accountId.startsWith('acc-2')).length);
  });

  it('lists a product line’s accounts, largest ARR first, with their NPS and CSAT from one more batched plan', async () => {
    const source = datasetDataSource(organisation);
    const data = await loadBusinessData(source, filters, leaderAsOf);
    const before = source.calls.plans.length;
    const rows = await loadCellAccounts(source, data.structure, { dimension: 'productLineId', id: 'pl-mfg-iot', label: 'Factory IoT' }, filters, leaderAsOf);
    expect(source.calls.plans.length - before).toBe(1);
    expect(rows).toHaveLength(organisation.accounts.filter((a) => a.productLineId === 'pl-mfg-iot').length);
    expect(rows.map((row) => row.account.arr)).toEqual(rows.map((row) => row.account.arr).sort((a, b) => b - a));
    const first = rows[0];
    expect(first?.nps.n).toBe(organisation.feedback.filter((f) => f.kind === 'nps' && f.accountId === first?.account.id).length);
  });
});
