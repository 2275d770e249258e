import type { CxDataSource } from '@kizuna/model';
import { withAcceptedActionListener, type AcceptedAction } from '../actionNotifications';
import { defaultDataSourceRegistry, type DataSourceRegistry } from '../dataSourceRegistry';
import { accountIdSchema } from '../frame/protocol';
import { mountDashboard, type DashboardMount } from '../mountDashboard';
import { accountUrl } from './accountHref';
import { elementAttributeNames, parseElementAttributes, type ElementAttributes } from './elementSettings';
import { adoptShadowStyles } from './shadowStyles';

export const KIZUNA_DASHBOARD_TAG = 'kizuna-dashboard';

/**
 * `kizuna-error` detail: why the element shows a notice instead of a dashboard, or
 * (`invalid-account-id`) why an account the dashboard asked to open was not opened.
 */
export interface KizunaErrorDetail {
  readonly code: 'invalid-settings' | 'no-data-source' | 'data-source-failed' | 'invalid-account-id';
  readonly issues: readonly string[];
}

/** `kizuna-open-account` detail: the account a leader's drill-down asked to open (its CRM record id). */
export interface KizunaOpenAccountDetail {
  readonly accountId: string;
}

/** Raised on the element when the user opens an account; cancel it to navigate yourself. */
export const OPEN_ACCOUNT_EVENT = 'kizuna-open-account';

export interface KizunaDashboardElementOptions {
  /** Where `crm="…"` is looked up (default: the registry `registerDataSourceFactory` fills). */
  readonly registry?: DataSourceRegistry;
  /** The clock for `as-of` when the attribute is absent (read once per element). */
  readonly now?: () => Date;
  /** How the element follows `account-href` (default: the page's `location.assign`). */
  readonly navigate?: (url: string) => void;
}

/** A data source being made for a CRM name (a factory may be asynchronous). */
interface Resolution {
  readonly crm: string;
  readonly result: Promise<CxDataSource>;
  settled: CxDataSource | undefined;
}

export interface KizunaDashboardElement extends HTMLElement {
  /** A data source set in code; it wins over the registry. */
  dataSource: CxDataSource | undefined;
  /** The settings shown now, or the problems with the attributes. */
  readonly settingsIssues: readonly string[];
  /** Resolves after pending attribute changes have been rendered (for tests and hosts that wait). */
  rendered(): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The `<kizuna-dashboard>` class. Attributes (validated by `parseElementAttributes`) say which
 * dashboard to show; the data source comes from the `dataSource` property or the registry, by
 * the `crm` attribute. The dashboard renders into an open shadow root with its styles; an
 * attribute change re-renders it, removal from the page unmounts it, and putting it back mounts
 * it again. When a leader opens an account of the drill-down, the element raises the cancelable
 * `kizuna-open-account` (`detail: {accountId}`); unless a listener cancels it, it goes to the
 * `account-href` template's URL, when there is one.
 */
export function createKizunaDashboardElementClass(options: KizunaDashboardElementOptions = {}) {
  const registry = options.registry ?? defaultDataSourceRegistry;
  const now = options.now ?? (() => new Date());
  const navigate = options.navigate ?? ((url: string) => window.location.assign(url));

  return class KizunaDashboard extends HTMLElement implements KizunaDashboardElement {
    static readonly observedAttributes: readonly string[] = elementAttributeNames;

    #mount: DashboardMount | undefined;
    #asOf: string | undefined;
    #dataSource: CxDataSource | undefined;
    #wrappedDataSource: CxDataSource | undefined;
    #generation = 0;
    #resolution: Resolution | undefined;
    #issues: readonly string[] = [];
    #pending: Promise<void> | undefined;
    #unsubscribe: (() => void) | undefined;

    get dataSource(): CxDataSource | undefined {
      return this.#dataSource;
    }

    set dataSource(value: CxDataSource | undefined) {
      this.#dataSource = value;
      this.#wrappedDataSource = value === undefined ? undefined : withAcceptedActionListener(value, (action) => this.#announce(action));
      this.#resolution = undefined;
      this.#schedule();
    }

    get settingsIssues(): readonly string[] {
      return this.#issues;
    }

    rendered(): Promise<void> {
      return this.#pending ?? Promise.resolve();
    }

    connectedCallback(): void {
      const shadow = this.shadowRoot ?? this.#createShadow();
      const container = shadow.querySelector('[data-kizuna-root]');
      if (container === null) return;
      this.#mount = mountDashboard(container);
      this.#unsubscribe = registry.subscribe((crm) => {
        if (crm !== this.getAttribute('crm')) return;
        this.#resolution = undefined;
        this.#schedule();
      });
      this.#schedule();
    }

    disconnectedCallback(): void {
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
      this.#mount?.unmount();
      this.#mount = undefined;
    }

    attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
      if (previous === next) return;
      if (name === 'crm') this.#resolution = undefined;
      this.#schedule();
    }

    #createShadow(): ShadowRoot {
      const shadow = this.attachShadow({ mode: 'open' });
      adoptShadowStyles(shadow);
      const container = this.ownerDocument.createElement('div');
      container.setAttribute('data-kizuna-root', '');
      shadow.append(container);
      return shadow;
    }

    /** Coalesces the changes of one task (several attributes set in a row) into one render. */
    #schedule(): void {
      if (this.#pending !== undefined || !this.isConnected) return;
      this.#pending = Promise.resolve().then(async () => {
        this.#pending = undefined;
        await this.#render();
      });
    }

    #attributes(): ElementAttributes {
      return Object.fromEntries(elementAttributeNames.map((name) => [name, this.getAttribute(name)]));
    }

    async #render(): Promise<void> {
      const mount = this.#mount;
      if (mount === undefined) return;
      this.#generation += 1;
      const generation = this.#generation;
      this.#asOf ??= now().toISOString();
      const pageLanguage = this.ownerDocument.documentElement.lang || this.ownerDocument.defaultView?.navigator.language;
      const parsed = parseElementAttributes(this.#attributes(), { asOf: this.#asOf, pageLanguage });
      if (!parsed.ok) {
        this.#issues = parsed.issues;
        mount.showNotice({ kind: 'invalid-settings', title: 'Kizuna cannot show this dashboard: check its attributes.', details: parsed.issues });
        this.#report({ code: 'invalid-settings', issues: parsed.issues });
        return;
      }
      this.#issues = [];
      const dataSource = this.#wrappedDataSource ?? (await this.#resolve(parsed.crm, mount));
      // A later render (another attribute change, a disconnect) supersedes this one.
      if (dataSource === undefined || mount !== this.#mount || generation !== this.#generation) return;
      // "Open" buttons only where opening leads somewhere: an `account-href`, or a page that says it handles the event.
      const opensAccounts = this.hasAttribute('account-href') || this.hasAttribute('account-links');
      mount.showDashboard(parsed.settings, dataSource, opensAccounts ? { onOpenAccount: this.#openAccount } : {});
    }

    /**
     * An account the dashboard asked to open: only a CRM record id goes on (anything else is
     * reported as `invalid-account-id`), first to the page as a cancelable `kizuna-open-account`,
     * then — not cancelled — to the `account-href` URL, when the attribute gives one.
     */
    #openAccount = (accountId: string): void => {
      const id = accountIdSchema.safeParse(accountId);
      if (!id.success) {
        const shown = JSON.stringify(String(accountId)).slice(0, 40);
        this.#report({ code: 'invalid-account-id', issues: [`${shown} ${id.error.issues[0]?.message ?? 'is not a CRM record id'}`] });
        return;
      }
      const detail: KizunaOpenAccountDetail = { accountId: id.data };
      const proceed = this.dispatchEvent(new CustomEvent<KizunaOpenAccountDetail>(OPEN_ACCOUNT_EVENT, { detail, bubbles: true, composed: true, cancelable: true }));
      const template = this.getAttribute('account-href');
      if (!proceed || template === null) return;
      const url = accountUrl(template, id.data, this.ownerDocument.baseURI);
      if (url === undefined) {
        this.#report({ code: 'invalid-settings', issues: [`account-href: ${JSON.stringify(template).slice(0, 80)} gives no http(s) URL on this page`] });
        return;
      }
      navigate(url);
    };

    /** The registry's data source for `crm`, made once per CRM name; `undefined` when there is none (yet). */
    async #resolve(crm: string, mount: DashboardMount): Promise<CxDataSource | undefined> {
      if (this.#resolution?.crm !== crm) {
        const factory = registry.factoryFor(crm);
        if (factory === undefined) {
          const issue = `No data source is registered for crm="${crm}". Call registerDataSourceFactory("${crm}", …) or set the dataSource property.`;
          mount.showNotice({ kind: 'no-data-source', title: 'Kizuna has no data source for this dashboard yet.', details: [issue] });
          this.#report({ code: 'no-data-source', issues: [issue] });
          return undefined;
        }
        const resolution: Resolution = {
          crm,
          settled: undefined,
          result: Promise.resolve()
            .then(() => factory({ crm }))
            .then((made) => withAcceptedActionListener(made, (action) => this.#announce(action))),
        };
        this.#resolution = resolution;
      }
      const resolution = this.#resolution;
      if (resolution.settled !== undefined) return resolution.settled;
      mount.showNotice({ kind: 'loading', title: 'Loading…' });
      try {
        resolution.settled = await resolution.result;
        return this.#resolution === resolution ? resolution.settled : undefined;
      } catch (error) {
        if (this.#resolution !== resolution) return undefined;
        this.#resolution = undefined;
        const issue = `The data source for crm="${crm}" could not be created: ${messageOf(error)}`;
        mount.showNotice({ kind: 'data-source-failed', title: 'Kizuna could not connect to the CRM.', details: [issue] });
        this.#report({ code: 'data-source-failed', issues: [issue] });
        return undefined;
      }
    }

    #report(detail: KizunaErrorDetail): void {
      this.dispatchEvent(new CustomEvent<KizunaErrorDetail>('kizuna-error', { detail, bubbles: true, composed: true }));
    }

    #announce(action: AcceptedAction): void {
      this.dispatchEvent(new CustomEvent<AcceptedAction>('kizuna-action-accepted', { detail: action, bubbles: true, composed: true }));
    }
  };
}

/**
 * Defines `<kizuna-dashboard>` (or `tagName`) once; defining it again returns the class already
 * registered, so two scripts that both call this do not clash.
 */
export function defineKizunaDashboard(
  options: KizunaDashboardElementOptions & { readonly tagName?: string; readonly registryWindow?: Window } = {},
): CustomElementConstructor {
  const tagName = options.tagName ?? KIZUNA_DASHBOARD_TAG;
  const elements = (options.registryWindow ?? window).customElements;
  const existing = elements.get(tagName);
  if (existing !== undefined) return existing;
  const element = createKizunaDashboardElementClass(options);
  elements.define(tagName, element);
  return element;
}
