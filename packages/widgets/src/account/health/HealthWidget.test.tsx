import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/messages';
import { fixtureAsOf, hoshinoContext, newAccountContext, withUnavailable } from '../../testing/accountFixture';
import { expectNoAxeViolations } from '../../testing/axe';
import { scriptedDataSource, type Outcome } from '../../testing/scriptedDataSource';
import { WidgetHarness } from '../../testing/WidgetHarness';
import type { AccountContext } from '@kizuna/model';
import { HealthWidget } from './HealthWidget';

afterEach(cleanup);

function renderHealth(outcomes: Array<Outcome<AccountContext>>, locale: Locale = 'en') {
  render(
    <WidgetHarness dataSource={scriptedDataSource(...outcomes)} locale={locale}>
      <HealthWidget accountId={hoshinoContext.account.id} asOf={fixtureAsOf} />
    </WidgetHarness>,
  );
  return screen.getByRole('region', { name: locale === 'en' ? 'Account health' : '取引先の健全性' });
}

describe('HealthWidget', () => {
  it('shows the score with its band in words, the trend, and what drives it', async () => {
    const region = renderHealth([hoshinoContext]);
    expect((await within(region).findByTestId('health-score')).textContent).toBe('48 / 100');
    expect(within(region).getByTestId('health-band').textContent).toBe('▼ At risk');
    expect(within(region).getByTestId('health-trend').textContent).toMatch(/^Down 49 points from 97 90 days ago\./);
    expect(within(region).getByRole('img', { name: /Score of each health measure/ })).toBeTruthy();
    expect(within(region).getByText(/The biggest shortfall is SLA compliance, costing 16 points\./)).toBeTruthy();
    expect(within(region).getByText('Customer effort: only 1 observations; treat it as indicative.')).toBeTruthy();
    await expectNoAxeViolations(region);
  });

  it('offers the drivers as a table, biggest shortfall first', async () => {
    const region = renderHealth([hoshinoContext]);
    fireEvent.click(await within(region).findByRole('button', { name: 'Show as table' }));
    const table = within(region).getByRole('table');
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      'SLA compliance',
      'Open escalations',
      'Customer effort',
      'Relationship NPS',
      'CSAT',
      'Executive contact',
      'Stakeholder coverage',
    ]);
    await expectNoAxeViolations(region);
  });

  it('has a loading state', async () => {
    const region = renderHealth(['pending']);
    expect(within(region).getByRole('status').textContent).toBe('Loading…');
    await expectNoAxeViolations(region);
  });

  it('says in words why it could not load, and retries', async () => {
    const region = renderHealth([Object.assign(new Error('x'), { code: 'TIMEOUT' }), hoshinoContext]);
    expect((await within(region).findByRole('alert')).textContent).toContain('Your CRM took too long to answer.');
    await expectNoAxeViolations(region);
    fireEvent.click(within(region).getByRole('button', { name: 'Try again' }));
    expect((await within(region).findByTestId('health-score')).textContent).toBe('48 / 100');
  });

  it('gives no score, and says why, for an account that is not yet a customer', async () => {
    const region = renderHealth([{ ...newAccountContext, account: { ...newAccountContext.account, customerSince: '2026-11-01' } }]);
    expect(await within(region).findByText('The account is not a customer at this date, so it has no health score.')).toBeTruthy();
    expect(within(region).queryByTestId('health-score')).toBeNull();
    await expectNoAxeViolations(region);
  });

  it('scores what it can read and lists the part it could not', async () => {
    const partial = withUnavailable(hoshinoContext, [{ entity: 'supportCase', code: 'PERMISSION_DENIED', message: 'no access' }]);
    const region = renderHealth([partial]);
    expect(await within(region).findByText('Support cases: You do not have permission to see this data in your CRM.')).toBeTruthy();
    expect(within(region).getByTestId('health-score')).toBeTruthy();
    await expectNoAxeViolations(region);
  });

  it('speaks Japanese', async () => {
    const region = renderHealth([hoshinoContext], 'ja');
    expect((await within(region).findByTestId('health-band')).textContent).toBe('▼ 要注意（リスク）');
    expect(within(region).getByTestId('health-trend').textContent).toMatch(/^90日前の97から49ポイント低下。/);
  });
});
