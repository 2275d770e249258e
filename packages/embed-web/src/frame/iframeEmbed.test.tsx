import type { DashboardSettings } from '@kizuna/widgets';
import { Dashboard, scriptedSource } from '@kizuna/widgets';
import type * as Widgets from '@kizuna/widgets';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataSourceRegistry } from '../dataSourceRegistry';
import { linkWindows, type LinkedWindows } from '../testing/linkedWindows';
import { createFrameBridge } from './frameBridge';
import { createFrameHost } from './frameHost';
import { frameToHostMessageSchema } from './protocol';
import type { Rejection } from './messageGate';
import { startFramedDashboard } from './startFramedDashboard';

// The real dashboard, watched: what the frame hands it (the leaders' navigation) is read from its props.
vi.mock('@kizuna/widgets', async (importOriginal) => {
  const widgets = await importOriginal<typeof Widgets>();
  return { ...widgets, Dashboard: vi.fn(widgets.Dashboard) };
});

const hostOrigin = 'https://crm.example.com';
const frameOrigin = 'https://kizuna.example.net';
const settings: DashboardSettings = {
  role: 'account-manager',
  accountId: 'acc-1',
  locale: 'en',
  theme: 'neutral',
  colourScheme: 'light',
  asOf: '2026-10-01T00:00:00Z',
};

let linked: LinkedWindows | undefined;
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  linked?.unlink();
  linked = undefined;
});

function link(): LinkedWindows {
  linked = linkWindows(document, hostOrigin, frameOrigin);
  return linked;
}

describe('the iframe embed (host helper and in-frame bridge)', () => {
  it('introduces the frame, hands it its settings, forwards changes and follows its height', async () => {
    const windows = link();
    const received: Array<{ crm: string; settings: DashboardSettings; hostOrigin: string } | DashboardSettings> = [];
    const host = createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'salesforce', settings });
    const bridge = createFrameBridge({
      window: windows.frame,
      hostOrigins: [hostOrigin],
      onInit: (init) => received.push(init),
      onSettings: (next) => received.push(next),
    });
    cleanups.push(host.destroy, bridge.destroy);
    await windows.settle();
    expect(host.initialised).toBe(true);
    expect(bridge.hostOrigin).toBe(hostOrigin);
    expect(received).toEqual([{ crm: 'salesforce', settings, hostOrigin, opensAccounts: false }]);

    host.updateSettings({ ...settings, locale: 'ja' });
    bridge.reportSize({ height: 612.4, width: 800 });
    await windows.settle();
    expect(received.at(-1)).toEqual({ ...settings, locale: 'ja' });
    expect(windows.iframe.style.height).toBe('613px');
    // Nothing was ever posted with a wildcard target.
    expect(windows.posted.every(([, target]) => target !== '*')).toBe(true);
  });

  it('reports accepted actions and frame errors to the host page', async () => {
    const windows = link();
    const accepted = vi.fn();
    const failed = vi.fn();
    const host = createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'zoho', settings, onActionAccepted: accepted, onFrameError: failed });
    const inits: boolean[] = [];
    const bridge = createFrameBridge({ window: windows.frame, hostOrigins: [hostOrigin], onInit: (init) => inits.push(init.opensAccounts), onSettings: () => undefined });
    cleanups.push(host.destroy, bridge.destroy);
    await windows.settle();
    // A host without onOpenAccount: the frame offers no "Open" (it would lead nowhere).
    expect(inits).toEqual([false]);
    bridge.notifyActionAccepted({ idempotencyKey: 'nba-acc-1-0001', accountId: 'acc-1', crmTaskId: '00T000000000001', created: true });
    bridge.reportError({ code: 'no-data-source', message: 'No data source is registered for crm="zoho".' });
    await windows.settle();
    expect(accepted).toHaveBeenCalledWith({ idempotencyKey: 'nba-acc-1-0001', accountId: 'acc-1', crmTaskId: '00T000000000001', created: true });
    expect(failed).toHaveBeenCalledWith({ code: 'no-data-source', message: 'No data source is registered for crm="zoho".' });
  });

  it('asks the host to open an account by its CRM record id, and sends nothing else as one', async () => {
    const windows = link();
    const onOpenAccount = vi.fn();
    const host = createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'salesforce', settings, onOpenAccount });
    const inits: boolean[] = [];
    const bridge = createFrameBridge({ window: windows.frame, hostOrigins: [hostOrigin], onInit: (init) => inits.push(init.opensAccounts), onSettings: () => undefined });
    cleanups.push(host.destroy, bridge.destroy);
    await windows.settle();
    // The host said it opens accounts, so the frame may offer "Open".
    expect(inits).toEqual([true]);
    expect(bridge.openAccount('001000000000001AAA')).toBe(true);
    for (const bad of ['javascript:alert(1)', '../admin', '', 'x'.repeat(65)]) expect(bridge.openAccount(bad)).toBe(false);
    await windows.settle();
    expect(onOpenAccount.mock.calls).toEqual([['001000000000001AAA']]);
    expect(windows.posted.filter(([from, , message]) => from === 'frame' && (message as { type?: unknown }).type === 'open-account')).toHaveLength(1);

    // A frame that sends one anyway is refused at the host's gate.
    windows.deliver('host', { protocol: 'kizuna', version: 1, type: 'open-account', accountId: 'javascript:alert(1)' }, frameOrigin);
    expect(onOpenAccount).toHaveBeenCalledTimes(1);
    expect(host.rejections.malformed).toBe(1);
  });

  it('opens no account before a host has initialised the frame', () => {
    const windows = link();
    const bridge = createFrameBridge({ window: windows.frame, hostOrigins: [hostOrigin], onInit: () => undefined, onSettings: () => undefined });
    cleanups.push(bridge.destroy);
    expect(bridge.openAccount('001000000000001AAA')).toBe(false);
  });

  it('sends nothing to a page that is not on the allowlist, and ignores what such a page sends', async () => {
    const windows = linkWindows(document, 'https://attacker.example.org', frameOrigin);
    linked = windows;
    const rejected: Rejection[] = [];
    const onInit = vi.fn();
    const bridge = createFrameBridge({ window: windows.frame, hostOrigins: [hostOrigin], onInit, onSettings: onInit, onRejected: (r) => rejected.push(r) });
    cleanups.push(bridge.destroy);
    // The frame's "ready" was addressed to the allowed origin only, so the browser drops it here.
    await windows.settle();
    expect(windows.posted).toEqual([['frame', hostOrigin, { protocol: 'kizuna', version: 1, type: 'ready' }]]);
    windows.deliver('frame', { protocol: 'kizuna', version: 1, type: 'init', crm: 'salesforce', settings }, 'https://attacker.example.org');
    expect(onInit).not.toHaveBeenCalled();
    expect(bridge.rejections['foreign-origin']).toBe(1);
    expect(rejected).toEqual([{ reason: 'foreign-origin', origin: 'https://attacker.example.org', issues: [] }]);
  });

  it('ignores an allowed origin speaking from another window, and malformed or foreign-version messages', async () => {
    const windows = link();
    const onRejected = vi.fn();
    const host = createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'salesforce', settings, onRejected, onResize: vi.fn() });
    cleanups.push(host.destroy);
    const otherWindow = document.createElement('iframe');
    document.body.append(otherWindow);
    cleanups.push(() => otherWindow.remove());
    windows.deliver('host', { protocol: 'kizuna', version: 1, type: 'ready' }, frameOrigin, otherWindow.contentWindow);
    windows.deliver('host', { protocol: 'kizuna', version: 1, type: 'resize', height: -5 }, frameOrigin);
    windows.deliver('host', { protocol: 'kizuna', version: 1, type: 'resize', height: 1e9 }, frameOrigin);
    windows.deliver('host', { protocol: 'kizuna', version: 7, type: 'resize', height: 10 }, frameOrigin);
    windows.deliver('host', 'resize:100', frameOrigin);
    expect(host.rejections).toEqual({ 'foreign-origin': 0, 'foreign-source': 1, 'unsupported-version': 1, malformed: 3 });
    expect(onRejected).toHaveBeenCalledTimes(5);
    expect(host.initialised).toBe(false);
  });

  it('binds the frame to the host that initialised it: a second allowed origin cannot take over', async () => {
    const windows = link();
    const onSettings = vi.fn();
    const bridge = createFrameBridge({ window: windows.frame, hostOrigins: [hostOrigin, 'https://other-crm.example.com'], onInit: () => undefined, onSettings });
    cleanups.push(bridge.destroy);
    windows.deliver('frame', { protocol: 'kizuna', version: 1, type: 'init', crm: 'salesforce', settings }, hostOrigin);
    windows.deliver('frame', { protocol: 'kizuna', version: 1, type: 'settings', settings: { ...settings, role: 'cx-leader' } }, 'https://other-crm.example.com');
    expect(onSettings).not.toHaveBeenCalled();
    expect(bridge.rejections['foreign-origin']).toBe(1);
  });

  it('refuses everything once its iframe has no window (removed from the page)', () => {
    const windows = link();
    const onResize = vi.fn();
    const host = createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'salesforce', settings, onResize });
    cleanups.push(host.destroy);
    windows.iframe.remove();
    windows.deliver('host', { protocol: 'kizuna', version: 1, type: 'resize', height: 10 }, frameOrigin, null);
    expect(onResize).not.toHaveBeenCalled();
    expect(host.rejections['foreign-source']).toBe(1);
  });

  it('hands the page only schema-valid messages, whatever the frame sends (property)', () => {
    const windows = link();
    const handled = vi.fn();
    const host = createFrameHost({
      iframe: windows.iframe,
      frameOrigin,
      crm: 'salesforce',
      settings,
      onResize: handled,
      onActionAccepted: handled,
      onOpenAccount: handled,
      onFrameError: handled,
    });
    cleanups.push(host.destroy);
    const validResize = { protocol: 'kizuna', version: 1, type: 'resize', height: 400 };
    const anything = fc.oneof(
      fc.anything(),
      fc.record({ protocol: fc.constant('kizuna'), version: fc.constant(1), type: fc.constantFrom('resize', 'action-accepted', 'open-account', 'error', 'ready', 'init'), height: fc.anything(), code: fc.anything(), accountId: fc.anything() }, { requiredKeys: ['protocol', 'version', 'type'] }),
      fc.tuple(fc.string(), fc.anything()).map(([key, value]) => ({ ...validResize, [key]: value })),
    );
    fc.assert(
      fc.property(anything, (data) => {
        handled.mockClear();
        const valid = frameToHostMessageSchema.safeParse(data);
        const before = Object.values(host.rejections).reduce((sum, count) => sum + count, 0);
        expect(() => windows.deliver('host', data, frameOrigin)).not.toThrow();
        const after = Object.values(host.rejections).reduce((sum, count) => sum + count, 0);
        expect(after - before).toBe(valid.success ? 0 : 1);
        if (!valid.success) expect(handled).not.toHaveBeenCalled();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses wrong configuration at setup, before any message flows', () => {
    const windows = link();
    expect(() => createFrameHost({ iframe: windows.iframe, frameOrigin: '*', crm: 'salesforce', settings })).toThrow(/exact origin/);
    expect(() => createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'Sales Force', settings })).toThrow(/lower-case/);
    expect(() => createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'salesforce', settings: { ...settings, asOf: 'yesterday' } })).toThrow(/asOf/);
    expect(() => createFrameBridge({ window: windows.frame, hostOrigins: [], onInit: vi.fn(), onSettings: vi.fn() })).toThrow(/empty/);
  });

  it('runs a whole framed dashboard: renders in the frame, re-renders on new settings, tells the host about errors', async () => {
    const windows = link();
    const registry = createDataSourceRegistry();
    const source = scriptedSource({ accountContext: ['pending'] });
    registry.register('salesforce', () => source);
    const container = windows.frame.document.createElement('div');
    windows.frame.document.body.append(container);
    const frameErrors = vi.fn();
    const framed = startFramedDashboard({ container, hostOrigins: [hostOrigin], registry, window: windows.frame });
    const host = createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'salesforce', settings, onFrameError: frameErrors });
    cleanups.push(framed.destroy, host.destroy);
    await windows.settle();
    await framed.rendered();
    await vi.waitFor(() => expect(container.querySelector('.kz-dashboard')?.getAttribute('lang')).toBe('en'));
    await vi.waitFor(() => expect(source.calls.getAccountContext).toContain('acc-1'));

    host.updateSettings({ ...settings, locale: 'ja' });
    await windows.settle();
    await framed.rendered();
    await vi.waitFor(() => expect(container.querySelector('.kz-dashboard')?.getAttribute('lang')).toBe('ja'));

    // A host asking for a CRM the frame has no data source for gets a notice in the frame and an error message.
    framed.destroy();
    const other = startFramedDashboard({ container, hostOrigins: [hostOrigin], registry, window: windows.frame });
    cleanups.push(other.destroy);
    host.destroy();
    const zohoHost = createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'zoho', settings, onFrameError: frameErrors });
    cleanups.push(zohoHost.destroy);
    await windows.settle();
    await other.rendered();
    await windows.settle();
    expect(frameErrors).toHaveBeenCalledWith({ code: 'no-data-source', message: 'No data source is registered for crm="zoho" in this frame.' });
    await vi.waitFor(() => expect(container.querySelector('[data-kind="no-data-source"]')).not.toBeNull());
  });

  it('gives a framed leader dashboard the way to an account: the host opens what the drill-down asks for', async () => {
    const windows = link();
    const registry = createDataSourceRegistry();
    registry.register('salesforce', () => scriptedSource());
    const container = windows.frame.document.createElement('div');
    windows.frame.document.body.append(container);
    const onOpenAccount = vi.fn();
    const framed = startFramedDashboard({ container, hostOrigins: [hostOrigin], registry, window: windows.frame });
    const leaderSettings: DashboardSettings = { role: 'bu-leader', locale: 'en', theme: 'neutral', colourScheme: 'light', asOf: '2026-10-01T00:00:00Z' };
    const host = createFrameHost({ iframe: windows.iframe, frameOrigin, crm: 'salesforce', settings: leaderSettings, onOpenAccount });
    cleanups.push(framed.destroy, host.destroy);
    await windows.settle();
    await framed.rendered();
    const leader = await vi.waitFor(() => {
      const props = vi.mocked(Dashboard).mock.lastCall?.[0];
      if (props?.role !== 'bu-leader' || props.leader === undefined) throw new Error('no leader dashboard yet');
      return props.leader;
    });
    leader.onOpenAccount?.('001000000000003AAA');
    await windows.settle();
    expect(onOpenAccount).toHaveBeenCalledWith('001000000000003AAA');
  });
});
