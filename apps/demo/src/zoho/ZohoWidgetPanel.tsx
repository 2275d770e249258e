import { useCallback, useMemo, useState } from 'react';
import { useDemoPage } from '../demoContext';
import { openedAccountPath, type DemoLocale, type DemoRole } from '../routes';
import type { ZohoHostContext } from './zohoHostMessages';
import { ZohoWidgetFrame } from './ZohoWidgetFrame';

const panelText: Readonly<Record<DemoLocale, { readonly title: string; readonly hide: string; readonly show: string; readonly frame: string }>> = {
  en: { title: 'Kizuna', hide: 'Hide', show: 'Show', frame: 'Kizuna widget' },
  ja: { title: 'Kizuna', hide: '閉じる', show: '開く', frame: 'Kizuna ウィジェット' },
};

/** `?lang=` stands for a user whose CRM locale is that language; without it, the user's own locale. */
const zohoLocaleOf: Readonly<Record<DemoLocale, string>> = { en: 'en_US', ja: 'ja_JP' };

/**
 * Kizuna's widget where Zoho CRM places it: a related-list section of an Account's record page
 * (PageLoad `{Entity: "Accounts", EntityId: "<id>"}`), or a web tab without a record, whose widget
 * URL names the role (`widget.html?role=cx-leader`). The section can be closed and opened again,
 * which removes the widget's frame and loads it anew. When the widget opens an account
 * (`ZOHO.CRM.UI.Record.open`, a leader's drill-down), the page goes to that account's Zoho page,
 * for its account manager, in the same language and theme; the demo has no other record pages.
 */
export function ZohoWidgetPanel({ accountId, role }: { readonly accountId: string | undefined; readonly role: DemoRole }) {
  const { locale, routeState } = useDemoPage();
  const [open, setOpen] = useState(true);
  const text = panelText[locale];
  const userLocale = routeState.locale === undefined ? null : zohoLocaleOf[routeState.locale];
  const context = useMemo<ZohoHostContext>(() => ({ pageLoad: accountId === undefined ? {} : { Entity: 'Accounts', EntityId: accountId }, userLocale }), [accountId, userLocale]);
  const search = accountId === undefined ? `?role=${encodeURIComponent(role)}` : '';
  const openRecord = useCallback(({ entity, recordId }: { readonly entity: string; readonly recordId: string }) => {
    const path = entity === 'Accounts' ? openedAccountPath('zoho', recordId, window.location) : undefined;
    if (path === undefined) return false;
    window.location.assign(path);
    return true;
  }, []);
  return (
    <section className="demo-zoho-related" aria-label={text.title} data-testid="zoho-widget-panel">
      <div className="demo-zoho-related__header">
        <h2>{text.title}</h2>
        <button type="button" className="demo-zoho-related__toggle" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          {open ? text.hide : text.show}
        </button>
      </div>
      {open && <ZohoWidgetFrame context={context} search={search} title={text.frame} onOpenRecord={openRecord} />}
    </section>
  );
}
