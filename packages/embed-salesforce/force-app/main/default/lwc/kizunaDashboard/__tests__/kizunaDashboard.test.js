/* global jest, describe, it, expect, beforeEach, afterEach */
import { createElement } from 'lwc';
import KizunaDashboard from 'c/kizunaDashboard';
import { loadScript, loadStyle } from 'lightning/platformResourceLoader';
import readPlan from '@salesforce/apex/KizunaGateway.read';
import writePlan from '@salesforce/apex/KizunaGateway.write';
import { navigate } from 'lightning/navigation';

// Imperative Apex is mocked as lwc-recipes does it (apexImperativeMethod tests): a virtual module whose default is a jest.fn.
jest.mock('@salesforce/apex/KizunaGateway.read', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/KizunaGateway.write', () => ({ default: jest.fn() }), { virtual: true });
// Lightning's navigation, recording every Navigate call (the package's stub does nothing), as lwc-recipes' navigation mock does.
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const navigate = jest.fn();
    const NavigationMixin = (Base) =>
        class extends Base {
            [Navigate](pageReference, replace) {
                navigate(pageReference, replace);
            }
            [GenerateUrl]() {
                return Promise.resolve('/lightning/page/home');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin, navigate };
});

/** Lets the component's promise chain (load, then mount) and the re-render after it run to the end. */
function settle() {
    // A macrotask runs after every pending microtask.
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A stand-in for the bundle: records every mount and what became of it. */
function fakeEmbed() {
    const mounts = [];
    return {
        mounts,
        api: {
            version: 1,
            mount: jest.fn((element, settings, gateway, navigation) => {
                const handle = { element, settings, gateway, navigation, update: jest.fn(), unmount: jest.fn() };
                mounts.push(handle);
                return handle;
            })
        }
    };
}

function place(props = {}) {
    const element = createElement('c-kizuna-dashboard', { is: KizunaDashboard });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

let embed;

beforeEach(() => {
    embed = fakeEmbed();
    loadScript.mockImplementation(() => {
        window.KizunaEmbed = embed.api;
        return Promise.resolve();
    });
    loadStyle.mockResolvedValue();
});

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    delete window.KizunaEmbed;
    jest.clearAllMocks();
});

describe('c-kizuna-dashboard', () => {
    it('loads the bundle and its style from the static resource once, however many dashboards the page holds', async () => {
        place({ recordId: '001000000000001AAA' });
        place({ role: 'bu-leader' });
        await settle();

        expect(loadScript).toHaveBeenCalledTimes(1);
        expect(loadScript.mock.calls[0][1]).toMatch(/kizunaEmbed\/kizuna-embed\.js$/);
        expect(loadStyle).toHaveBeenCalledTimes(1);
        expect(loadStyle.mock.calls[0][1]).toMatch(/kizunaEmbed\/kizuna-embed\.css$/);
        expect(embed.api.mount).toHaveBeenCalledTimes(2);
    });

    it('mounts into its manual element with the record, the design properties and the user locale', async () => {
        const element = place({ recordId: '001000000000001AAA', objectApiName: 'Account', role: 'account-manager', period: 'last-quarter-end', theme: 'dark' });
        await settle();

        const [mounted] = embed.mounts;
        expect(mounted.element).toBe(element.shadowRoot.querySelector('.kizuna-root'));
        expect(mounted.settings).toEqual({
            recordId: '001000000000001AAA',
            objectApiName: 'Account',
            role: 'account-manager',
            period: 'last-quarter-end',
            theme: 'dark',
            locale: expect.any(String),
            timeZone: expect.any(String)
        });
        expect(element.shadowRoot.querySelector('.kizuna-loading')).toBeNull();
    });

    it('hands the bundle a gateway that calls the Apex methods with the plan as JSON text', async () => {
        readPlan.mockResolvedValue('{"version":1,"ok":true,"results":{}}');
        writePlan.mockResolvedValue('{"version":1,"ok":true,"results":[]}');
        place({ recordId: '001000000000001AAA' });
        await settle();

        const { gateway } = embed.mounts[0];
        await expect(gateway.read('{"version":1}')).resolves.toBe('{"version":1,"ok":true,"results":{}}');
        expect(readPlan).toHaveBeenCalledWith({ planJson: '{"version":1}' });
        await gateway.write('{"version":1,"upserts":[]}');
        expect(writePlan).toHaveBeenCalledWith({ planJson: '{"version":1,"upserts":[]}' });
        expect(Object.isFrozen(gateway)).toBe(true);
    });

    it('hands the bundle a navigation that opens an Account record page with Lightning navigation', async () => {
        place({ role: 'bu-leader' });
        await settle();

        const { navigation } = embed.mounts[0];
        expect(Object.isFrozen(navigation)).toBe(true);
        navigation.openAccount('001000000000002AAA');
        expect(navigate).toHaveBeenCalledTimes(1);
        expect(navigate).toHaveBeenCalledWith(
            { type: 'standard__recordPage', attributes: { recordId: '001000000000002AAA', objectApiName: 'Account', actionName: 'view' } },
            undefined
        );
    });

    it('refuses to navigate to anything but a Salesforce record id', async () => {
        place({ role: 'bu-leader' });
        await settle();

        const { navigation } = embed.mounts[0];
        for (const bad of ['javascript:alert(1)', '001000000000002AA', '001000000000002AAA/edit', undefined, 42]) {
            expect(() => navigation.openAccount(bad)).toThrow(/not a Salesforce record id/);
        }
        expect(navigate).not.toHaveBeenCalled();
    });

    it('passes a new record or design property to the mounted dashboard instead of mounting again', async () => {
        const element = place({ recordId: '001000000000001AAA' });
        await settle();

        element.recordId = '001000000000002AAA';
        element.theme = 'dark';

        const [mounted] = embed.mounts;
        expect(embed.api.mount).toHaveBeenCalledTimes(1);
        expect(mounted.update).toHaveBeenCalledTimes(2);
        expect(mounted.update.mock.calls[1][0]).toMatchObject({ recordId: '001000000000002AAA', theme: 'dark' });
    });

    it('unmounts the dashboard and stops listening when it leaves the page', async () => {
        const element = place({ recordId: '001000000000001AAA' });
        await settle();
        const root = element.shadowRoot.querySelector('.kizuna-root');

        document.body.removeChild(element);

        expect(embed.mounts[0].unmount).toHaveBeenCalledTimes(1);
        root.dispatchEvent(new CustomEvent('kizunaerror', { detail: { message: 'late' } }));
        document.body.appendChild(element);
        await settle();
        expect(element.shadowRoot.querySelector('.kizuna-error')).toBeNull();
        expect(embed.api.mount).toHaveBeenCalledTimes(2);
    });

    it('does not mount when it left the page while the bundle was loading', async () => {
        let finishLoading;
        loadScript.mockImplementation(
            () =>
                new Promise((resolve) => {
                    finishLoading = () => {
                        window.KizunaEmbed = embed.api;
                        resolve();
                    };
                })
        );
        const element = place({ recordId: '001000000000001AAA' });
        await settle();
        document.body.removeChild(element);
        finishLoading();
        await settle();

        expect(embed.api.mount).not.toHaveBeenCalled();
    });

    it('says why when the static resource cannot be loaded, and tries again next time', async () => {
        loadScript.mockRejectedValueOnce(new Error('Failed to load kizuna-embed.js'));
        const element = place({ recordId: '001000000000001AAA' });
        await settle();

        const alert = element.shadowRoot.querySelector('[role="alert"]');
        expect(alert.textContent).toContain('Failed to load kizuna-embed.js');
        expect(embed.api.mount).not.toHaveBeenCalled();

        place({ recordId: '001000000000001AAA' });
        await settle();
        expect(loadScript).toHaveBeenCalledTimes(2);
        expect(embed.api.mount).toHaveBeenCalledTimes(1);
    });

    it('shows the message when the bundle refuses its settings', async () => {
        embed.api.mount.mockImplementation(() => {
            throw new Error('The Kizuna dashboard is misconfigured: role: Invalid option');
        });
        const element = place({ role: 'nobody' });
        await settle();

        expect(element.shadowRoot.querySelector('[role="alert"]').textContent).toContain('misconfigured: role');
    });

    it('shows the message the bundle reports when the dashboard fails after mounting', async () => {
        const element = place({ recordId: '001000000000001AAA' });
        await settle();

        element.shadowRoot.querySelector('.kizuna-root').dispatchEvent(new CustomEvent('kizunaerror', { detail: { message: 'Rendering failed' } }));
        await settle();

        expect(element.shadowRoot.querySelector('[role="alert"]').textContent).toContain('Rendering failed');
    });

    it('refuses a bundle of another mount-contract version', async () => {
        loadScript.mockImplementation(() => {
            window.KizunaEmbed = { ...embed.api, version: 2 };
            return Promise.resolve();
        });
        const element = place({ recordId: '001000000000001AAA' });
        await settle();

        expect(element.shadowRoot.querySelector('[role="alert"]').textContent).toContain('version 2');
        expect(embed.api.mount).not.toHaveBeenCalled();
    });
});
