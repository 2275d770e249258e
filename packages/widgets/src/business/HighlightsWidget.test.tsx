import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../testing/axe';
import { HighlightsWidget } from './HighlightsWidget';
import { datasetDataSource } from './testing/datasetDataSource';
import { LeaderHarness } from './testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from './testing/leaderOrganisation';

afterEach(cleanup);

const filters = { period: 'last_year' } as const;

describe('HighlightsWidget', () => {
  it('lists only real differences, largest revenue at stake first, each opening its drill-down', async () => {
    const onDrill = vi.fn();
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation())}>
        <HighlightsWidget filters={filters} asOf={leaderAsOf} onDrill={onDrill} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Opportunities and weaknesses' });
    const items = await within(region).findAllByRole('listitem', {}, { timeout: 10_000 });
    const highlights = items.filter((item) => item.dataset['highlight'] !== undefined);
    expect(highlights.length).toBeGreaterThan(0);
    const mfgNps = highlights.find((item) => /NPS in Smart Manufacturing/.test(item.textContent));
    expect(mfgNps?.textContent).toMatch(/^▼ real weakness: NPS in Smart Manufacturing \(Business line\)/);
    expect(mfgNps?.textContent).toMatch(/ARR at stake/);
    fireEvent.click(within(mfgNps ?? region).getByRole('button', { name: 'Details for Smart Manufacturing' }));
    expect(onDrill).toHaveBeenCalledWith({ dimension: 'businessUnitId', id: 'bu-mfg', label: 'Smart Manufacturing' });
    expect(region.querySelector('figcaption')?.textContent).toMatch(/weaknesses and \d+ strengths; the largest revenue at stake is/);
    await expectNoAxeViolations(region);
  });

  it('highlights nothing on the control organisation, and says so', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation(1, 'none'))}>
        <HighlightsWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    expect(await screen.findByText(/No real strengths or weaknesses in this period/, {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('says an empty verdict from an old read is stale, with a refresh', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation(1, 'none'))} readHoursAgo={3}>
        <HighlightsWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Opportunities and weaknesses' });
    expect(await within(region).findByText(/No real strengths or weaknesses in this period/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(region.querySelector('[data-notice="stale"]')?.textContent).toMatch(/^Showing data read .+; it may be out of date\./);
    expect(within(region).getByRole('button', { name: 'Refresh' })).toBeTruthy();
    await expectNoAxeViolations(region);
  });
});
