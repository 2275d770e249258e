import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../testing/axe';
import { DrillDownWidget } from './DrillDownWidget';
import { datasetDataSource } from './testing/datasetDataSource';
import { LeaderHarness } from './testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from './testing/leaderOrganisation';
import { fewAnswers } from './testing/leaderSources';

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

  it('puts each of its tables in the tab order, named by its caption, so the keyboard can scroll one wider than its column', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(organisation)}>
        <DrillDownWidget filters={{ period: 'last_year' }} asOf={leaderAsOf} target={{ dimension: 'productLineId', id: 'pl-mfg-iot', label: 'Factory IoT' }} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Inside Factory IoT' });
    // Without the host's navigation the accounts table holds nothing focusable of its own.
    const accounts = await within(region).findByRole('table', { name: 'Accounts of Factory IoT, largest ARR first' }, { timeout: 10_000 });
    expect(within(accounts).queryAllByRole('button')).toEqual([]);
    const tables = within(region).getAllByRole('table');
    expect(tables.map((table) => table.querySelector('caption')?.textContent)).toEqual(['By Customer type', 'Accounts of Factory IoT, largest ARR first']);
    for (const table of tables) {
      const scroller = within(region).getByRole('group', { name: table.querySelector('caption')?.textContent ?? '' });
      expect(scroller.contains(table)).toBe(true);
      expect(scroller.tabIndex).toBe(0);
    }
    await expectNoAxeViolations(region);
  });

  it('marks figures on a small sample in words, in their cells and by name, not by an asterisk alone', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(fewAnswers(organisation, 1))}>
        <DrillDownWidget filters={{ period: 'last_year' }} asOf={leaderAsOf} target={{ dimension: 'businessUnitId', id: 'bu-mfg', label: 'Smart Manufacturing' }} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Inside Smart Manufacturing' });
    const accounts = await within(region).findByRole('table', { name: 'Accounts of Smart Manufacturing, largest ARR first' }, { timeout: 10_000 });
    const marks = [...accounts.querySelectorAll('[data-warning="small_sample"]')];
    expect(marks.length).toBeGreaterThan(0);
    // The asterisk is for the eye; the words are what a screen reader reads in the cell.
    for (const mark of marks) expect(mark.textContent).toBe('* (small sample: indicative)');
    const answered = organisation.accounts.find((account) => account.businessUnitId === 'bu-mfg');
    const named = [...region.querySelectorAll('li.kz-warning[data-warning="small_sample"]')].map((item) => item.textContent);
    expect(named).toContainEqual(expect.stringMatching(new RegExp(`^${answered?.name ?? '-'} · (NPS|CSAT \\(top-2-box\\)): only \\d+ observations; treat it as indicative\\.$`)));
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
