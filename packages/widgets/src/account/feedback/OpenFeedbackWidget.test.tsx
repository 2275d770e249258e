import type { AccountContext } from '@kizuna/model';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/messages';
import { fixtureAsOf, hoshinoContext, newAccountContext } from '../../testing/accountFixture';
import { expectNoAxeViolations } from '../../testing/axe';
import { scriptedSource, type DataSourceScript, type ScriptedDataSource } from '../../testing/scriptedDataSource';
import { WidgetHarness } from '../../testing/WidgetHarness';
import { OpenFeedbackWidget } from './OpenFeedbackWidget';

afterEach(cleanup);

function renderFeedback(script: DataSourceScript, locale: Locale = 'en'): { region: HTMLElement; source: ScriptedDataSource } {
  const source = scriptedSource(script);
  render(
    <WidgetHarness dataSource={source} locale={locale}>
      <OpenFeedbackWidget accountId={hoshinoContext.account.id} asOf={fixtureAsOf} />
    </WidgetHarness>,
  );
  return { region: screen.getByRole('region', { name: locale === 'en' ? 'Feedback awaiting a reply' : '返信待ちのフィードバック' }), source };
}

const withContext = (context: AccountContext): DataSourceScript => ({ accountContext: [context] });

describe('OpenFeedbackWidget', () => {
  it('lists feedback awaiting a reply, most overdue first, each with its clock in words', async () => {
    const { region } = renderFeedback(withContext(hoshinoContext));
    expect((await within(region).findByTestId('open-feedback-summary')).textContent).toBe('4 answers waiting for a reply, 3 overdue.');
    const clocks = within(region).getAllByTestId('feedback-clock').map((clock) => clock.textContent.split(' · ')[0]);
    expect(clocks).toEqual(['⚠ Reply overdue by 56 days', '⚠ Reply overdue by 26 days', '⚠ Reply overdue by 4 days', '⏱ Reply due in 5 days']);
    const detractor = within(region).getByTestId('feedback-fb-09');
    expect(within(detractor).getByRole('heading').textContent).toBe('NPS 4 (Detractor) · Kenji Hoshino (Decision maker)');
    expect(detractor.textContent).toContain('We lose production data and nobody owns the problem.');
    await expectNoAxeViolations(region);
  });

  it('turns a closed-loop step into one CRM task, whatever happens to the network, and says so', async () => {
    const { region, source } = renderFeedback({ ...withContext(hoshinoContext), writes: [new Error('Failed to fetch'), 'write'] });
    const card = await within(region).findByTestId('feedback-fb-09');
    fireEvent.click(within(card).getByRole('button', { name: 'Escalate' }));
    expect(await within(card).findByText(/Not saved yet: Your CRM could not be reached\./)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Escalate' })).toHaveProperty('disabled', true);
    await expectNoAxeViolations(region);
    fireEvent.click(within(card).getByRole('button', { name: 'Try now' }));
    expect(await within(card).findByText('Task created in your CRM.')).toBeTruthy();
    expect(source.tasks.size).toBe(1);
    const [task] = [...source.tasks.values()];
    expect(task?.action).toMatchObject({ title: 'Escalate the feedback of Kenji Hoshino', playbookId: 'closed_loop_escalate', contactId: 'con-dm', status: 'accepted' });
    expect(task?.action.reasons).toEqual(['NPS 4 (Detractor) from Kenji Hoshino on Sep 25, 2026.', 'We lose production data and nobody owns the problem.', 'Reply overdue by 4 days']);
  });

  it('filters by kind and to overdue answers', async () => {
    const { region } = renderFeedback(withContext(hoshinoContext));
    await within(region).findByTestId('open-feedback-summary');
    fireEvent.change(within(region).getByRole('combobox', { name: 'Kind' }), { target: { value: 'nps' } });
    expect(within(region).getAllByTestId(/^feedback-fb/).map((item) => item.dataset.testid)).toEqual(['feedback-fb-09', 'feedback-fb-10']);
    fireEvent.click(within(region).getByRole('checkbox', { name: 'Overdue only' }));
    expect(within(region).getAllByTestId(/^feedback-fb/).map((item) => item.dataset.testid)).toEqual(['feedback-fb-09']);
  });

  it('has loading, empty and error states', async () => {
    let { region } = renderFeedback({ accountContext: ['pending'] });
    await expectNoAxeViolations(region);
    cleanup();
    ({ region } = renderFeedback(withContext(newAccountContext)));
    expect(await within(region).findByText('No feedback is waiting for a reply.')).toBeTruthy();
    await expectNoAxeViolations(region);
    cleanup();
    ({ region } = renderFeedback({ accountContext: [Object.assign(new Error('x'), { code: 'RATE_LIMITED' })] }));
    expect((await within(region).findByRole('alert')).textContent).toContain('Your CRM is busy.');
    await expectNoAxeViolations(region);
  });

  it('speaks Japanese', async () => {
    const { region } = renderFeedback(withContext(hoshinoContext), 'ja');
    expect((await within(region).findByTestId('open-feedback-summary')).textContent).toBe('返信待ち4件、うち期限超過3件。');
    expect(within(region).getAllByRole('button', { name: 'お礼を伝える' })).toHaveLength(4);
  });
});
