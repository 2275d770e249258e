import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusinessUnitDashboard } from './BusinessUnitDashboard';
import { datasetDataSource } from './testing/datasetDataSource';
import { heldSource } from './testing/heldSource';
import { LeaderHarness } from './testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from './testing/leaderOrganisation';

afterEach(cleanup);

describe('BusinessUnitDashboard', () => {
  it('filters by unit, drills from a highlight into accounts, and moves focus to the drill-down', async () => {
    const onFiltersChange = vi.fn();
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation())}>
        <BusinessUnitDashboard asOf={leaderAsOf} onFiltersChange={onFiltersChange} onOpenAccount={() => undefined} />
      </LeaderHarness>,
    );
    const unit = await screen.findByLabelText('Business unit');
    await waitFor(() => expect(within(unit).getAllByRole('option')).toHaveLength(4), { timeout: 10_000 });
    fireEvent.change(unit, { target: { value: 'bu-mfg' } });
    expect(onFiltersChange).toHaveBeenCalledWith({ period: 'last_year', businessUnitId: 'bu-mfg' });
    const lines = await screen.findByRole('table', { name: 'Product lines' }, { timeout: 10_000 });
    await waitFor(() => expect(within(lines).queryByRole('row', { name: /Point of Sale/ })).toBeNull());
    expect(within(lines).getByRole('row', { name: /Factory IoT/ })).toBeTruthy();
    const highlights = screen.getByRole('region', { name: 'Opportunities and weaknesses' });
    const details = await within(highlights).findAllByRole('button', { name: /^Details for / }, { timeout: 10_000 });
    fireEvent.click(details[0] ?? highlights);
    const drill = await screen.findByRole('region', { name: /^Inside / });
    await waitFor(() => expect(drill.parentElement).toBe(document.activeElement));
  }, 30_000);

  it('keeps the previous figures on screen, marked as updating, while a filter change loads', async () => {
    const held = heldSource(datasetDataSource(leaderOrganisation()));
    render(
      <LeaderHarness dataSource={held.source}>
        <BusinessUnitDashboard asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const comparison = screen.getByRole('region', { name: 'Side by side: business lines, product lines, customer types' });
    const lines = await within(comparison).findByRole('table', { name: 'Product lines' }, { timeout: 15_000 });
    expect(within(lines).getByRole('row', { name: /Point of Sale/ })).toBeTruthy();
    held.hold();
    fireEvent.change(screen.getByLabelText('Business unit'), { target: { value: 'bu-mfg' } });
    const notice = await within(comparison).findByText(/^Updating…/);
    expect(notice.getAttribute('aria-live')).toBe('polite');
    expect(comparison.querySelector('.kz-skeleton')).toBeNull();
    expect(within(comparison).getByRole('table', { name: 'Product lines' })).toBeTruthy();
    held.release();
    await waitFor(() => expect(within(comparison).queryByText(/^Updating…/)).toBeNull(), { timeout: 15_000 });
    expect(within(comparison).getByRole('row', { name: /Factory IoT/ })).toBeTruthy();
  }, 30_000);

  it('stays on aggregate plans until the leader asks for the causes behind the numbers', async () => {
    const source = datasetDataSource(leaderOrganisation());
    render(
      <LeaderHarness dataSource={source}>
        <BusinessUnitDashboard asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const comparison = screen.getByRole('region', { name: 'Side by side: business lines, product lines, customer types' });
    await waitFor(() => expect(comparison.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
    // One record read (structure, pulses and the case facts of the KPIs kept in memory), one batch of plans.
    expect(source.calls.reads.map((read) => read.entities)).toEqual([['employeePulse', 'supportCase']]);
    expect(source.calls.plans).toHaveLength(1);
    const causes = screen.getByRole('region', { name: 'What lies behind the CX numbers' });
    fireEvent.click(within(causes).getByRole('button', { name: /^Analyse the causes/ }));
    await waitFor(() => expect(causes.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
    expect(source.calls.reads).toHaveLength(2);
    expect(source.calls.reads[1]?.entities).toEqual(['feedback', 'touchpoint', 'supportCase', 'employeePulse']);
  }, 30_000);
});
