import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetDataSource } from '../business/testing/datasetDataSource';
import { LeaderHarness } from '../business/testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from '../business/testing/leaderOrganisation';
import { leaderSource } from '../business/testing/leaderSources';
import { expectNoAxeViolations } from '../testing/axe';
import { JourneyWidget } from './JourneyWidget';

afterEach(cleanup);

const filters = { period: 'last_year' } as const;

describe('JourneyWidget', () => {
  it('shows what the planted organisation holds, in words and as a table', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation())}>
        <JourneyWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Satisfaction across the journey' });
    await waitFor(() => expect(region.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
    expect(within(region).getByText(/^Onboarding → Adoption: NPS falls by \d+ points while touchpoint CSAT stays high/)).toBeTruthy();
    expect(region.querySelector('[data-drop="onboarding-adoption"]')?.textContent).toBe('drop');
    expect(region.querySelector('figcaption')?.textContent).toMatch(/Real drops at: Onboarding → Adoption/);
    await expectNoAxeViolations(region);
  }, 30_000);

  it('turns a CRM failure into words with a retry', async () => {
    render(
      <LeaderHarness dataSource={leaderSource('crmError')}>
        <JourneyWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Satisfaction across the journey' });
    expect((await within(region).findByRole('alert')).textContent).toMatch(/Your CRM is busy/);
    expect(within(region).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await expectNoAxeViolations(region);
  });
});
