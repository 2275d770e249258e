import type { AccountContext } from '@kizuna/model';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/messages';
import { fixtureAsOf, hoshinoContext, newAccountContext, withUnavailable } from '../../testing/accountFixture';
import { expectNoAxeViolations } from '../../testing/axe';
import { scriptedDataSource, type Outcome } from '../../testing/scriptedDataSource';
import { WidgetHarness } from '../../testing/WidgetHarness';
import { StakeholderMapWidget } from './StakeholderMapWidget';

afterEach(cleanup);

function renderMap(outcomes: Array<Outcome<AccountContext>>, locale: Locale = 'en') {
  render(
    <WidgetHarness dataSource={scriptedDataSource(...outcomes)} locale={locale}>
      <StakeholderMapWidget accountId={hoshinoContext.account.id} asOf={fixtureAsOf} />
    </WidgetHarness>,
  );
  return screen.getByRole('region', { name: locale === 'en' ? 'Stakeholders' : 'ステークホルダー' });
}

describe('StakeholderMapWidget', () => {
  it('groups contacts by role and says who promotes, who detracts and who has gone quiet', async () => {
    const region = renderMap([hoshinoContext]);
    expect((await within(region).findByTestId('stakeholders-summary')).textContent).toBe('5 contacts: 4 promoters, 1 detractors, 2 gone quiet.');
    const decisionMakers = within(region).getByRole('region', { name: 'Decision maker (1)' });
    expect(within(decisionMakers).getByTestId('stakeholder-con-dm').textContent).toContain('▼ Detractor (4)');
    const champion = within(region).getByTestId('stakeholder-con-champion');
    expect(champion.textContent).toContain('Promoter (10)');
    expect(champion.textContent).toContain('Quiet for 139 days (over 90)');
    expect(within(region).getByText('No Influencer on file: coverage is missing.')).toBeTruthy();
    await expectNoAxeViolations(region);
  });

  it('filters by role with an ordinary labelled select', async () => {
    const region = renderMap([hoshinoContext]);
    await within(region).findByTestId('stakeholders-summary');
    fireEvent.change(within(region).getByRole('combobox', { name: 'Role' }), { target: { value: 'user' } });
    expect(within(region).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['User (2)']);
  });

  it('exports every contact, whatever the filter, as CSV columns', async () => {
    const region = renderMap([hoshinoContext]);
    expect(await within(region).findByRole('button', { name: 'Export CSV: Stakeholders' })).toBeTruthy();
  });

  it('has loading, empty, error and partial states', async () => {
    let region = renderMap(['pending']);
    expect(within(region).getByRole('status')).toBeTruthy();
    await expectNoAxeViolations(region);
    cleanup();
    region = renderMap([newAccountContext]);
    expect(await within(region).findByText('No contacts on file for this account yet.')).toBeTruthy();
    await expectNoAxeViolations(region);
    cleanup();
    region = renderMap([withUnavailable(hoshinoContext, [{ entity: 'contact', code: 'INVALID_TYPE', message: 'x' }, { entity: 'touchpoint', code: 'INVALID_TYPE', message: 'x' }, { entity: 'feedback', code: 'INVALID_TYPE', message: 'x' }])]);
    expect((await within(region).findByRole('alert')).textContent).toContain('An object Kizuna needs does not exist in your CRM.');
    await expectNoAxeViolations(region);
    cleanup();
    region = renderMap([withUnavailable(hoshinoContext, [{ entity: 'touchpoint', code: 'PERMISSION_DENIED', message: 'x' }])]);
    expect(await within(region).findByText(/Touchpoints: You do not have permission/)).toBeTruthy();
    await expectNoAxeViolations(region);
  });

  it('speaks Japanese', async () => {
    const region = renderMap([hoshinoContext], 'ja');
    expect((await within(region).findByTestId('stakeholders-summary')).textContent).toBe('取引先責任者5人：推奨者4人、批判者1人、接点が途絶えている人2人。');
  });
});
