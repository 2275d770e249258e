// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KizunaEmbedError } from './embedError';
import { mountDashboard } from './mountDashboard';

const settings = {
  recordId: '001000000000001AAA',
  objectApiName: 'Account',
  role: 'account-manager',
  period: 'current',
  theme: 'light',
  locale: 'en-US',
  timeZone: 'UTC',
};
const now = () => new Date('2026-05-20T20:49:32.000Z');

/** A gateway whose every read the Apex side refuses as a whole, as a real KizunaGateway answers. */
function refusingGateway() {
  return {
    read: vi.fn(async (planJson: string) => {
      void planJson;
      return JSON.stringify({ version: 1, ok: false, errorCode: 'INVALID_PLAN', message: 'refused in test' });
    }),
    write: vi.fn(async () => JSON.stringify({ version: 1, ok: true, results: [] })),
  };
}

function host(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}

async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  }, { timeout: 5000, interval: 20 });
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('mountDashboard', () => {
  it('renders the dashboard inside the element and reads through the Apex gateway as JSON plans', async () => {
    const element = host();
    const gateway = refusingGateway();
    const handle = mountDashboard(element, settings, gateway, undefined, { now });

    await until(() => element.querySelector('.kz-dashboard') !== null && gateway.read.mock.calls.length > 0);
    const dashboard = element.querySelector('.kz-dashboard');
    expect(dashboard?.getAttribute('data-role')).toBe('account-manager');
    expect(dashboard?.getAttribute('lang')).toBe('en');
    const plan = JSON.parse(gateway.read.mock.calls[0]?.[0] ?? '{}') as { version?: number; queries?: Record<string, unknown> };
    expect(plan.version).toBe(1);
    expect(Object.keys(plan.queries ?? {}).length).toBeGreaterThan(0);
    expect(document.body.children).toHaveLength(1);
    handle.unmount();
  });

  it('re-renders with new settings and the same data source, and leaves nothing behind when unmounted', async () => {
    const element = host();
    const handle = mountDashboard(element, settings, refusingGateway(), undefined, { now });
    await until(() => element.querySelector('.kz-dashboard') !== null);

    handle.update({ ...settings, locale: 'ja-JP' });
    await until(() => element.querySelector('.kz-dashboard')?.getAttribute('lang') === 'ja');

    handle.unmount();
    expect(element.childElementCount).toBe(0);
    handle.unmount();
    expect(() => handle.update(settings)).toThrow(KizunaEmbedError);
  });

  it('refuses what the component must never pass', () => {
    expect(() => mountDashboard(null, settings, refusingGateway())).toThrow(expect.objectContaining({ code: 'INVALID_ELEMENT' }));
    expect(() => mountDashboard(host(), settings, { read: 'KizunaGateway.read' })).toThrow(expect.objectContaining({ code: 'INVALID_GATEWAY' }));
    expect(() => mountDashboard(host(), { ...settings, theme: 'neon' }, refusingGateway())).toThrow(expect.objectContaining({ code: 'INVALID_SETTINGS' }));
    expect(() => mountDashboard(host(), settings, refusingGateway(), { openAccount: 'standard__recordPage' })).toThrow(expect.objectContaining({ code: 'INVALID_NAVIGATION' }));
  });
});
