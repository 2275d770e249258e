import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hoshinoDataset } from '../testing/accountFixture';
import { heldUntilReleased, renderOutsideAct } from '../testing/renderOutsideAct';
import { accountContextWith, scriptedDataSource, scriptedSource, tenNpsAnswers } from '../testing/scriptedDataSource';

// A file of its own: these tests load `Dashboard` from a fresh module registry, which must not
// leak into tests that use the preloaded one.

afterEach(() => {
  cleanup();
  vi.doUnmock('../i18n/areas/common.ja');
  vi.doUnmock('../i18n/areas/common.en');
  vi.doUnmock('../account/index');
});

/** Makes the first `times` imports of a module fail as a dropped network chunk does, then load it. */
function failingFirst(times: number) {
  let failures = 0;
  return async (importOriginal: () => Promise<unknown>) => {
    if (failures < times) {
      failures += 1;
      throw new TypeError('Failed to fetch dynamically imported module');
    }
    return importOriginal();
  };
}

/**
 * `Dashboard` and the message catalogue from a fresh module registry: no message loaded yet (the
 * test setup preloads every message for the other tests), the Japanese shared ones held until
 * `release()`.
 */
async function freshDashboard() {
  vi.resetModules();
  const { held, release } = heldUntilReleased();
  vi.doMock('../i18n/areas/common.ja', async (importOriginal) => {
    await held;
    return importOriginal();
  });
  const { Dashboard: FreshDashboard } = await import('./Dashboard');
  const { requestedMessageAreas } = await import('../i18n/catalogue');
  return { FreshDashboard, requestedMessageAreas, release };
}

const settings = {
  accountId: 'acc-1',
  locale: 'en',
  theme: 'salesforce',
  colourScheme: 'light',
  asOf: '2026-10-01T00:00:00.000Z',
} as const;

// Loading `Dashboard` afresh (its role's code included) takes seconds in jsdom on a shared machine.
const loadTimeout = 20_000;

describe('Dashboard loading its words', () => {
  it('shows a busy region in no language until the words of its language arrive, and loads that language of its role only', async () => {
    const { FreshDashboard, requestedMessageAreas, release } = await freshDashboard();
    const page = renderOutsideAct(<FreshDashboard role="account-manager" dataSource={scriptedDataSource(accountContextWith(tenNpsAnswers))} {...settings} locale="ja" />);
    try {
      const waiting = await screen.findByRole('region', { name: 'Kizuna' });
      expect(waiting.getAttribute('aria-busy')).toBe('true');
      expect(waiting.textContent).toBe('');
      expect(page.container.querySelector('.kz-dashboard')?.getAttribute('lang')).toBe('ja');
      release();
      expect(await screen.findByRole('region', { name: 'ネット・プロモーター・スコア（NPS）' }, { timeout: 10_000 })).toBeTruthy();
      expect(requestedMessageAreas()).toEqual(['ja/common', 'ja/account']);
    } finally {
      page.unmount();
    }
  }, loadTimeout);

  it("loads the leaders' words, in the user's language only, for a leader's dashboard", async () => {
    const { FreshDashboard, requestedMessageAreas } = await freshDashboard();
    const page = renderOutsideAct(<FreshDashboard role="bu-leader" dataSource={scriptedSource({ dataset: hoshinoDataset })} {...settings} />);
    try {
      expect(await screen.findByRole('region', { name: 'Business performance' }, { timeout: 10_000 })).toBeTruthy();
      expect(requestedMessageAreas()).toEqual(['en/common', 'en/leaders']);
    } finally {
      page.unmount();
    }
  }, loadTimeout);

  it("says in words when the role's code could not arrive, and loads it afresh on Try again", async () => {
    vi.resetModules();
    vi.doMock('../account/index', failingFirst(1));
    const { Dashboard: FreshDashboard } = await import('./Dashboard');
    const page = renderOutsideAct(<FreshDashboard role="account-manager" dataSource={scriptedDataSource(accountContextWith(tenNpsAnswers))} {...settings} />);
    try {
      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
      expect(alert.closest('[role="region"]')?.getAttribute('aria-labelledby')).toBeTruthy();
      screen.getByRole('button', { name: 'Try again' }).click();
      expect((await screen.findByTestId('nps-value', {}, { timeout: 10_000 })).textContent).toBe('+30');
    } finally {
      page.unmount();
    }
  }, loadTimeout);

  it('keeps trying, busy and wordless, when the shared words could not arrive, and shows the dashboard once they do', async () => {
    vi.resetModules();
    vi.doMock('../i18n/areas/common.en', failingFirst(1));
    const { Dashboard: FreshDashboard } = await import('./Dashboard');
    const { requestedMessageAreas } = await import('../i18n/catalogue');
    const page = renderOutsideAct(<FreshDashboard role="account-manager" dataSource={scriptedDataSource(accountContextWith(tenNpsAnswers))} {...settings} />);
    try {
      const waiting = await screen.findByRole('region', { name: 'Kizuna' });
      expect(waiting.getAttribute('aria-busy')).toBe('true');
      // The failed load is forgotten (so it can be asked again) once it has failed.
      await vi.waitFor(() => expect(requestedMessageAreas()).not.toContain('en/common'), { timeout: 10_000 });
      expect(screen.queryByRole('alert')).toBeNull();
      window.dispatchEvent(new Event('online'));
      expect((await screen.findByTestId('nps-value', {}, { timeout: 10_000 })).textContent).toBe('+30');
    } finally {
      page.unmount();
    }
  }, loadTimeout);
});
