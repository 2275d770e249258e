// First: zod must not compile parsers with `new Function` under the page's strict CSP.
import '../../../../packages/embed-web/src/cspSafeZod';
import '@kizuna/widgets/styles.css';
import { createDatasetDataSource } from '@kizuna/metrics';
import { Dashboard, dashboardRoles, type DashboardRole } from '@kizuna/widgets';
import { createRoot } from 'react-dom/client';
import { xssAsOf, xssOrganisation } from '../xssOrganisation';

/**
 * The real `Dashboard` of the role named in `?role=` (and `?account=` for the account manager)
 * over an organisation whose user-typed fields are XSS payloads, read in memory through
 * `createDatasetDataSource` (the path exported data and the demo's preview take).
 */
const params = new URLSearchParams(window.location.search);
const role: DashboardRole = dashboardRoles.find((candidate) => candidate === params.get('role')) ?? 'bu-leader';
const accountId = params.get('account') ?? undefined;
const dataSource = createDatasetDataSource(xssOrganisation(), {
  user: { id: 'user-xss', name: 'Test User', locale: 'en-US', timeZone: 'Asia/Tokyo' },
  kind: 'web',
  factTables: { health: { asOf: xssAsOf } },
});
const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root.');
createRoot(root).render(
  <Dashboard
    role={role}
    {...(accountId === undefined ? {} : { accountId })}
    locale="en"
    theme="neutral"
    colourScheme="light"
    asOf={xssAsOf}
    timeZone="Asia/Tokyo"
    dataSource={dataSource}
  />,
);
