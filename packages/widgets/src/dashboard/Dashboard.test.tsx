import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../testing/axe';
import { hoshinoDataset } from '../testing/accountFixture';
import { accountContextWith, scriptedDataSource, scriptedSource, tenNpsAnswers } from '../testing/scriptedDataSource';
import { Dashboard } from './Dashboard';

afterEach(cleanup);

/**
 * `Dashboard` from a fresh module registry, so no role's code has arrived yet (other tests of this
 * file load it once for all), with the English words already loaded.
 */
async function dashboardBeforeItsCode() {
  vi.resetModules();
  const { loadAllMessages } = await import('../i18n/catalogue');
  await loadAllMessages('en');
  return (await import('./Dashboard')).Dashboard;
}

const settings = {
  accountId: 'acc-1',
  locale: 'en',
  theme: 'salesforce',
  colourScheme: 'light',
  asOf: '2026-10-01T00:00:00.000Z',
} as const;

describe('Dashboard', () => {
  it('renders the account manager dashboard over the given data source, themed for the host', async () => {
    const dataSource = scriptedDataSource(accountContextWith(tenNpsAnswers));
    const { container } = render(<Dashboard role="account-manager" dataSource={dataSource} {...settings} />);
    expect((await screen.findByTestId('nps-value', {}, { timeout: 10_000 })).textContent).toBe('+30');
    const root = container.querySelector('.kz-dashboard');
    expect(root?.getAttribute('lang')).toBe('en');
    expect(root?.getAttribute('style')).toContain('--kz-');
    expect(dataSource.calls.getAccountContext).toContain('acc-1');
  });

  it("shows the frame's loading state while the role's dashboard code arrives, then the dashboard", async () => {
    const FreshDashboard = await dashboardBeforeItsCode();
    render(<FreshDashboard role="account-manager" dataSource={scriptedDataSource(accountContextWith(tenNpsAnswers))} {...settings} />);
    const loading = screen.getByRole('region', { name: 'Kizuna' });
    expect(within(loading).getByRole('status').textContent).toBe('Loading…');
    expect(screen.queryByRole('region', { name: 'Net Promoter Score' })).toBeNull();
    expect((await screen.findByTestId('nps-value', {}, { timeout: 10_000 })).textContent).toBe('+30');
    expect(screen.queryByRole('region', { name: 'Kizuna' })).toBeNull();
  }, 20_000);

  it("starts the account's one CRM read while the role's code is still arriving, and reads it once", async () => {
    const FreshDashboard = await dashboardBeforeItsCode();
    const dataSource = scriptedDataSource(accountContextWith(tenNpsAnswers));
    render(<FreshDashboard role="account-manager" dataSource={dataSource} {...settings} />);
    expect(within(screen.getByRole('region', { name: 'Kizuna' })).getByRole('status')).toBeTruthy();
    expect(dataSource.calls.getAccountContext).toEqual(['acc-1']);
    expect((await screen.findByTestId('nps-value', {}, { timeout: 10_000 })).textContent).toBe('+30');
    expect(dataSource.calls.getAccountContext).toEqual(['acc-1']);
  }, 20_000);

  it('renders a dashboard whose code and words have arrived in the first pass, with no loading state', async () => {
    render(<Dashboard role="account-manager" dataSource={scriptedDataSource(accountContextWith(tenNpsAnswers))} {...settings} />);
    await screen.findByTestId('nps-value', {}, { timeout: 10_000 });
    cleanup();
    render(<Dashboard role="account-manager" dataSource={scriptedDataSource('pending')} {...settings} />);
    expect(screen.queryByRole('region', { name: 'Kizuna' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Net Promoter Score' })).toBeTruthy();
  });

  it('speaks the locale it is given', async () => {
    render(<Dashboard role="account-manager" dataSource={scriptedDataSource(accountContextWith(tenNpsAnswers))} {...settings} locale="ja" />);
    expect(await screen.findByRole('region', { name: 'ネット・プロモーター・スコア（NPS）' }, { timeout: 10_000 })).toBeTruthy();
  });

  it('asks for an account when the account manager dashboard has none', async () => {
    const { accountId: _omitted, ...withoutAccount } = settings;
    render(<Dashboard role="account-manager" dataSource={scriptedDataSource('pending')} {...withoutAccount} />);
    expect(screen.getByText('Open this dashboard from an account page: it needs an account.')).toBeTruthy();
    await expectNoAxeViolations(document.body);
  });

  it.each(['bu-leader', 'cx-leader'] as const)('renders the %s dashboard of its own, not the "not available" state', async (role) => {
    const { container } = render(<Dashboard role={role} dataSource={scriptedSource({ dataset: hoshinoDataset })} {...settings} />);
    expect(container.querySelector('[data-role]')?.getAttribute('data-role')).toBe(role);
    expect(await screen.findAllByRole('region', {}, { timeout: 10_000 })).not.toHaveLength(0);
    expect(container.querySelector('[data-state="not-available"]')).toBeNull();
  });

  it('says in words which settings a host got wrong instead of crashing', () => {
    render(<Dashboard role="account-manager" dataSource={scriptedDataSource('pending')} {...settings} asOf="yesterday" />);
    expect(screen.getByRole('alert').textContent).toContain('asOf');
  });
});
