import { createSalesforceDataSource } from '@kizuna/crm-salesforce';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { demoConfig } from './demoConfig';
import { parseRoute } from './routes';
import { startSimulatedCrms } from './simulatedCrms';
import './styles.css';

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) throw new Error('The demo page has no #root element.');
  await startSimulatedCrms();
  const dataSource = createSalesforceDataSource({
    connection: { instanceUrl: demoConfig.salesforceInstanceUrl },
    tokens: () => demoConfig.salesforceAccessToken,
  });
  const routeState = parseRoute(window.location.pathname, window.location.search);
  document.documentElement.lang = routeState.locale;
  createRoot(container).render(<App routeState={routeState} dataSource={dataSource} />);
}

void main();
