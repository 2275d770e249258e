import { defineKizunaDashboard } from '@kizuna/embed-web';
import { useEffect, useRef } from 'react';
import type { DemoLocale, DemoRole, DemoScheme } from '../routes';

export interface WebDashboardProps {
  readonly accountId: string | undefined;
  readonly role: DemoRole;
  readonly locale: DemoLocale;
  readonly scheme: DemoScheme;
  readonly asOf: string;
}

/**
 * A plain web page's way to show Kizuna: the `<kizuna-dashboard>` custom element with attributes;
 * its data source is registered in code (main.tsx registers the simulated Salesforce's).
 */
export function WebDashboard({ accountId, role, locale, scheme, asOf }: WebDashboardProps) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = region.current;
    if (host === null) return undefined;
    defineKizunaDashboard();
    const element = document.createElement('kizuna-dashboard');
    const attributes: Record<string, string | undefined> = { role, crm: 'salesforce', account: accountId, locale, theme: 'neutral', 'colour-scheme': scheme, 'as-of': asOf };
    for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
    host.append(element);
    return () => element.remove();
  }, [accountId, role, locale, scheme, asOf]);
  return <div className="demo-web-region" ref={region} data-testid="web-region" />;
}
