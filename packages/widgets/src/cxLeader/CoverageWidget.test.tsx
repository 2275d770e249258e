import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetDataSource } from '../business/testing/datasetDataSource';
import { LeaderHarness } from '../business/testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from '../business/testing/leaderOrganisation';
import { leaderSource } from '../business/testing/leaderSources';
import { expectNoAxeViolations } from '../testing/axe';
import { CoverageWidget } from './CoverageWidget';

afterEach(cleanup);

const filters = { period: 'last_year' } as const;

describe('CoverageWidget', () => {
  it('shows what the planted organisation holds, in words and as a table', async () => {
    render(
      <LeaderHarness dataSource={datasetDataSource(leaderOrganisation())}>
        <CoverageWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Listening posts by journey stage' });
    await waitFor(() => expect(region.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
    expect(region.querySelector('figcaption')?.textContent).toBe('Feedback is collected at 4 of 8 stages. Blind spots: none.');
    fireEvent.click(within(region).getByRole('button', { name: 'Show as table' }));
    const renewal = within(region).getByRole('row', { name: /Renewal/ });
    expect(renewal.textContent).toMatch(/0%/);
    expect(within(region).getByRole('row', { name: /Awareness/ }).textContent).toMatch(/no touchpoints recorded/);
    await expectNoAxeViolations(region);
  }, 30_000);

  it('names in words a stage heard through too few answers', async () => {
    const organisation = leaderOrganisation();
    const renewal = organisation.feedback.filter((answer) => answer.journeyStage === 'renewal' && Date.parse(answer.respondedAt) > Date.parse(leaderAsOf) - 180 * 86_400_000);
    const feedback = [...organisation.feedback.filter((answer) => answer.journeyStage !== 'renewal'), ...renewal.slice(0, 3)];
    render(
      <LeaderHarness dataSource={datasetDataSource({ ...organisation, feedback })}>
        <CoverageWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Listening posts by journey stage' });
    await waitFor(() => expect(region.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
    const warnings = [...region.querySelectorAll('li.kz-warning[data-warning="small_sample"]')].map((item) => item.textContent);
    expect(warnings).toEqual(['Renewal: only 3 observations; treat it as indicative.']);
    await expectNoAxeViolations(region);
  }, 30_000);

  it('turns a CRM failure into words with a retry', async () => {
    render(
      <LeaderHarness dataSource={leaderSource('crmError')}>
        <CoverageWidget filters={filters} asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const region = screen.getByRole('region', { name: 'Listening posts by journey stage' });
    expect((await within(region).findByRole('alert')).textContent).toMatch(/Your CRM is busy/);
    expect(within(region).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await expectNoAxeViolations(region);
  });
});
