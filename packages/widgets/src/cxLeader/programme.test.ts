import { describe, expect, it } from 'vitest';
import { datasetDataSource } from '../business/testing/datasetDataSource';
import { withoutFacts } from '../business/testing/leaderSources';
import { driverItems, leaderAsOf, leaderOrganisation } from '../business/testing/leaderOrganisation';
import { closedLoopView } from './closedLoop';
import { coverageView } from './coverageView';
import { driversView } from './driversView';
import { journeyView, momentsView } from './journeyView';
import { linkageIsEmpty, linkageView } from './linkageView';
import { feedbackInWindow, loadProgrammeData } from './programmeData';

const organisation = leaderOrganisation();

async function programme(filters: { period: 'last_year'; businessUnitId?: string; segmentId?: string } = { period: 'last_year' }) {
  return loadProgrammeData(datasetDataSource(organisation), filters, leaderAsOf);
}

describe('CX leader analyses', () => {
  it('reads the records once, with a look-back for pulses, and narrows to a segment', async () => {
    const source = datasetDataSource(organisation);
    const data = await loadProgrammeData(source, { period: 'last_year', segmentId: 'seg-ent' }, leaderAsOf);
    expect(source.calls.reads).toEqual([
      { from: '2025-04-01T00:00:00.000Z', to: leaderAsOf, entities: ['feedback', 'touchpoint', 'supportCase', 'employeePulse'] },
    ]);
    expect(new Set(data.dataset.accounts.map((a) => a.segmentId))).toEqual(new Set(['seg-ent']));
    expect(data.dataset.feedback.every((f) => data.dataset.accounts.some((a) => a.id === f.accountId))).toBe(true);
  });

  it('ranks the planted strongest driver first and places every driver on the grid', async () => {
    const view = driversView(feedbackInWindow(await programme()));
    expect(view.points.map((p) => p.driver.item).sort()).toEqual([...driverItems].sort());
    expect(view.points[0]?.driver.item).toBe('product_quality');
    expect(view.points[0]?.quadrant === 'fix' || view.points[0]?.quadrant === 'maintain').toBe(true);
  });

  it('finds the planted hand-off drop from onboarding to adoption', async () => {
    const journey = journeyView(feedbackInWindow(await programme()));
    const drop = journey.comparisons.find((c) => c.from === 'onboarding' && c.to === 'adoption');
    expect(drop?.significantDrop).toBe(true);
    expect(journey.findings[0]).toMatchObject({ from: 'onboarding', to: 'adoption' });
  });

  it('measures loyalty after moments of truth', async () => {
    const data = await programme();
    const moments = momentsView(feedbackInWindow(data), data.dataset.touchpoints, data.window.to);
    const meeting = moments.find((m) => m.momentOfTruth === 'executive_meeting');
    expect(meeting?.effect).toBeGreaterThan(0);
    expect(moments.find((m) => m.momentOfTruth === 'renewal_negotiation')?.warnings[0]?.code).toBe('no_data');
  });

  it('computes closed-loop performance: within target, overdue, time to close', () => {
    const due = '2026-06-03T00:00:00.000Z';
    const base = { accountId: 'acc-101', kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score: 3, respondedAt: '2026-06-01T00:00:00.000Z', driverScores: {} } as const;
    const feedback = [
      { ...base, id: 'a', followUp: { state: 'closed', dueAt: due, closedAt: '2026-06-02T00:00:00.000Z' } },
      { ...base, id: 'b', followUp: { state: 'closed', dueAt: due, closedAt: '2026-06-05T00:00:00.000Z' } },
      { ...base, id: 'c', followUp: { state: 'open', dueAt: due } },
      { ...base, id: 'd', followUp: { state: 'not_required' } },
    ] as const;
    const { company } = closedLoopView(feedback, organisation.accounts, leaderAsOf);
    expect(company).toMatchObject({ needed: 3, closed: 2, closedWithinTarget: 1, overdue: 1, medianHoursToClose: 60 });
    expect(company.withinTargetShare).toBeCloseTo(1 / 3, 10);
    expect(company.withinTargetInterval?.low).toBeGreaterThan(0);
    // Three answers and two closed loops are below the metrics core's minimum: both say so.
    expect(company.withinTargetWarnings).toEqual([{ code: 'small_sample', detail: { n: 3, minimum: 5, consequence: 'indicative' } }]);
    expect(company.timeToCloseWarnings).toEqual([{ code: 'small_sample', detail: { n: 2, minimum: 5, consequence: 'indicative' } }]);
  });

  it('shows the slower loop closing of the planted unit', async () => {
    const data = await programme();
    const { units } = closedLoopView(feedbackInWindow(data), data.dataset.accounts, leaderAsOf);
    const share = (id: string) => units.find((u) => u.id === id)?.withinTargetShare ?? 1;
    expect(share('bu-mfg')).toBeLessThan(share('bu-cloud'));
  });

  it('maps listening-post coverage by stage and finds the blind spots', async () => {
    const data = await programme();
    const coverage = coverageView(feedbackInWindow(data), data.dataset.touchpoints);
    const renewal = coverage.find((stage) => stage.stage === 'renewal');
    expect(renewal).toMatchObject({ surveyedTouchpoints: 0, coverage: 0 });
    expect(renewal?.answers.nps).toBeGreaterThan(0);
    expect(coverage.find((stage) => stage.stage === 'awareness')).toMatchObject({ touchpoints: 0, coverage: null, blindSpot: false });
    expect(coverage.find((stage) => stage.stage === 'onboarding')?.coverage).toBeGreaterThan(0.5);
    expect(coverage.find((stage) => stage.stage === 'onboarding')?.sampleWarnings).toEqual([]);
  });

  it('flags a stage heard through fewer answers than the metrics core’s minimum', async () => {
    const answers = feedbackInWindow(await programme());
    const renewal = answers.filter((answer) => answer.journeyStage === 'renewal');
    const coverage = coverageView([...answers.filter((answer) => answer.journeyStage !== 'renewal'), ...renewal.slice(0, 7)], []);
    expect(coverage.find((stage) => stage.stage === 'renewal')?.sampleWarnings).toEqual([{ code: 'small_sample', detail: { n: 7, minimum: 10, consequence: 'not_ranked' } }]);
    expect(coverage.find((stage) => stage.stage === 'awareness')?.sampleWarnings).toEqual([{ code: 'no_data' }]);
  });

  it('links EX to CX without exposing any team, and ranks operational drivers', async () => {
    const data = await programme();
    const view = linkageView(data.dataset, feedbackInWindow(data), leaderAsOf);
    expect(view.cxEx.lags.map((lag) => lag.lag)).toEqual([0, 1, 2]);
    expect(view.cxEx.suppressedPulses).toBeGreaterThan(0);
    expect(JSON.stringify(view.cxEx)).not.toContain('team-');
    expect(view.operational.map((effect) => effect.metric)).toContain('median_resolution_hours');
  });

  it('has nothing to link in a period without feedback, pulses or cases, even where accounts record their onboarding', () => {
    const bare = withoutFacts(organisation);
    const onboarded = bare.accounts.map((account, index) => ({ ...account, onboardingStartedOn: '2025-01-06', onboardingCompletedOn: index % 2 === 0 ? '2025-02-03' : '2025-04-07' }));
    const view = linkageView({ ...bare, accounts: onboarded }, [], leaderAsOf);
    expect(view.operational.find((effect) => effect.metric === 'onboarding_days')?.accounts).toBe(onboarded.length);
    expect(linkageIsEmpty(view)).toBe(true);
    // One account's cases in the period are something to show.
    const supportCases = organisation.supportCases.filter((supportCase) => supportCase.accountId === organisation.supportCases[0]?.accountId);
    expect(linkageIsEmpty(linkageView({ ...bare, accounts: onboarded, supportCases }, [], leaderAsOf))).toBe(false);
  });
});
