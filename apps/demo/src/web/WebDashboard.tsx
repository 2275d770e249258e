import { defineKizunaDashboard, OPEN_ACCOUNT_EVENT } from '@kizuna/embed-web';
import { useEffect, useRef } from 'react';
import { z } from 'zod';
import { openedAccountPath, type DemoLocale, type DemoRole, type DemoScheme } from '../routes';

const openAccountDetailSchema = z.object({ accountId: z.string() });

/**
 * The page's own navigation for `kizuna-open-account` (a leader's drill-down): it cancels the
 * event and goes to the account's web page, for its account manager, in the same language and theme.
 */
function openAccountPage(event: Event): void {
  const detail = openAccountDetailSchema.safeParse(event instanceof CustomEvent ? event.detail : undefined);
  const path = detail.success ? openedAccountPath('web', detail.data.accountId, window.location) : undefined;
  if (path === undefined) return;
  event.preventDefault();
  window.location.assign(path);
}

export interface WebDashboardProps {
  readonly accountId: string | undefined;
  readonly role: DemoRole;
  readonly locale: DemoLocale;
  readonly scheme: DemoScheme;
  readonly asOf: string;
}

/**
 * A plain web page's way to show Kizuna: the `<kizuna-dashboard>` custom element with attributes;
 * its data source is registered in code (main.tsx registers the simulated Salesforce's), and the
 * page listens for `kizuna-open-account` to open an account the leader chose.
 */
export function WebDashboard({ accountId, role, locale, scheme, asOf }: WebDashboardProps) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = region.current;
    if (host === null) return undefined;
    defineKizunaDashboard();
    const element = document.createElement('kizuna-dashboard');
    // `account-links`: this page opens the accounts a leader chooses (the listener below).
    const attributes: Record<string, string | undefined> = { role, crm: 'salesforce', account: accountId, locale, theme: 'neutral', 'colour-scheme': scheme, 'as-of': asOf, 'account-links': '' };
    for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
    element.addEventListener(OPEN_ACCOUNT_EVENT, openAccountPage);
    host.append(element);
    return () => {
      element.removeEventListener(OPEN_ACCOUNT_EVENT, openAccountPage);
      element.remove();
    };
  }, [accountId, role, locale, scheme, asOf]);
  return <div className="demo-web-region" ref={region} data-testid="web-region" />;
}
