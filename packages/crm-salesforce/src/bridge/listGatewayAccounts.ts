import { CrmError, mapRecord } from '@kizuna/crm-core';
import type { Account, AccountSummary } from '@kizuna/model';
import type { SalesforceMapping } from '../defaultMapping';
import { fieldsWithId } from './accountContextPlan';
import { pagedQuery, readListsToEnd, type ReadContext } from './readRounds';

function summaryOf(account: Account): AccountSummary {
  const { id, name, businessUnitId, segmentId, arr, currency } = account;
  return { id, name, businessUnitId, segmentId, arr, currency };
}

/** Every account the user can see, read a page at a time (keyset on Id), sorted by name; invalid records are left out. */
export async function listGatewayAccounts(context: ReadContext & { readonly mapping: SalesforceMapping; readonly pageSize: number }): Promise<AccountSummary[]> {
  const { mapping } = context;
  const query = pagedQuery({ kind: 'records', object: mapping.account.object, fields: fieldsWithId(mapping.account), where: [] }, context.pageSize);
  const answer = (await readListsToEnd(context, new Map([['accounts', query]]))).get('accounts');
  if (answer === undefined) throw new CrmError('MALFORMED_RESPONSE', 'The Apex gateway did not answer the account list.');
  if (!answer.ok) throw answer.error;
  const summaries = answer.records.flatMap((record) => {
    const result = mapRecord('account', mapping.account, record);
    return result.ok ? [summaryOf(result.value)] : [];
  });
  return summaries.sort((a, b) => a.name.localeCompare(b.name));
}
