import './zodJitless';
import { createSalesforceDataSource } from '@kizuna/crm-salesforce';
import { registerDataSourceFactory } from '@kizuna/embed-web';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { demoConfig } from './demoConfig';
import { loadDemoDataset } from './demoDataset';
import { parseRoute } from './routes';
import { demoText } from './shell/demoText';
import { startSimulatedCrms } from './simulatedCrms';
import './styles.css';

async function main(container: HTMLElement): Promise<void> {
  const routeState = parseRoute(window.location.pathname, window.location.search);
  // Without `?lang=`, each host's shell speaks its simulated user's language, as the embed inside it does.
  const route = routeState.route;
  const hostLocale = 'host' in route && route.host === 'zoho' ? demoConfig.zohoUserLocale : demoConfig.salesforceUser.locale;
  const locale = routeState.locale ?? (hostLocale.startsWith('ja') ? 'ja' : 'en');
  document.documentElement.lang = locale;
  document.documentElement.dataset['scheme'] = routeState.scheme;
  container.textContent = demoText(locale, 'loading');

  const data = await loadDemoDataset();
  await startSimulatedCrms(data);
  // The shell's own reads, and the data source the plain web page registers for `<kizuna-dashboard crm="salesforce">`.
  const dataSource = createSalesforceDataSource({
    connection: { instanceUrl: demoConfig.salesforceInstanceUrl },
    tokens: () => demoConfig.salesforceAccessToken,
  });
  registerDataSourceFactory('salesforce', () => dataSource);
  container.textContent = '';
  createRoot(container).render(<App page={{ routeState, locale, asOf: data.asOf, source: data.source }} dataSource={dataSource} />);
}

const container = document.getElementById('root');
if (container === null) throw new Error('The demo page has no #root element.');
main(container).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  container.replaceChildren(Object.assign(document.createElement('p'), { role: 'alert', className: 'demo-failed', textContent: `Kizuna demo: ${message}` }));
  console.error(error);
});
