import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/messages';
import { memoryStorage, type KeyValueStorage } from '../../outbox/storage';
import { fixtureAsOf, hoshinoContext, newAccountContext, withUnavailable } from '../../testing/accountFixture';
import { expectNoAxeViolations } from '../../testing/axe';
import { scriptedSource, type DataSourceScript, type ScriptedDataSource } from '../../testing/scriptedDataSource';
import { WidgetHarness } from '../../testing/WidgetHarness';
import { NextBestActionsWidget } from './NextBestActionsWidget';

afterEach(cleanup);

function renderActions(
  source: ScriptedDataSource,
  options: { storage?: KeyValueStorage; locale?: Locale } = {},
): HTMLElement {
  render(
    <WidgetHarness dataSource={source} locale={options.locale ?? 'en'} {...(options.storage === undefined ? {} : { storage: options.storage })}>
      <NextBestActionsWidget accountId={hoshinoContext.account.id} asOf={fixtureAsOf} />
    </WidgetHarness>,
  );
  return screen.getByRole('region', { name: options.locale === 'ja' ? '次の最適なアクション' : 'Next best actions' });
}

const hoshino: DataSourceScript = { accountContext: [hoshinoContext] };

describe('NextBestActionsWidget', () => {
  it('ranks the actions with their reasons and why each ranks where it does', async () => {
    const region = renderActions(scriptedSource(hoshino));
    const first = await within(region).findByTestId('nba-dm_detractor_no_follow_up');
    expect(within(first).getByRole('heading').textContent).toBe('#1 Close the loop with Kenji Hoshino (NPS 4)');
    expect(within(first).getByRole('list', { name: 'Reasons' }).textContent).toContain(
      'Kenji Hoshino (Decision maker) gave an NPS of 4 6 days ago; the follow-up is still “Not yet answered”.',
    );
    expect(first.textContent).toContain('¥48,000,000 at stake (renewal on Nov 20, 2026) × 35% expected effect × urgency 0.92 (144 hours since the response) = ¥15,456,000');
    expect(within(region).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent.split(' ')[0])).toEqual(
      Array.from({ length: within(region).getAllByRole('heading', { level: 3 }).length }, (_, index) => `#${index + 1}`),
    );
    await expectNoAxeViolations(region);
  });

  it('accepts an action into one CRM task that survives a reload and is not proposed again', async () => {
    const storage = memoryStorage();
    const source = scriptedSource(hoshino);
    let region = renderActions(source, { storage });
    const first = await within(region).findByTestId('nba-dm_detractor_no_follow_up');
    fireEvent.click(within(first).getByRole('button', { name: 'Accept: Close the loop with Kenji Hoshino (NPS 4)' }));
    const accepted = await within(region).findByTestId('nba-accepted');
    expect(await within(accepted).findByText('Task created in your CRM.')).toBeTruthy();
    expect(within(region).queryByTestId('nba-dm_detractor_no_follow_up')).toBeNull();
    expect(source.tasks.size).toBe(1);
    await expectNoAxeViolations(region);

    cleanup();
    region = renderActions(source, { storage });
    expect((await within(region).findByTestId('nba-accepted')).textContent).toContain('Close the loop with Kenji Hoshino (NPS 4)');
    expect(within(region).queryByTestId('nba-dm_detractor_no_follow_up')).toBeNull();
    expect(source.calls.writeActions).toHaveLength(1);
  });

  it('keeps an accepted action through a network failure and says it will retry', async () => {
    const source = scriptedSource({ ...hoshino, writes: [Object.assign(new Error('busy'), { code: 'RATE_LIMITED' })] });
    const region = renderActions(source);
    fireEvent.click(within(await within(region).findByTestId('nba-dm_detractor_no_follow_up')).getByRole('button', { name: /^Accept/ }));
    expect((await within(region).findByTestId('nba-accepted')).textContent).toMatch(/Not saved yet: Your CRM is busy\. Try again in a moment\. Trying again at/);
    await expectNoAxeViolations(region);
  });

  it('says a refused write was refused as a change, not as a failed read, and offers to send it again', async () => {
    const source = scriptedSource({ ...hoshino, writes: [{ refuse: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Due date required' } }] });
    const region = renderActions(source);
    fireEvent.click(within(await within(region).findByTestId('nba-dm_detractor_no_follow_up')).getByRole('button', { name: /^Accept/ }));
    const accepted = await within(region).findByTestId('nba-accepted');
    expect(await within(accepted).findByText(/Not saved: Your CRM did not accept this change\./)).toBeTruthy();
    expect(accepted.textContent).not.toContain('reading');
    expect(within(accepted).getByRole('button', { name: /try/i })).toBeTruthy();
  });

  it('snoozes an action for a chosen time and holds it back until then', async () => {
    const region = renderActions(scriptedSource(hoshino));
    const first = await within(region).findByTestId('nba-dm_detractor_no_follow_up');
    fireEvent.click(within(first).getByRole('button', { name: /^Snooze:/ }));
    const form = within(first).getByRole('form', { name: /^Snooze:/ });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Snooze for' }), { target: { value: '7' } });
    await expectNoAxeViolations(region);
    fireEvent.click(within(form).getByRole('button', { name: 'Snooze' }));
    expect(within(region).queryByTestId('nba-dm_detractor_no_follow_up')).toBeNull();
    expect(within(region).getByTestId('nba-held-back').textContent).toContain('snoozed until Oct 8, 2026.');
  });

  it('dismisses with a reason, keeps it held back for the window, and can undo', async () => {
    const storage = memoryStorage();
    const region = renderActions(scriptedSource(hoshino), { storage });
    const first = await within(region).findByTestId('nba-dm_detractor_no_follow_up');
    fireEvent.click(within(first).getByRole('button', { name: /^Dismiss:/ }));
    const form = within(first).getByRole('form', { name: /^Dismiss:/ });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Reason' }), { target: { value: 'already_handled' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Note (optional)' }), { target: { value: 'Called him on Monday' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Dismiss' }));
    const held = within(region).getByTestId('nba-held-back');
    expect(held.textContent).toContain('dismissed (Already handled); not proposed again before Oct 31, 2026.');
    expect(storage.getItem('kizuna.actionDecisions.v1')).toContain('already_handled: Called him on Monday');
    fireEvent.click(within(held).getByRole('button', { name: 'Undo' }));
    expect(await within(region).findByTestId('nba-dm_detractor_no_follow_up')).toBeTruthy();
  });

  it('says which playbooks it could not check when parts of the account could not be read', async () => {
    const partial = withUnavailable(hoshinoContext, [{ entity: 'supportCase', code: 'PERMISSION_DENIED', message: 'x' }]);
    const region = renderActions(scriptedSource({ accountContext: [partial] }));
    expect(await within(region).findByText('Support backlog was not checked: Support cases could not be read.')).toBeTruthy();
    expect(within(region).getByText(/Support cases: You do not have permission/)).toBeTruthy();
    await expectNoAxeViolations(region);
  });

  it('has loading, empty and error states', async () => {
    let region = renderActions(scriptedSource({ accountContext: ['pending'] }));
    await expectNoAxeViolations(region);
    cleanup();
    region = renderActions(scriptedSource({ accountContext: [{ ...newAccountContext, account: { ...newAccountContext.account, customerSince: '2026-11-01' } }] }));
    expect(await within(region).findByText('Nothing to do for this account right now.')).toBeTruthy();
    await expectNoAxeViolations(region);
    cleanup();
    region = renderActions(scriptedSource({ accountContext: [Object.assign(new Error('x'), { code: 'DAILY_LIMIT' })] }));
    expect((await within(region).findByRole('alert')).textContent).toContain('daily API allowance');
    await expectNoAxeViolations(region);
  });

  it('speaks Japanese, with yen formatted for Japan', async () => {
    const region = renderActions(scriptedSource(hoshino), { locale: 'ja' });
    const first = await within(region).findByTestId('nba-dm_detractor_no_follow_up');
    expect(within(first).getByRole('heading').textContent).toBe('第1位 Kenji Hoshino様へのフォローアップを完了する（NPS 4）');
    expect(first.textContent).toContain('影響額￥48,000,000');
  });
});
