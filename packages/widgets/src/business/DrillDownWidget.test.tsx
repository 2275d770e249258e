import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../testing/axe';
import { DrillDownWidget } from './DrillDownWidget';
import { datasetDataSource } from './testing/datasetDataSource';
import { LeaderHarness } from './testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from './testing/leaderOrganisation';

afterEach(cleanup);

const organisation = leaderOrganisation();

describe('DrillDownWidget', () => {
  it('shows a product line’s segments and accounts, and hands the account to the host to open', async () => {
    const onOpenAccount = vi.fn();
    render(
      <LeaderHarness dataSource={datasetDataSource(organisation)}>
        <DrillDownWidget
          filters={{ period: 'last_year' }}
          asOf={leaderAsOf}
          target={{ dimension: 'productLineId', id: 'pl-mfg-iot', label: 'Factory IoT' }}
          onOpenAccount={onOpenAccount}
        />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Inside Factory IoT' });
    const accounts = await within(region).findByRole('table', { name: 'Accounts of Factory IoT, largest ARR first' }, { timeout: 10_000 });
    expect(within(region).getByRole('table', { name: 'By Customer type' })).toBeTruthy();
    const rows = within(accounts).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(organisation.accounts.filter((a) => a.productLineId === 'pl-mfg-iot').length);
    const largest = [...organisation.accounts.filter((a) => a.productLineId === 'pl-mfg-iot')].sort((a, b) => b.arr - a.arr)[0];
    const open = within(accounts).getByRole('button', { name: `Open ${largest?.name ?? ''}` });
    expect(rows[0]?.contains(open)).toBe(true);
    fireEvent.click(open);
    expect(onOpenAccount).toHaveBeenCalledWith(largest?.id);
    await expectNoAxeViolations(region);
  });

  it('asks the leader to choose a row when nothing is opened', () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(organisation)}>
        <DrillDownWidget filters={{ period: 'last_year' }} asOf={leaderAsOf} target={undefined} />
      </LeaderHarness>,
    );
    expect(screen.getByText(/Choose “Details” on a row above/)).toBeTruthy();
  });
});
