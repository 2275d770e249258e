import { accountListQuery, useCxDataSource, useTranslator, ErrorState, Skeleton } from '@kizuna/widgets';
import { useQuery } from '@tanstack/react-query';
import { accountPath } from '../routes';
import { SalesforceShell } from '../shell/SalesforceShell';

/** Every demo account, read through the same adapter the dashboards use. */
export function AccountListPage() {
  const dataSource = useCxDataSource();
  const translator = useTranslator();
  const query = useQuery(accountListQuery(dataSource));
  return (
    <SalesforceShell title={translator.t('accounts.title')}>
      {query.isPending && <Skeleton lines={8} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data !== undefined && (
        <table className="demo-table">
          <thead>
            <tr>
              <th scope="col">{translator.t('accounts.title')}</th>
              <th scope="col">{translator.t('accounts.arr')}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((account) => (
              <tr key={account.id}>
                <td>
                  <a href={accountPath(account.id, translator.locale)}>{account.name}</a>
                </td>
                <td className="demo-table__number">
                  {translator.formatNumber(account.arr, { style: 'currency', currency: account.currency })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SalesforceShell>
  );
}
