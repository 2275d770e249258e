import { accountListQuery, useCxDataSource, useTranslator } from '@kizuna/widgets';
import { useQuery } from '@tanstack/react-query';
import { useDemoPage } from '../demoContext';
import type { DemoHost } from '../routes';
import { LightningDashboard } from '../salesforce/LightningDashboard';
import { CrmShell } from '../shell/CrmShell';
import { demoText } from '../shell/demoText';
import { WebDashboard } from '../web/WebDashboard';
import { zohoAccountDirectory } from '../zoho/zohoAccountDirectory';
import { ZohoWidgetPanel } from '../zoho/ZohoWidgetPanel';

/**
 * An Account record page of the host CRM with Kizuna's dashboard on it. The record header is the
 * CRM's own (read over its REST API); the dashboard is the host's real embed.
 */
export function AccountPage({ host, accountId }: { host: DemoHost; accountId: string }) {
  const dataSource = useCxDataSource();
  const translator = useTranslator();
  const { locale, routeState, asOf } = useDemoPage();
  const accounts = useQuery(accountListQuery(dataSource));
  // The shell reads accounts by their Salesforce ids; a Zoho page is addressed by the Zoho id of the same account.
  const listId = host === 'zoho' ? zohoAccountDirectory.salesforceIdOf(accountId) : accountId;
  const account = accounts.data?.find((candidate) => candidate.id === listId);
  const highlights = account === undefined ? [] : [{ label: demoText(locale, 'arr'), value: translator.formatNumber(account.arr, { style: 'currency', currency: account.currency }) }];
  return (
    <CrmShell host={host} recordType={demoText(locale, 'account')} title={account?.name ?? accountId} highlights={highlights}>
      {host === 'salesforce' && <LightningDashboard recordId={accountId} role={routeState.role} scheme={routeState.scheme} />}
      {host === 'web' && <WebDashboard accountId={accountId} role={routeState.role} locale={locale} scheme={routeState.scheme} asOf={asOf} />}
      {host === 'zoho' && <ZohoWidgetPanel accountId={accountId} role={routeState.role} />}
    </CrmShell>
  );
}
