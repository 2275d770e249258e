import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KpiComparisonWidget } from './KpiComparisonWidget';
import { datasetDataSource } from './testing/datasetDataSource';
import { LeaderHarness } from './testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from './testing/leaderOrganisation';

afterEach(cleanup);

const organisation = leaderOrganisation();

describe('KpiComparisonWidget', () => {
  it('puts business lines, product lines and customer types side by side, with the weak unit marked in words', async () => {
    const source = datasetDataSource(organisation);
    const onDrill = vi.fn();
    render(
      <LeaderHarness dataSource={source}>
        <KpiComparisonWidget filters={{ period: 'last_year' }} asOf={leaderAsOf} onDrill={onDrill} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Side by side: business lines, product lines, customer types' });
    const units = await within(region).findByRole('table', { name: 'Business lines' }, { timeout: 10_000 });
    expect(within(region).getByRole('table', { name: 'Product lines' })).toBeTruthy();
    expect(within(region).getByRole('table', { name: 'Customer types' })).toBeTruthy();
    const mfg = within(units).getByRole('row', { name: /Smart Manufacturing/ });
    expect(mfg.textContent).toMatch(/real weakness/);
    expect(within(units).getByRole('row', { name: /Whole company/ })).toBeTruthy();
    // Cheap: the pushable KPIs' plans in one batch, one read of structure, pulses and the cases the CRM cannot aggregate.
    expect(source.calls.plans).toHaveLength(1);
    expect(source.calls.reads.map((read) => read.entities)).toEqual([['employeePulse', 'supportCase']]);
    fireEvent.click(within(mfg).getByRole('button', { name: 'Details for Smart Manufacturing' }));
    expect(onDrill).toHaveBeenCalledWith({ dimension: 'businessUnitId', id: 'bu-mfg', label: 'Smart Manufacturing' });
    expect(region.querySelector('figcaption')?.textContent).toMatch(/real differences across 12 groups/);
    fireEvent.click(within(region).getByRole('button', { name: 'Show as table' }));
    expect(within(region).getByRole('columnheader', { name: 'Compared by' })).toBeTruthy();
  });

  it('speaks Japanese, with numbers through Intl', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(organisation)} locale="ja">
        <KpiComparisonWidget filters={{ period: 'last_year', businessUnitId: 'bu-mfg' }} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: '事業・製品ライン・顧客タイプの比較' });
    const lines = await within(region).findByRole('table', { name: '製品ライン別' }, { timeout: 10_000 });
    expect(within(lines).getByRole('row', { name: /Factory IoT/ })).toBeTruthy();
    expect(within(region).getByRole('table', { name: '事業別' }).textContent).toMatch(/自事業部/);
  });
});
