import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetDataSource } from '../business/testing/datasetDataSource';
import { LeaderHarness } from '../business/testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from '../business/testing/leaderOrganisation';
import { leaderSource, withoutFacts } from '../business/testing/leaderSources';
import { expectNoAxeViolations } from '../testing/axe';
import { LinkageWidget } from './LinkageWidget';

afterEach(cleanup);

const filters = { period: 'last_year' } as const;

describe('LinkageWidget', () => {
  it('shows what the planted organisation holds, in words and as a table', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation())}>
        <LinkageWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'CX–EX linkage' });
    await waitFor(() => expect(region.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
    expect(region.textContent).not.toMatch(/team-/);
    expect(within(region).getByText(/team pulses under 5 respondents were left out to protect anonymity/)).toBeTruthy();
    expect(within(region).getByRole('table', { name: 'Operational drivers of churn and NPS' })).toBeTruthy();
    expect(within(region).getByRole('rowheader', { name: 'Median resolution time' })).toBeTruthy();
    await expectNoAxeViolations(region);
  }, 30_000);

  it('says there is nothing to link over a period without feedback, pulses or cases, instead of a table of empty rows', async () => {
    // Accounts still carry their onboarding dates and churn: fields of the account, not records of the period.
    const organisation = withoutFacts(leaderOrganisation());
    const accounts = organisation.accounts.map((account, index) => ({ ...account, onboardingStartedOn: '2025-01-06', onboardingCompletedOn: index % 2 === 0 ? '2025-02-03' : '2025-04-07' }));
    render(
      <LeaderHarness dataSource={datasetDataSource({ ...organisation, accounts })}>
        <LinkageWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'CX–EX linkage' });
    expect(await within(region).findByText('No feedback, team pulses or support cases in this period: there is nothing to link yet.', {}, { timeout: 15_000 })).toBeTruthy();
    expect(region.querySelector('.kz-state--empty')).not.toBeNull();
    expect(within(region).queryByRole('table')).toBeNull();
    await expectNoAxeViolations(region);
  }, 30_000);

  it('turns a CRM failure into words with a retry', async () => {
    render(
      <LeaderHarness dataSource={leaderSource('crmError')}>
        <LinkageWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'CX–EX linkage' });
    expect((await within(region).findByRole('alert')).textContent).toMatch(/Your CRM is busy/);
    expect(within(region).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await expectNoAxeViolations(region);
  });
});
