import { useEffect, useRef } from 'react';
import { createElement, KizunaDashboard } from 'virtual:kizuna-lwc-host';
import type { DemoRole, DemoScheme } from '../routes';

export interface LightningDashboardProps {
  /** The Account the record page shows; absent on home pages. */
  readonly recordId: string | undefined;
  readonly role: DemoRole;
  readonly scheme: DemoScheme;
}

/**
 * Places the real `kizunaDashboard` Lightning Web Component on the page, as Lightning does: the
 * engine creates `<c-kizuna-dashboard>`, the page sets its public properties (the record, the
 * design properties an administrator chose), and removing it runs its `disconnectedCallback`.
 */
export function LightningDashboard({ recordId, role, scheme }: LightningDashboardProps) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = region.current;
    if (host === null) return undefined;
    const element = createElement('c-kizuna-dashboard', { is: KizunaDashboard });
    Object.assign(element, {
      ...(recordId === undefined ? {} : { recordId, objectApiName: 'Account' }),
      role,
      period: 'current',
      theme: scheme,
    });
    host.append(element);
    return () => element.remove();
  }, [recordId, role, scheme]);
  return <div className="demo-lightning-region" ref={region} data-testid="lightning-region" />;
}
