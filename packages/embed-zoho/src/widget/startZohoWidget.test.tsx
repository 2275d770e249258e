import { Dashboard, type LeaderHostProps } from '@kizuna/widgets';
import type * as Widgets from '@kizuna/widgets';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ZohoWidgetSdk } from './openAccountRecord';
import { startZohoWidget, type ZohoWidget } from './startZohoWidget';

// The real dashboard, watched: what the widget hands it (the leaders' navigation) is read from its props.
vi.mock('@kizuna/widgets', async (importOriginal) => {
  const widgets = await importOriginal<typeof Widgets>();
  return { ...widgets, Dashboard: vi.fn(widgets.Dashboard) };
});

/** The navigation the widget gave the dashboard it rendered last. */
function lastLeaderProps(): LeaderHostProps | undefined {
  return vi.mocked(Dashboard).mock.lastCall?.[0].leader;
}

const accountId = '6012345000000399001';
const japaneseUser = { id: '4150868000000225013', full_name: '田中 愛子', email: 'aiko@example.jp', locale: 'ja_JP', time_zone: 'Asia/Tokyo' };
const englishUser = { id: '4150868000000225014', full_name: 'Ann Lee', email: 'ann@example.com', locale: 'en_US', time_zone: 'Europe/London' };

interface ScriptedSdk {
  readonly zoho: ZohoWidgetSdk;
  /** SDK calls in order: `on:PageLoad`, `init`, `coql`, `getRecord:Deals:…`, `Resize`, `Record.open:Accounts:…`. */
  readonly log: string[];
  readonly queries: string[];
  readonly resizes: Array<{ readonly height: number | string; readonly width?: number | string }>;
}

/**
 * A widget SDK behaving as Zoho's does (embeddedApp-js-sdk): `init()` performs the handshake,
 * during which the CRM raises PageLoad with the page's context — delivered to whatever handler
 * is registered at that moment, so a handler registered after `init()` would miss it. COQL
 * reads never settle here (the dashboard stays loading); they are recorded.
 */
function scriptedSdk(options: {
  pageLoad?: unknown;
  user?: unknown;
  records?: Readonly<Record<string, unknown>>;
  initFails?: boolean;
  /** How `UI.Record.open` answers: `true` by default; a rejection as Zoho's `{code, message, status}`. */
  recordOpen?: boolean | { readonly code: string; readonly message: string; readonly status: 'error' };
}): ScriptedSdk {
  const log: string[] = [];
  const queries: string[] = [];
  const resizes: ScriptedSdk['resizes'] = [];
  let pageLoadHandler: ((data: unknown) => void) | undefined;
  const refused = (what: string) => () => Promise.reject(new Error(`${what} is not expected here`));
  const zoho: ZohoWidgetSdk = {
    embeddedApp: {
      on: (event, handler) => {
        log.push(`on:${event}`);
        if (event === 'PageLoad') pageLoadHandler = handler;
      },
      init: () => {
        log.push('init');
        if (options.initFails === true) return Promise.reject(new Error('handshake refused'));
        if ('pageLoad' in options) pageLoadHandler?.(options.pageLoad);
        return Promise.resolve();
      },
    },
    CRM: {
      API: {
        coql: (request) => {
          log.push('coql');
          queries.push(request.select_query);
          return new Promise(() => undefined);
        },
        getRecord: (request) => {
          log.push(`getRecord:${request.Entity}:${String(request.RecordID)}`);
          const record = options.records?.[`${request.Entity}:${String(request.RecordID)}`];
          return record === undefined ? Promise.reject({ code: 'INVALID_DATA', message: 'the id given seems to be invalid', status: 'error', details: {} }) : Promise.resolve({ data: [record] });
        },
        getAllRecords: refused('getAllRecords'),
        insertRecord: refused('insertRecord'),
        updateRecord: refused('updateRecord'),
        upsertRecord: refused('upsertRecord'),
      },
      CONFIG: {
        getCurrentUser: () => (options.user === undefined ? Promise.reject(new Error('no user')) : Promise.resolve(options.user)),
      },
      UI: {
        Resize: (size) => {
          log.push('Resize');
          resizes.push(size);
          return Promise.resolve(true);
        },
        Record: {
          open: (request) => {
            log.push(`Record.open:${request.Entity}:${request.RecordID}`);
            const answer = options.recordOpen ?? true;
            return typeof answer === 'boolean' ? Promise.resolve(answer) : Promise.reject(answer);
          },
        },
      },
    },
  };
  return { zoho, log, queries, resizes };
}

let widget: ZohoWidget | undefined;
afterEach(() => {
  widget?.stop();
  widget = undefined;
  document.body.replaceChildren();
});

function start(sdk: ScriptedSdk, extra: { search?: string; browserLanguage?: string } = {}) {
  const container = document.createElement('main');
  document.body.append(container);
  widget = startZohoWidget({ zoho: sdk.zoho, container, pageLoadTimeoutMs: 20, now: () => new Date('2026-10-01T00:00:00Z'), ...extra });
  return { container, ready: widget.ready };
}

describe('the Zoho CRM widget', () => {
  it('on an account record registers PageLoad before init, then shows that account in the user’s language through the SDK', async () => {
    const sdk = scriptedSdk({ pageLoad: { Entity: 'Accounts', EntityId: accountId }, user: japaneseUser });
    const { container, ready } = start(sdk, { browserLanguage: 'en-GB' });
    expect(await ready).toEqual({
      kind: 'dashboard',
      settings: { role: 'account-manager', accountId, locale: 'ja', theme: 'zoho', colourScheme: 'light', asOf: '2026-10-01T00:00:00.000Z' },
    });
    expect(sdk.log.slice(0, 2)).toEqual(['on:PageLoad', 'init']);
    expect(container.querySelector('.kz-dashboard')?.getAttribute('lang')).toBe('ja');
    // Reads go through ZOHO.CRM.API.coql in the user's session, for this account.
    await expect.poll(() => sdk.queries.some((query) => query.includes(accountId))).toBe(true);
    // The widget asks the CRM for a height (at least its minimum) once it has content.
    expect(sdk.resizes[0]?.height).toBeGreaterThanOrEqual(120);
    expect(sdk.log.indexOf('Resize')).toBeGreaterThan(sdk.log.indexOf('init'));
  });

  it('on a list-view button (EntityId an array) shows the first selected account', async () => {
    const second = '6012345000000399002';
    const sdk = scriptedSdk({ pageLoad: { Entity: 'Accounts', EntityId: [accountId, second], ButtonPosition: 'ListView' }, user: englishUser });
    const outcome = await start(sdk).ready;
    expect(outcome.kind === 'dashboard' && outcome.settings.accountId).toBe(accountId);
    expect(outcome.kind === 'dashboard' && outcome.settings.locale).toBe('en');
  });

  it('on a deal’s related list looks up the deal’s account and shows it', async () => {
    const dealId = '6012345000000512001';
    const sdk = scriptedSdk({
      pageLoad: { Entity: 'Deals', EntityId: dealId },
      user: englishUser,
      records: { [`Deals:${dealId}`]: { id: dealId, Deal_Name: 'Renewal 2027', Account_Name: { name: 'Zylker', id: accountId } } },
    });
    const outcome = await start(sdk).ready;
    expect(sdk.log).toContain(`getRecord:Deals:${dealId}`);
    expect(outcome).toMatchObject({ kind: 'dashboard', settings: { role: 'account-manager', accountId } });
  });

  it('says so when a contact has no account, in the user’s language', async () => {
    const contactId = '6012345000000777001';
    const sdk = scriptedSdk({ pageLoad: { Entity: 'Contacts', EntityId: [contactId] }, user: japaneseUser, records: { [`Contacts:${contactId}`]: { id: contactId, Account_Name: null } } });
    const { container, ready } = start(sdk);
    expect(await ready).toEqual({ kind: 'notice', message: 'noAccount' });
    expect(container.querySelector('[data-notice="noAccount"]')?.textContent).toContain('取引先に関連付けられていない');
  });

  it('on a module without accounts explains where Kizuna belongs', async () => {
    const sdk = scriptedSdk({ pageLoad: { Entity: 'Leads', EntityId: '3000000032096' }, user: englishUser });
    const { container, ready } = start(sdk);
    expect(await ready).toEqual({ kind: 'notice', message: 'unsupported' });
    expect(container.textContent).toContain('Open it on an Account, Contact, Deal or Case.');
  });

  it('on a web tab (no record) shows the portfolio dashboard of the role in its URL', async () => {
    const webTab = start(scriptedSdk({ pageLoad: {}, user: englishUser }), { search: '?role=cx-leader&serviceOrigin=https%3A%2F%2Fcrm.zoho.jp' });
    expect(await webTab.ready).toMatchObject({ kind: 'dashboard', settings: { role: 'cx-leader' } });
    widget?.stop();
    // No PageLoad at all within the wait, and no role asked for: the business-unit leader's view.
    const silent = start(scriptedSdk({ user: englishUser }));
    expect(await silent.ready).toMatchObject({ kind: 'dashboard', settings: { role: 'bu-leader' } });
  });

  it('refuses a PageLoad it cannot trust (an id that already lost digits as a number)', async () => {
    const sdk = scriptedSdk({ pageLoad: { Entity: 'Accounts', EntityId: Number(accountId) }, user: englishUser });
    const { container, ready } = start(sdk);
    const outcome = await ready;
    expect(outcome).toMatchObject({ kind: 'notice', message: 'failed' });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('digits are lost');
    expect(sdk.queries).toEqual([]);
  });

  it('on a web tab lets the leader open an account of the drill-down on its Zoho record page', async () => {
    const sdk = scriptedSdk({ pageLoad: {}, user: englishUser });
    const { container, ready } = start(sdk, { search: '?role=bu-leader' });
    expect(await ready).toMatchObject({ kind: 'dashboard', settings: { role: 'bu-leader' } });
    const leader = lastLeaderProps();
    expect(leader?.onOpenAccount).toBeTypeOf('function');
    leader?.onOpenAccount?.(accountId);
    await expect.poll(() => sdk.log.filter((call) => call.startsWith('Record.open'))).toEqual([`Record.open:Accounts:${accountId}`]);
    expect(container.querySelector('[data-notice="openFailed"]')).toBeNull();
  });

  it('opens no record for an id that is not a Zoho id, and says why when Zoho cannot open one', async () => {
    const sdk = scriptedSdk({ pageLoad: {}, user: japaneseUser, recordOpen: { code: 'NO_PERMISSION', message: 'permission denied', status: 'error' } });
    const { container, ready } = start(sdk, { search: '?role=cx-leader' });
    await ready;
    lastLeaderProps()?.onOpenAccount?.('javascript:alert(1)');
    await expect.poll(() => container.querySelector('[data-notice="openFailed"]')?.textContent).toContain('is not a Zoho record id');
    expect(sdk.log.some((call) => call.startsWith('Record.open'))).toBe(false);

    lastLeaderProps()?.onOpenAccount?.(accountId);
    await expect.poll(() => container.querySelector('[data-notice="openFailed"]')?.textContent).toContain('permission denied');
    const notice = container.querySelector('[data-notice="openFailed"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('Zoho CRM で取引先を開けませんでした。');
    // The dashboard stays where it was, under the alert.
    expect(container.querySelector('.kz-dashboard')?.getAttribute('data-role')).toBe('cx-leader');
  });

  it('falls back to the browser’s language when the CRM user cannot be read, and reports a failed handshake', async () => {
    const noUser = scriptedSdk({ pageLoad: { Entity: 'Accounts', EntityId: accountId } });
    expect(await start(noUser, { browserLanguage: 'ja-JP' }).ready).toMatchObject({ kind: 'dashboard', settings: { locale: 'ja' } });
    widget?.stop();
    const refused = scriptedSdk({ initFails: true });
    const { container, ready } = start(refused);
    expect(await ready).toEqual({ kind: 'notice', message: 'failed', detail: 'handshake refused' });
    expect(container.textContent).toContain('Kizuna could not start in Zoho CRM.');
  });
});
