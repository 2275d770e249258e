import { CrmError } from '@kizuna/crm-core';
import type { AccountContext, EntityName, EntityOf } from '@kizuna/model';
import type { CoqlCondition } from '../coql/coqlText';
import type { ZohoMapping, ZohoMappingKey } from '../defaultMapping';
import type { ZohoGateway } from '../gateway';
import { ACTION_KEY_FIELD } from '../writes/actionTask';
import { ContextBuilder } from './contextBuilder';
import { readPartsInRounds, type PartRead, type RoundStats } from './readParts';

/** The lookup field through which a part's records point at their account. */
export function accountLookupOf(mapping: ZohoMapping[ZohoMappingKey]): string | undefined {
  const source = mapping.fields['accountId'];
  return typeof source === 'string' ? source : source?.[0];
}

/** Tasks Kizuna wrote for accepted actions carry the action key: they are actions, not touchpoints. */
export function touchpointConditions(mapping: ZohoMapping, key: ZohoMappingKey): CoqlCondition[] {
  return key === 'task' && mapping.task.object === 'Tasks' ? [{ field: ACTION_KEY_FIELD, op: 'is null' }] : [];
}

const viewParts: ReadonlyArray<{ readonly key: ZohoMappingKey; readonly entity: EntityName }> = [
  { key: 'contact', entity: 'contact' },
  { key: 'task', entity: 'touchpoint' },
  { key: 'call', entity: 'touchpoint' },
  { key: 'event', entity: 'touchpoint' },
  { key: 'feedback', entity: 'feedback' },
  { key: 'supportCase', entity: 'supportCase' },
  { key: 'opportunity', entity: 'opportunity' },
  { key: 'action', entity: 'action' },
];

/**
 * An account's whole context in one round of COQL calls (the account and each related module,
 * filtered by its account lookup, all sent together), plus one more round per 2,000 further rows of
 * the longest part: a cold view costs 1 round trip for any account with fewer than 2,000 records a
 * part, and at most 3 up to 6,000. Parts the org refuses come back in `unavailable`.
 */
/**
 * Every query is filtered by the account, so a record of another account means a wrong answer (a
 * proxy, a cache, a mapping pointing at the wrong lookup): it is rejected, never shown on this page.
 */
function ownedBy(accountId: string, entity: EntityName, record: object, builder: ContextBuilder): boolean {
  if (!('accountId' in record) || record.accountId === accountId) return true;
  const recordId = 'id' in record && typeof record.id === 'string' ? record.id : undefined;
  builder.rejected.push({ entity, recordId, issues: [{ entity, field: 'accountId', problem: `belongs to another account (${String(record.accountId)})` }] });
  return false;
}

export async function readAccountContext(
  gateway: ZohoGateway,
  mapping: ZohoMapping,
  accountId: string,
  stats: RoundStats,
  signal?: AbortSignal,
): Promise<AccountContext> {
  const reads: PartRead[] = [{ key: 'account', entity: 'account', mapping: mapping.account, where: [{ field: 'id', op: '=', value: accountId }] }];
  for (const part of viewParts) {
    const objectMapping = mapping[part.key];
    const lookup = accountLookupOf(objectMapping);
    if (lookup === undefined) continue;
    reads.push({ key: part.key, entity: part.entity, mapping: objectMapping, where: [{ field: lookup, op: '=', value: accountId }, ...touchpointConditions(mapping, part.key)] });
  }
  const outcomes = await readPartsInRounds(gateway, reads, stats, signal);
  const builder = new ContextBuilder();
  const accountOutcome = outcomes.get('account');
  if (accountOutcome === undefined) throw new CrmError('UNKNOWN', 'The account was not read.');
  if (!accountOutcome.ok) throw new CrmError(accountOutcome.code, `The account could not be read: ${accountOutcome.message}`);
  const [account] = builder.map('account', mapping.account, accountOutcome.rows);
  if (account === undefined) {
    if (accountOutcome.rows.length === 0) throw new CrmError('NOT_FOUND', `Zoho CRM has no account ${accountId} (or this user cannot see it).`);
    const issues = builder.rejected.flatMap((rejected) => rejected.issues.map((issue) => `${issue.field}: ${issue.problem}`));
    throw new CrmError('VALIDATION', `The account ${accountId} does not map to Kizuna's model: ${issues.join('; ')}`);
  }
  const part = <TName extends EntityName>(key: ZohoMappingKey, entity: TName): EntityOf<TName>[] => {
    const outcome = outcomes.get(key);
    if (outcome === undefined) return [];
    if (!outcome.ok) {
      builder.markUnavailable({ entity, code: outcome.code, message: outcome.message });
      return [];
    }
    return builder.map(entity, mapping[key], outcome.rows).filter((record) => ownedBy(account.id, entity, record, builder));
  };
  return {
    account,
    contacts: part('contact', 'contact'),
    touchpoints: [...part('task', 'touchpoint'), ...part('call', 'touchpoint'), ...part('event', 'touchpoint')],
    feedback: part('feedback', 'feedback'),
    supportCases: part('supportCase', 'supportCase'),
    opportunities: part('opportunity', 'opportunity'),
    actions: part('action', 'action'),
    rejected: builder.rejected,
    unavailable: builder.unavailable,
  };
}
