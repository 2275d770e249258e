import { createZohoSdkDataSource, parsePageLoad } from '@kizuna/crm-zoho';
import type { CrmUser, CxDataSource } from '@kizuna/model';
import { localeFor, type DashboardSettings, type Locale } from '@kizuna/widgets';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { accountOfRecord, AccountLookupError } from './accountOfRecord';
import { autoResize, type AutoResize } from './autoResize';
import { openAccountRecord, type ZohoWidgetSdk } from './openAccountRecord';
import { planFor, widgetSettings, type WidgetPlan } from './widgetSettings';
import type { WidgetMessageKey } from './widgetMessages';
import { WidgetNotice } from './WidgetNotice';
import { ZohoDashboard } from './ZohoDashboard';

export interface ZohoWidgetOptions {
  /** The `ZOHO` object the widget SDK script defined. */
  readonly zoho: ZohoWidgetSdk;
  /** Where the widget renders (the page's `#kizuna-root`). */
  readonly container: HTMLElement;
  /** The widget page's query string: `?role=cx-leader` picks the dashboard on pages without a record. */
  readonly search?: string;
  /** The browser's language, for the first notice and when the CRM user has no locale. */
  readonly browserLanguage?: string;
  /** API name of the accounts module (default `Accounts`). */
  readonly accountsModule?: string;
  /** How long to wait for PageLoad once `init()` resolved before treating the page as having no record. */
  readonly pageLoadTimeoutMs?: number;
  readonly now?: () => Date;
}

/** What the widget is showing. */
export type WidgetOutcome =
  | { readonly kind: 'dashboard'; readonly settings: DashboardSettings }
  | { readonly kind: 'notice'; readonly message: WidgetMessageKey; readonly detail?: string };

export interface ZohoWidget {
  /** Settles when the widget shows its dashboard (or a notice saying why it cannot). */
  readonly ready: Promise<WidgetOutcome>;
  /** Unmounts the dashboard and stops resizing. */
  stop(): void;
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves with the first PageLoad payload, or `undefined` after the timeout (a page without a record). */
function firstPageLoad(registered: Promise<unknown>, timeoutMs: number): Promise<unknown> {
  return Promise.race([registered, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs))]);
}

/**
 * Kizuna as a Zoho CRM widget. The PageLoad handler is registered before `ZOHO.embeddedApp.init()`
 * (an event raised during the handshake is otherwise lost); its `Entity`/`EntityId` (a string on
 * related lists, an array on buttons) choose the dashboard (see `planFor`); every read and write
 * goes through `ZOHO.CRM.API` in the signed-in user's session; the language follows the CRM
 * user's locale; the widget asks `ZOHO.CRM.UI.Resize` for its content's height as it changes.
 * A leader's drill-down opens an account's record page with `ZOHO.CRM.UI.Record.open`.
 */
export function startZohoWidget(options: ZohoWidgetOptions): ZohoWidget {
  const { zoho, container } = options;
  const now = options.now ?? (() => new Date());
  const accountsModule = options.accountsModule ?? 'Accounts';
  const openAccount = (accountId: string) => openAccountRecord(zoho, accountId, accountsModule);
  const root = createRoot(container);
  let locale: Locale = localeFor(options.browserLanguage);
  // Resizing starts once the SDK handshake is done: before it, the SDK has no CRM window to ask.
  let resizer: AutoResize | undefined;

  const notice = (message: WidgetMessageKey, detail?: string): WidgetOutcome => {
    // Rendered synchronously, so `ready` settles with the notice on screen and measurable.
    flushSync(() => root.render(<WidgetNotice locale={locale} message={message} {...(detail === undefined ? {} : { detail })} />));
    resizer?.measure();
    return detail === undefined ? { kind: 'notice', message } : { kind: 'notice', message, detail };
  };
  notice('loading');

  // Registered first: the SDK raises PageLoad as part of the handshake that init() starts.
  let onPageLoad: (data: unknown) => void = () => undefined;
  const pageLoaded = new Promise<unknown>((resolve) => {
    onPageLoad = resolve;
  });
  let dataSource: CxDataSource | undefined;
  let user: CrmUser | undefined;
  let shown: Promise<WidgetOutcome> | undefined;
  zoho.embeddedApp.on('PageLoad', (data) => {
    onPageLoad(data);
    // A later PageLoad (the CRM reusing the widget for another record) shows that record.
    if (shown !== undefined) shown = shown.then(() => show(data));
  });

  const show = async (data: unknown): Promise<WidgetOutcome> => {
    try {
      const page = parsePageLoad(data);
      const plan = planFor(page, {
        accountsModule,
        roleHint: new URLSearchParams(options.search ?? '').get('role'),
      });
      return await render(plan);
    } catch (error) {
      return notice('failed', detailOf(error));
    }
  };

  const render = async (plan: WidgetPlan): Promise<WidgetOutcome> => {
    const source = dataSource;
    if (source === undefined) return notice('failed');
    const context = { locale, asOf: now().toISOString() };
    let settings: DashboardSettings;
    switch (plan.kind) {
      case 'unsupported':
        return notice('unsupported');
      case 'portfolio':
        settings = widgetSettings({ role: plan.role }, context);
        break;
      case 'account':
        settings = widgetSettings({ role: 'account-manager', accountId: plan.accountId }, context);
        break;
      case 'lookup-account':
        try {
          const accountId = await accountOfRecord(zoho, plan.entity, plan.recordId);
          settings = widgetSettings({ role: 'account-manager', accountId }, context);
        } catch (error) {
          if (error instanceof AccountLookupError && error.reason === 'no-account') return notice('noAccount');
          throw error;
        }
        break;
    }
    const timeZone = user?.timeZone;
    flushSync(() => root.render(<ZohoDashboard settings={settings} timeZone={timeZone} dataSource={source} openAccount={openAccount} />));
    resizer?.measure();
    return { kind: 'dashboard', settings };
  };

  const start = async (): Promise<WidgetOutcome> => {
    try {
      await zoho.embeddedApp.init();
    } catch (error) {
      return notice('failed', detailOf(error));
    }
    resizer = autoResize(container, { resize: (size) => zoho.CRM.UI?.Resize(size) ?? Promise.resolve(false) });
    const data = await firstPageLoad(pageLoaded, options.pageLoadTimeoutMs ?? 3000);
    dataSource = createZohoSdkDataSource(zoho, options.browserLanguage === undefined ? {} : { fallbackLocale: options.browserLanguage });
    // The user's locale decides the language; if the user cannot be read, the browser's does.
    user = await dataSource.currentUser().catch(() => undefined);
    locale = localeFor(user?.locale ?? options.browserLanguage);
    return show(data);
  };
  shown = start();

  return {
    ready: shown,
    stop() {
      resizer?.stop();
      root.unmount();
    },
  };
}
