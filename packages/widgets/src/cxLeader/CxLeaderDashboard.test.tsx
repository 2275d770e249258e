import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetDataSource } from '../business/testing/datasetDataSource';
import { heldSource } from '../business/testing/heldSource';
import { LeaderHarness } from '../business/testing/LeaderHarness';
import { leaderAsOf, leaderOrganisation } from '../business/testing/leaderOrganisation';
import { CxLeaderDashboard } from './CxLeaderDashboard';

afterEach(cleanup);

const organisation = leaderOrganisation();

async function ready(name: string | RegExp): Promise<HTMLElement> {
  const region = screen.getByRole('region', { name });
  await waitFor(() => expect(region.querySelector('.kz-widget__tools')).not.toBeNull(), { timeout: 15_000 });
  return region;
}

describe('CxLeaderDashboard', () => {
  it('keeps the analyses on screen, marked as updating, while a filter change loads', async () => {
    const held = heldSource(datasetDataSource(organisation));
    render(
      <LeaderHarness dataSource={held.source}>
        <CxLeaderDashboard asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const drivers = await ready('Key drivers of NPS');
    const summary = drivers.querySelector('figcaption')?.textContent;
    held.hold();
    fireEvent.change(screen.getByLabelText('Business unit'), { target: { value: 'bu-mfg' } });
    const notice = await within(drivers).findByText(/^Updating…/);
    expect(notice.getAttribute('aria-live')).toBe('polite');
    expect(drivers.querySelector('.kz-skeleton')).toBeNull();
    expect(drivers.querySelector('figcaption')?.textContent).toBe(summary);
    held.release();
    await waitFor(() => expect(within(drivers).queryByText(/^Updating…/)).toBeNull(), { timeout: 15_000 });
    expect(drivers.querySelector('.kz-widget__tools')).not.toBeNull();
  }, 30_000);

  it('answers every analysis from one read of the programme’s records', async () => {
    const source = datasetDataSource(organisation);
    render(
      <LeaderHarness dataSource={source}>
        <CxLeaderDashboard asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const drivers = await ready('Key drivers of NPS');
    expect(drivers.querySelector('figcaption')?.textContent).toMatch(/^Most important: Product quality/);
    expect(drivers.querySelectorAll('[data-quadrant]')).toHaveLength(4);

    const journey = await ready('Satisfaction across the journey');
    expect(within(journey).getByText(/^Onboarding → Adoption: NPS falls by \d+ points while touchpoint CSAT stays high/)).toBeTruthy();
    expect(journey.querySelector('[data-drop="onboarding-adoption"]')).not.toBeNull();

    const moments = await ready('Moments of truth');
    fireEvent.click(within(moments).getByRole('button', { name: 'Show as table' }));
    expect(within(moments).getByRole('rowheader', { name: 'Executive meeting' })).toBeTruthy();

    const loop = await ready('Closed-loop follow-up');
    expect(loop.querySelector('figcaption')?.textContent).toMatch(/answers needing follow-up were closed within target/);

    const coverage = await ready('Listening posts by journey stage');
    expect(coverage.querySelector('figcaption')?.textContent).toBe('Feedback is collected at 4 of 8 stages. Blind spots: none.');

    const linkage = await ready('CX–EX linkage');
    expect(linkage.textContent).not.toMatch(/team-/);
    expect(within(linkage).getByText(/team pulses under 5 respondents were left out to protect anonymity/)).toBeTruthy();
    expect(within(linkage).getByRole('table', { name: 'Operational drivers of churn and NPS' })).toBeTruthy();

    expect(source.calls.reads).toHaveLength(1);
    expect(source.calls.plans).toHaveLength(0);
  }, 60_000);

  it('narrows every analysis when a customer type is chosen', async () => {
    const source = datasetDataSource(organisation);
    render(
      <LeaderHarness dataSource={source} locale="ja">
        <CxLeaderDashboard asOf={leaderAsOf} />
      </LeaderHarness>,
    );
    const segment = screen.getByLabelText('顧客タイプ');
    await waitFor(() => expect(within(segment).getAllByRole('option')).toHaveLength(4), { timeout: 15_000 });
    fireEvent.change(segment, { target: { value: 'seg-smb' } });
    const loop = await ready('クローズドループのフォローアップ');
    const smbNeeded = organisation.feedback.filter(
      (f) => f.followUp.state !== 'not_required' && organisation.accounts.some((a) => a.id === f.accountId && a.segmentId === 'seg-smb'),
    ).length;
    await waitFor(() => expect(loop.querySelector('figcaption')?.textContent).toMatch(new RegExp(`回答${smbNeeded}件のうち`)), { timeout: 15_000 });
  }, 60_000);
});
