import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetDataSource } from '../business/testing/datasetDataSource';
import { LeaderHarness } from '../business/testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from '../business/testing/leaderOrganisation';
import { leaderSource } from '../business/testing/leaderSources';
import { expectNoAxeViolations } from '../testing/axe';
import { DriversWidget } from './DriversWidget';

afterEach(cleanup);

const filters = { period: 'last_year' } as const;

describe('DriversWidget', () => {
  it('shows what the planted organisation holds, in words and as a table', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation())}>
        <DriversWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Key drivers of NPS' });
    await waitFor(() => expect(region.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
    expect(region.querySelector('figcaption')?.textContent).toMatch(/^Most important: Product quality/);
    expect(region.querySelectorAll('[data-quadrant]')).toHaveLength(4);
    expect(region.querySelectorAll('[data-quadrant="fix"] path')).toHaveLength(region.querySelectorAll('[data-quadrant="fix"]').length);
    fireEvent.click(within(region).getByRole('button', { name: 'Show as table' }));
    expect(within(region).getByRole('rowheader', { name: 'Product quality' })).toBeTruthy();
    await expectNoAxeViolations(region);
  }, 30_000);

  it('turns a CRM failure into words with a retry', async () => {
    render(
      <LeaderHarness dataSource={leaderSource('crmError')}>
        <DriversWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Key drivers of NPS' });
    expect((await within(region).findByRole('alert')).textContent).toMatch(/Your CRM is busy/);
    expect(within(region).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await expectNoAxeViolations(region);
  });
});
