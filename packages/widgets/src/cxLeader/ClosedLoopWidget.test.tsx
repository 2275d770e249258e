import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetDataSource } from '../business/testing/datasetDataSource';
import { LeaderHarness } from '../business/testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from '../business/testing/leaderOrganisation';
import { leaderSource } from '../business/testing/leaderSources';
import { expectNoAxeViolations } from '../testing/axe';
import { ClosedLoopWidget } from './ClosedLoopWidget';

afterEach(cleanup);

const filters = { period: 'last_year' } as const;

describe('ClosedLoopWidget', () => {
  it('shows what the planted organisation holds, in words and as a table', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation())}>
        <ClosedLoopWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Closed-loop follow-up' });
    await waitFor(() => expect(region.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
    expect(region.querySelector('figcaption')?.textContent).toMatch(/^\d+% of \d+ answers needing follow-up were closed within target \(95% interval \d+% to \d+%\)/);
    fireEvent.click(within(region).getByRole('button', { name: 'Show as table' }));
    expect(within(region).getByRole('rowheader', { name: 'Smart Manufacturing' })).toBeTruthy();
    expect(within(region).getByRole('columnheader', { name: 'Median time to close' })).toBeTruthy();
    await expectNoAxeViolations(region);
  }, 30_000);

  it('says in words that five answers needing follow-up are a small sample', async () => {
    const organisation = leaderOrganisation();
    const from = Date.parse(leaderAsOf) - 180 * 86_400_000;
    const needing = organisation.feedback.filter((answer) => answer.followUp.state === 'closed' && Date.parse(answer.respondedAt) > from).slice(0, 5);
    render(
      <LeaderHarness dataSource={datasetDataSource({ ...organisation, feedback: needing })}>
        <ClosedLoopWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Closed-loop follow-up' });
    await waitFor(() => expect(region.querySelector('figcaption')?.textContent).toMatch(/ of 5 answers needing follow-up/), { timeout: 15_000 });
    const warnings = [...region.querySelectorAll('li.kz-warning[data-warning="small_sample"]')].map((item) => item.textContent);
    expect(warnings).toContain('Whole company · Closed within target: only 5 observations; treat it as indicative.');
    expect(warnings).toContain('Whole company · Median time to close: only 5 observations; treat it as indicative.');
    await expectNoAxeViolations(region);
  }, 30_000);

  it('turns a CRM failure into words with a retry', async () => {
    render(
      <LeaderHarness dataSource={leaderSource('crmError')}>
        <ClosedLoopWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Closed-loop follow-up' });
    expect((await within(region).findByRole('alert')).textContent).toMatch(/Your CRM is busy/);
    expect(within(region).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await expectNoAxeViolations(region);
  });
});
