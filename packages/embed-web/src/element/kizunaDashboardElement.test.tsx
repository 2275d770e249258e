import { Dashboard, scriptedSource, type LeaderHostProps } from '@kizuna/widgets';
import type * as Widgets from '@kizuna/widgets';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataSourceRegistry } from '../dataSourceRegistry';
import {
  createKizunaDashboardElementClass,
  type KizunaDashboardElement,
  type KizunaErrorDetail,
  type KizunaOpenAccountDetail,
} from './kizunaDashboardElement';

// The real dashboard, watched: what the element hands it (the leaders' navigation) is read from its props.
vi.mock('@kizuna/widgets', async (importOriginal) => {
  const widgets = await importOriginal<typeof Widgets>();
  return { ...widgets, Dashboard: vi.fn(widgets.Dashboard) };
});

let defined = 0;
/** A fresh tag per test: custom element definitions cannot be undone in one document. */
function defineElement(registry = createDataSourceRegistry(), navigate?: (url: string) => void): { tag: string; registry: typeof registry } {
  defined += 1;
  const tag = `kizuna-dashboard-t${defined}`;
  customElements.define(tag, createKizunaDashboardElementClass({ registry, now: () => new Date('2026-10-01T09:00:00Z'), ...(navigate === undefined ? {} : { navigate }) }));
  return { tag, registry };
}

/** The navigation the element gave the dashboard it rendered last, once it has rendered one. */
async function leaderProps(): Promise<LeaderHostProps> {
  return vi.waitFor(() => {
    const leader = vi.mocked(Dashboard).mock.lastCall?.[0].leader;
    if (leader === undefined) throw new Error('no dashboard with leader props yet');
    return leader;
  });
}

function create(tag: string, attributes: Record<string, string>): KizunaDashboardElement {
  const element = document.createElement(tag) as KizunaDashboardElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

const shadowOf = (element: HTMLElement) => {
  const shadow = element.shadowRoot;
  if (shadow === null) throw new Error('the element has no open shadow root');
  return shadow;
};
const dashboardIn = (element: HTMLElement) => shadowOf(element).querySelector<HTMLElement>('.kz-dashboard');

afterEach(() => {
  document.body.replaceChildren();
  vi.mocked(Dashboard).mockClear();
});

const accountManager = { role: 'account-manager', crm: 'salesforce', account: 'acc-1', locale: 'en' };

describe('<kizuna-dashboard>', () => {
  it('mounts the dashboard into its own open shadow root, with the widget styles inside it', async () => {
    const { tag, registry } = defineElement();
    const source = scriptedSource({ accountContext: ['pending'] });
    const factory = vi.fn(() => source);
    registry.register('salesforce', factory);
    const element = create(tag, accountManager);
    document.body.append(element);
    await element.rendered();
    await vi.waitFor(() => expect(dashboardIn(element)?.dataset.role).toBe('account-manager'));
    const shadow = shadowOf(element);
    // A constructed style sheet where the browser has them; jsdom has not, so a <style> inside the shadow root.
    const adopted: readonly CSSStyleSheet[] = 'adoptedStyleSheets' in shadow && Array.isArray(shadow.adoptedStyleSheets) ? shadow.adoptedStyleSheets : [];
    const styled = adopted.length > 0 || (shadow.querySelector('style')?.textContent ?? '').includes(':host');
    expect(styled).toBe(true);
    // Nothing leaks into the page's own DOM.
    expect(document.body.querySelector('.kz-dashboard')).toBeNull();
    expect(factory).toHaveBeenCalledWith({ crm: 'salesforce' });
    await vi.waitFor(() => expect(source.calls.getAccountContext).toEqual(['acc-1']));
  });

  it('re-renders when an attribute changes, and makes its data source only once per CRM', async () => {
    const { tag, registry } = defineElement();
    const factory = vi.fn(() => scriptedSource({ accountContext: ['pending'] }));
    registry.register('salesforce', factory);
    const element = create(tag, accountManager);
    document.body.append(element);
    await vi.waitFor(() => expect(dashboardIn(element)?.getAttribute('lang')).toBe('en'));
    element.setAttribute('locale', 'ja-JP');
    element.setAttribute('theme', 'salesforce');
    await element.rendered();
    await vi.waitFor(() => expect(dashboardIn(element)?.getAttribute('lang')).toBe('ja'));
    element.setAttribute('role', 'cx-leader');
    element.removeAttribute('account');
    await element.rendered();
    await vi.waitFor(() => expect(dashboardIn(element)?.dataset.role).toBe('cx-leader'));
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('unmounts when removed from the page and mounts again when put back', async () => {
    const { tag, registry } = defineElement();
    registry.register('salesforce', () => scriptedSource({ accountContext: ['pending'] }));
    const element = create(tag, accountManager);
    document.body.append(element);
    await vi.waitFor(() => expect(dashboardIn(element)).not.toBeNull());
    element.remove();
    expect(dashboardIn(element)).toBeNull();
    // Attribute changes while detached render nothing.
    element.setAttribute('locale', 'ja');
    await element.rendered();
    expect(dashboardIn(element)).toBeNull();
    document.body.append(element);
    await vi.waitFor(() => expect(dashboardIn(element)?.getAttribute('lang')).toBe('ja'));
  });

  it('shows what is wrong with its attributes instead of a dashboard, and raises kizuna-error', async () => {
    const { tag, registry } = defineElement();
    const factory = vi.fn(() => scriptedSource());
    registry.register('salesforce', factory);
    const errors: KizunaErrorDetail[] = [];
    document.addEventListener('kizuna-error', (event) => errors.push((event as CustomEvent<KizunaErrorDetail>).detail), { once: true });
    const element = create(tag, { role: 'account-manager', crm: 'salesforce', locale: 'fr', theme: 'pink' });
    document.body.append(element);
    await element.rendered();
    await vi.waitFor(() => expect(shadowOf(element).querySelector('[data-kind="invalid-settings"]')).not.toBeNull());
    const text = shadowOf(element).querySelector('[data-kind]')?.textContent ?? '';
    expect(text).toContain('account: is required for the account-manager dashboard');
    expect(text).toContain('locale: must be "en" or "ja"');
    expect(text).toContain('theme: must be one of salesforce, zoho, neutral');
    expect(element.settingsIssues).toHaveLength(3);
    expect(errors[0]?.code).toBe('invalid-settings');
    expect(factory).not.toHaveBeenCalled();
  });

  it('waits for a data source to be registered, then renders', async () => {
    const { tag, registry } = defineElement();
    const element = create(tag, accountManager);
    document.body.append(element);
    await element.rendered();
    await vi.waitFor(() => expect(shadowOf(element).querySelector('[data-kind="no-data-source"]')?.textContent).toContain('registerDataSourceFactory("salesforce"'));
    registry.register('salesforce', () => scriptedSource({ accountContext: ['pending'] }));
    await element.rendered();
    await vi.waitFor(() => expect(dashboardIn(element)).not.toBeNull());
  });

  it('takes a data source set in code over the registry, and awaits asynchronous factories', async () => {
    const { tag, registry } = defineElement();
    const fromRegistry = vi.fn(async () => scriptedSource({ accountContext: ['pending'] }));
    registry.register('zoho', fromRegistry);
    const element = create(tag, { ...accountManager, crm: 'zoho' });
    const own = scriptedSource({ accountContext: ['pending'] });
    element.dataSource = own;
    document.body.append(element);
    await vi.waitFor(() => expect(own.calls.getAccountContext).toEqual(['acc-1']));
    expect(fromRegistry).not.toHaveBeenCalled();
    element.dataSource = undefined;
    await element.rendered();
    await vi.waitFor(() => expect(fromRegistry).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(dashboardIn(element)).not.toBeNull());
  });

  it('says so when the data source cannot be made', async () => {
    const { tag, registry } = defineElement();
    registry.register('salesforce', () => Promise.reject(new Error('no session')));
    const element = create(tag, accountManager);
    document.body.append(element);
    await element.rendered();
    await vi.waitFor(() => expect(shadowOf(element).querySelector('[data-kind="data-source-failed"]')?.textContent).toContain('no session'));
  });

  it('uses the page language and a clock read once when locale and as-of are absent', async () => {
    const { tag, registry } = defineElement();
    registry.register('salesforce', () => scriptedSource({ accountContext: ['pending'] }));
    document.documentElement.lang = 'ja';
    const element = create(tag, { role: 'account-manager', crm: 'salesforce', account: 'acc-1' });
    document.body.append(element);
    await vi.waitFor(() => expect(dashboardIn(element)?.getAttribute('lang')).toBe('ja'));
    document.documentElement.lang = '';
  });

  it('raises kizuna-open-account for an account the drill-down opens, then goes to account-href unless a listener cancels it', async () => {
    const navigate = vi.fn();
    const { tag, registry } = defineElement(createDataSourceRegistry(), navigate);
    registry.register('salesforce', () => scriptedSource());
    const element = create(tag, { role: 'bu-leader', crm: 'salesforce', locale: 'en', 'account-href': '/crm/accounts/{id}' });
    const opened: KizunaOpenAccountDetail[] = [];
    const listener = (event: Event) => opened.push((event as CustomEvent<KizunaOpenAccountDetail>).detail);
    document.addEventListener('kizuna-open-account', listener);
    document.body.append(element);
    try {
      const leader = await leaderProps();
      leader.onOpenAccount?.('001000000000001AAA');
      expect(opened).toEqual([{ accountId: '001000000000001AAA' }]);
      expect(navigate).toHaveBeenCalledWith(new URL('/crm/accounts/001000000000001AAA', document.baseURI).href);

      // A page that navigates itself (a single-page app's router) cancels the event.
      const cancel = (event: Event) => event.preventDefault();
      element.addEventListener('kizuna-open-account', cancel);
      leader.onOpenAccount?.('001000000000002AAA');
      element.removeEventListener('kizuna-open-account', cancel);
      expect(opened.at(-1)).toEqual({ accountId: '001000000000002AAA' });
      expect(navigate).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener('kizuna-open-account', listener);
    }
  });

  it('offers no way to open an account on a page that neither sets account-href nor says it handles account-links', async () => {
    const { tag, registry } = defineElement();
    registry.register('salesforce', () => scriptedSource());
    const element = create(tag, { role: 'bu-leader', crm: 'salesforce', locale: 'en' });
    document.body.append(element);
    await vi.waitFor(() => expect(vi.mocked(Dashboard).mock.lastCall?.[0].role).toBe('bu-leader'));
    expect(vi.mocked(Dashboard).mock.lastCall?.[0].leader).toBeUndefined();
    element.setAttribute('account-links', '');
    await vi.waitFor(() => expect(vi.mocked(Dashboard).mock.lastCall?.[0].leader?.onOpenAccount).toBeTypeOf('function'));
  });

  it('with account-links (the page opens accounts) only raises the event, and never passes on an id that is not a CRM record id', async () => {
    const navigate = vi.fn();
    const { tag, registry } = defineElement(createDataSourceRegistry(), navigate);
    registry.register('salesforce', () => scriptedSource());
    const element = create(tag, { role: 'cx-leader', crm: 'salesforce', locale: 'en', 'account-links': '' });
    const opened: KizunaOpenAccountDetail[] = [];
    const errors: KizunaErrorDetail[] = [];
    element.addEventListener('kizuna-open-account', (event) => opened.push((event as CustomEvent<KizunaOpenAccountDetail>).detail));
    element.addEventListener('kizuna-error', (event) => errors.push((event as CustomEvent<KizunaErrorDetail>).detail));
    document.body.append(element);
    const leader = await leaderProps();
    leader.onOpenAccount?.('acc-7');
    expect(opened).toEqual([{ accountId: 'acc-7' }]);

    for (const bad of ['javascript:alert(1)', '../admin', 'a'.repeat(65), '']) leader.onOpenAccount?.(bad);
    expect(opened).toHaveLength(1);
    expect(navigate).not.toHaveBeenCalled();
    expect(errors.map((error) => error.code)).toEqual(['invalid-account-id', 'invalid-account-id', 'invalid-account-id', 'invalid-account-id']);
    expect(errors[0]?.issues[0]).toContain('"javascript:alert(1)" must be a CRM record id');
  });

  it('refuses an account-href that is not a path or an http(s) URL, naming the attribute', async () => {
    const { tag, registry } = defineElement();
    registry.register('salesforce', () => scriptedSource());
    const element = create(tag, { role: 'bu-leader', crm: 'salesforce', 'account-href': 'javascript:open("{id}")' });
    document.body.append(element);
    await element.rendered();
    expect(element.settingsIssues).toEqual(['account-href: must be a path or an http(s) URL']);
  });
});
