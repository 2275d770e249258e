import { nextBestActions } from '@kizuna/metrics';
import type { AccountContext } from '@kizuna/model';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/messages';
import { datasetDataSource } from '../../business/testing/datasetDataSource';
import { fixtureAsOf, hoshinoContext, hoshinoDataset, newAccountContext } from '../../testing/accountFixture';
import { expectNoAxeViolations } from '../../testing/axe';
import { scriptedDataSource, type Outcome } from '../../testing/scriptedDataSource';
import { WidgetHarness } from '../../testing/WidgetHarness';
import { JourneyTimelineWidget } from './JourneyTimelineWidget';

afterEach(cleanup);

function renderTimeline(outcomes: Array<Outcome<AccountContext>>, locale: Locale = 'en') {
  render(
    <WidgetHarness dataSource={scriptedDataSource(...outcomes)} locale={locale}>
      <JourneyTimelineWidget accountId={hoshinoContext.account.id} asOf={fixtureAsOf} />
    </WidgetHarness>,
  );
  return screen.getByRole('region', { name: locale === 'en' ? 'Journey timeline' : 'カスタマージャーニーの時系列' });
}

describe('JourneyTimelineWidget', () => {
  it('lists touchpoints across departments, newest first, with moments of truth and their feedback', async () => {
    const region = renderTimeline([hoshinoContext]);
    const list = await within(region).findByRole('list', { name: 'Touchpoints and CRM tasks, newest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(7);
    expect(items[0]?.textContent).toContain('Smart factory user forum, Nagoya');
    const review = within(region).getByTestId('touchpoint-tp-04');
    expect(within(review).getByTestId('moment-of-truth').textContent).toBe('◆ Moment of truth: Quarterly business review');
    expect(review.textContent).toContain('CSAT 4 of 5');
    expect(within(region).getByTestId('touchpoint-tp-07').textContent).toContain('NPS 4 (Detractor)');
    expect(within(region).getByText(/7 touchpoints in the last 180 days, 3 of them moments of truth and 5 with feedback; most came from Support \(3\)\./)).toBeTruthy();
    await expectNoAxeViolations(region);
  });

  it('filters by period and department', async () => {
    const region = renderTimeline([hoshinoContext]);
    await within(region).findByRole('list', { name: 'Touchpoints and CRM tasks, newest first' });
    fireEvent.change(within(region).getByRole('combobox', { name: 'Period' }), { target: { value: '365' } });
    expect(within(region).getAllByTestId(/^touchpoint-/)).toHaveLength(8);
    fireEvent.change(within(region).getByRole('combobox', { name: 'Department' }), { target: { value: 'sales' } });
    expect(within(region).getAllByTestId(/^touchpoint-/).map((item) => item.dataset.testid)).toEqual(['touchpoint-tp-04', 'touchpoint-tp-01']);
    fireEvent.change(within(region).getByRole('combobox', { name: 'Period' }), { target: { value: '90' } });
    expect(await within(region).findByText('No touchpoints in the last 90 days.')).toBeTruthy();
    await expectNoAxeViolations(region);
  });

  it('offers the chart as a table with every touchpoint', async () => {
    const region = renderTimeline([hoshinoContext]);
    fireEvent.click(await within(region).findByRole('button', { name: 'Show as table' }));
    const table = within(region).getByRole('table', { name: 'Journey timeline: data table' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      '2026-09-28',
      '2026-09-24',
      '2026-09-02',
      '2026-08-03',
      '2026-06-18',
      '2026-05-14',
      '2026-04-22',
    ]);
    await expectNoAxeViolations(region);
  });

  it('shows the CRM task an accepted action became, as the data source reads it back after a reload', async () => {
    const source = datasetDataSource(hoshinoDataset);
    const top = nextBestActions(hoshinoContext, { asOf: fixtureAsOf }).proposed[0];
    if (top === undefined) throw new Error('the fixture account should have a proposed action');
    // Accepted in Tokyo the evening before "now": the CRM answers with an offset.
    const [written] = await source.writeActions([{ ...top.action, status: 'accepted', createdAt: '2026-09-30T18:30:00+09:00' }]);
    if (written?.ok !== true) throw new Error('the task should have been written');
    render(
      <WidgetHarness dataSource={source}>
        <JourneyTimelineWidget accountId={hoshinoContext.account.id} asOf={fixtureAsOf} />
      </WidgetHarness>,
    );
    const region = screen.getByRole('region', { name: 'Journey timeline' });
    const list = await within(region).findByRole('list', { name: 'Touchpoints and CRM tasks, newest first' });
    const task = within(list).getByTestId(`task-${written.crmTaskId}`);
    expect(within(list).getAllByRole('listitem')[0]).toBe(task);
    expect(task.textContent).toContain('Task created in the CRM');
    expect(task.textContent).toContain(top.action.title);
    expect(region.querySelector(`[data-task="${written.crmTaskId}"]`)).not.toBeNull();
    expect(within(region).getByText(/1 task created in the CRM from accepted actions\.$/)).toBeTruthy();
    fireEvent.change(within(region).getByRole('combobox', { name: 'Department' }), { target: { value: 'support' } });
    expect(within(region).queryByTestId(`task-${written.crmTaskId}`)).toBeNull();
    await expectNoAxeViolations(region);
  });

  it('has loading, empty and error states', async () => {
    let region = renderTimeline(['pending']);
    await expectNoAxeViolations(region);
    cleanup();
    region = renderTimeline([newAccountContext]);
    expect(await within(region).findByText('No touchpoints in the last 180 days.')).toBeTruthy();
    await expectNoAxeViolations(region);
    cleanup();
    region = renderTimeline([Object.assign(new Error('x'), { code: 'AUTH_EXPIRED' })]);
    expect((await within(region).findByRole('alert')).textContent).toContain('Your CRM session has expired.');
    await expectNoAxeViolations(region);
  });

  it('speaks Japanese, with dates formatted for Japan', async () => {
    const region = renderTimeline([hoshinoContext], 'ja');
    const item = await within(region).findByTestId('touchpoint-tp-04');
    expect(item.textContent).toContain('2026/06/18 · 営業 · 対面の会議 · 定着');
    expect(item.textContent).toContain('真実の瞬間：四半期ビジネスレビュー');
  });
});
