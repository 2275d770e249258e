import { LightningElement, api } from 'lwc';
import { loadScript, loadStyle } from 'lightning/platformResourceLoader';
import { NavigationMixin } from 'lightning/navigation';
import KIZUNA_EMBED from '@salesforce/resourceUrl/kizunaEmbed';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import readPlan from '@salesforce/apex/KizunaGateway.read';
import writePlan from '@salesforce/apex/KizunaGateway.write';
import { loadEmbed } from './embedLoader';

/** Dispatched by the bundle on the root element when the dashboard failed beyond its own error states. */
const EMBED_ERROR_EVENT = 'kizunaerror';

/**
 * The Apex gateway as the bundle expects it: plans in and answers out as JSON text
 * (docs/crm/apex-gateway-contract.md). Frozen: the bundle cannot swap the methods.
 */
const GATEWAY = Object.freeze({
    read: (planJson) => readPlan({ planJson }),
    write: (planJson) => writePlan({ planJson })
});

/** A Salesforce record id: 15 characters, or 18 with the case-safe suffix. */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function messageOf(error) {
    if (error && typeof error.message === 'string') return error.message;
    if (error && error.body && typeof error.body.message === 'string') return error.body.message;
    return String(error);
}

/**
 * Kizuna's dashboard on a Lightning page. Loads the widget bundle from the `kizunaEmbed` static
 * resource (once per page), mounts the React dashboard of the configured role in its
 * `lwc:dom="manual"` element with the Apex gateway as its data source and Lightning's navigation
 * (a leader opens an account of the drill-down on its record page), passes the record and the
 * user's locale, and tears everything down when it leaves the page.
 */
// eslint-disable-next-line no-restricted-syntax -- Lightning requires a component's class as its module's default export
export default class KizunaDashboard extends NavigationMixin(LightningElement) {
    /** Set by Lightning on record pages. */
    @api objectApiName;

    errorMessage;
    loading = true;

    _recordId;
    _role = 'account-manager';
    _period = 'current';
    _theme = 'light';
    _connected = false;
    _mountStarted = false;
    _handle;
    _root;

    /** Set by Lightning on record pages: the Account whose dashboard to show. */
    @api
    get recordId() {
        return this._recordId;
    }
    set recordId(value) {
        this._recordId = value;
        this.settingsChanged();
    }

    /** Design property: account-manager, bu-leader or cx-leader. */
    @api
    get role() {
        return this._role;
    }
    set role(value) {
        this._role = value;
        this.settingsChanged();
    }

    /** Design property: current, last-quarter-end or last-year-end. */
    @api
    get period() {
        return this._period;
    }
    set period(value) {
        this._period = value;
        this.settingsChanged();
    }

    /** Design property: light or dark. */
    @api
    get theme() {
        return this._theme;
    }
    set theme(value) {
        this._theme = value;
        this.settingsChanged();
    }

    get loadingLabel() {
        return /^ja\b/i.test(String(LOCALE).replace('_', '-')) ? 'Kizuna を読み込んでいます…' : 'Loading Kizuna…';
    }

    /** What the bundle validates (packages/embed-salesforce/src/bundle/hostSettings.ts). */
    settings() {
        return {
            recordId: this._recordId,
            objectApiName: this.objectApiName,
            role: this._role,
            period: this._period,
            theme: this._theme,
            locale: LOCALE,
            timeZone: TIME_ZONE
        };
    }

    connectedCallback() {
        this._connected = true;
    }

    renderedCallback() {
        if (this._mountStarted) return;
        this._mountStarted = true;
        this.mountEmbed();
    }

    disconnectedCallback() {
        this._connected = false;
        this._mountStarted = false;
        if (this._root) {
            this._root.removeEventListener(EMBED_ERROR_EVENT, this.handleEmbedError);
            this._root = undefined;
        }
        if (this._handle) {
            this._handle.unmount();
            this._handle = undefined;
        }
    }

    async mountEmbed() {
        try {
            const embed = await loadEmbed({
                script: () => loadScript(this, KIZUNA_EMBED + '/kizuna-embed.js'),
                style: () => loadStyle(this, KIZUNA_EMBED + '/kizuna-embed.css')
            });
            // The component may have left the page while the bundle was loading.
            if (!this._connected || this._handle) return;
            const root = this.refs.root;
            root.addEventListener(EMBED_ERROR_EVENT, this.handleEmbedError);
            this._root = root;
            this._handle = embed.mount(root, this.settings(), GATEWAY, this.navigation());
            this.errorMessage = undefined;
        } catch (error) {
            this.errorMessage = messageOf(error);
        } finally {
            this.loading = false;
        }
    }

    /**
     * What the bundle may ask of the page (it checks every id first): open an Account's record
     * page. Frozen, like the gateway.
     */
    navigation() {
        return Object.freeze({ openAccount: (recordId) => this.openAccount(recordId) });
    }

    /** Opens the Account's record page, as a record link in Lightning does; anything but a record id is refused. */
    openAccount(recordId) {
        if (typeof recordId !== 'string' || !SALESFORCE_ID.test(recordId)) {
            throw new Error(`Kizuna cannot open ${JSON.stringify(String(recordId)).slice(0, 40)}: it is not a Salesforce record id.`);
        }
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: 'Account', actionName: 'view' }
        });
    }

    settingsChanged() {
        if (!this._handle) return;
        try {
            this._handle.update(this.settings());
            this.errorMessage = undefined;
        } catch (error) {
            this.errorMessage = messageOf(error);
        }
    }

    handleEmbedError = (event) => {
        this.errorMessage = event.detail && event.detail.message ? event.detail.message : 'The dashboard stopped working.';
    };
}
