import { accountContextQuery, AccountNpsWidget, useCxDataSource } from '@kizuna/widgets';
import { useQuery } from '@tanstack/react-query';
import { demoConfig } from '../demoConfig';
import { SalesforceShell } from '../shell/SalesforceShell';

/** A Salesforce Account record page with Kizuna's account-manager widgets on it. */
export function SalesforceAccountPage({ accountId }: { accountId: string }) {
  const dataSource = useCxDataSource();
  const context = useQuery(accountContextQuery(dataSource, accountId));
  return (
    <SalesforceShell title={context.data?.account.name ?? accountId} subtitle="Account">
      <AccountNpsWidget accountId={accountId} asOf={demoConfig.asOf} />
    </SalesforceShell>
  );
}
