import { accountListQuery, ErrorState, Skeleton, useCxDataSource, useTranslator } from '@kizuna/widgets';
import { useQuery } from '@tanstack/react-query';
import { useDemoPage } from '../demoContext';
import { accountPath, demoHosts, demoRoles, homePath, type DemoHost } from '../routes';
import { CrmShell } from '../shell/CrmShell';
import { demoText, hostKey, roleKey } from '../shell/demoText';
import { zohoAccountDirectory } from '../zoho/zohoAccountDirectory';

/** Hosts whose pages the demo serves today. */
export const availableHosts: readonly DemoHost[] = demoHosts;

/** The account's id on a host: Zoho pages are addressed by the account's 19-digit Zoho id. */
function hostIdOf(host: DemoHost, salesforceId: string): string | undefined {
  return host === 'zoho' ? zohoAccountDirectory.zohoIdOf(salesforceId) : salesforceId;
}

/** Every demo account, read through the REST adapter, linking to its page on each host; and the home pages. */
export function AccountListPage() {
  const dataSource = useCxDataSource();
  const translator = useTranslator();
  const { locale, routeState } = useDemoPage();
  const options = { locale: routeState.locale, scheme: routeState.scheme };
  const query = useQuery(accountListQuery(dataSource));
  return (
    <CrmShell host={undefined} title={demoText(locale, 'allAccounts')}>
      <section className="demo-panel" aria-labelledby="demo-home-pages">
        <h2 id="demo-home-pages">{demoText(locale, 'homePages')}</h2>
        <ul className="demo-home-links">
          {availableHosts.flatMap((host) =>
            demoRoles
              .filter((role) => role !== 'account-manager')
              .map((role) => (
                <li key={`${host}-${role}`}>
                  <a href={homePath(host, { ...options, role })}>
                    {demoText(locale, hostKey(host))} · {demoText(locale, roleKey(role))}
                  </a>
                </li>
              )),
          )}
        </ul>
      </section>
      <section className="demo-panel demo-panel--wide" aria-labelledby="demo-accounts">
        <h2 id="demo-accounts">{demoText(locale, 'accounts')}</h2>
        {query.isPending && <Skeleton lines={8} />}
        {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
        {query.data !== undefined && (
          <table className="demo-table">
            <thead>
              <tr>
                <th scope="col">{demoText(locale, 'account')}</th>
                <th scope="col">{demoText(locale, 'arr')}</th>
                <th scope="col">{demoText(locale, 'openIn')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((account) => (
                <tr key={account.id}>
                  <td>
                    <a href={accountPath('salesforce', account.id, options)}>{account.name}</a>
                  </td>
                  <td className="demo-table__number">{translator.formatNumber(account.arr, { style: 'currency', currency: account.currency })}</td>
                  <td className="demo-table__hosts">
                    {availableHosts.map((host) => {
                      const hostId = hostIdOf(host, account.id);
                      return hostId === undefined ? null : (
                        <a key={host} href={accountPath(host, hostId, options)} data-host={host}>
                          {demoText(locale, hostKey(host))}
                        </a>
                      );
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </CrmShell>
  );
}
