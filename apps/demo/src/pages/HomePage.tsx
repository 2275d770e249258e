import { useDemoPage } from '../demoContext';
import type { DemoHost } from '../routes';
import { LightningDashboard } from '../salesforce/LightningDashboard';
import { CrmShell } from '../shell/CrmShell';
import { demoText, roleKey } from '../shell/demoText';
import { WebDashboard } from '../web/WebDashboard';
import { ZohoWidgetPanel } from '../zoho/ZohoWidgetPanel';

/** The host's home page (Lightning home or app page, Zoho home, a plain page) with the leader's dashboard. */
export function HomePage({ host }: { host: DemoHost }) {
  const { locale, routeState, asOf } = useDemoPage();
  return (
    <CrmShell host={host} title={`${demoText(locale, 'home')} · ${demoText(locale, roleKey(routeState.role))}`}>
      {host === 'salesforce' && <LightningDashboard recordId={undefined} role={routeState.role} scheme={routeState.scheme} />}
      {host === 'web' && <WebDashboard accountId={undefined} role={routeState.role} locale={locale} scheme={routeState.scheme} asOf={asOf} />}
      {host === 'zoho' && <ZohoWidgetPanel accountId={undefined} role={routeState.role} />}
    </CrmShell>
  );
}
