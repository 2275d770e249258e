import { CrmError, type ObjectMapping } from '@kizuna/crm-core';
import type { AccountContext, EntityName } from '@kizuna/model';
import type { SalesforceMapping } from '../defaultMapping';
import { accountContextPlan, type ChildEntity } from './accountContextPlan';
import type { GatewayFieldValue, GatewayRecord } from './gatewayResults';
import { ContextBuilder, partErrorCodes } from '../contextBuilder';
import { readPagesToEnd, readQueries, type PagedPart, type QueryAnswer, type ReadContext } from './readRounds';

class GatewayContextBuilder extends ContextBuilder {
  /** The records of an answered part; a refused part is noted as unavailable (or, if it is not a part error, thrown). */
  recordsOf(answer: QueryAnswer | undefined, entity: EntityName): readonly GatewayRecord[] {
    if (answer === undefined) throw new CrmError('MALFORMED_RESPONSE', `The Apex gateway did not answer the ${entity} query.`);
    if (answer.ok) return answer.records;
    if (!partErrorCodes.has(answer.error.code)) throw answer.error;
    this.markUnavailable({ entity, code: answer.error.code, message: answer.error.message });
    return [];
  }
}

/** `Array.isArray` does not narrow readonly arrays. */
const isRecordList = (value: GatewayFieldValue | undefined): value is readonly GatewayRecord[] => Array.isArray(value);

/** A child relationship's records: an array (Apex-built JSON), `{ done: true, records }` (`JSON.serialize`), or nothing. */
function childRecords(value: GatewayFieldValue | undefined, entity: ChildEntity): readonly GatewayRecord[] {
  if (value === undefined || value === null) return [];
  if (isRecordList(value)) return value;
  if (typeof value === 'object' && value['done'] === true && isRecordList(value['records'])) return value['records'];
  throw new CrmError('MALFORMED_RESPONSE', `The ${entity} of the account came back neither as a list of records nor as a complete child result.`);
}

function accountRecordOf(answers: ReadonlyMap<string, QueryAnswer>, accountId: string): GatewayRecord {
  const answer = answers.get('account');
  if (answer === undefined) throw new CrmError('MALFORMED_RESPONSE', 'The Apex gateway did not answer the account query.');
  if (!answer.ok) throw answer.error;
  const [record] = answer.records;
  if (record === undefined) throw new CrmError('NOT_FOUND', `No account ${accountId} is visible to this user.`);
  return record;
}

/**
 * The whole account context through the Apex gateway, in one `read` call (more only for lists
 * longer than a page): records mapped through the same mapping and `mapRecord` as the REST path,
 * invalid records in `rejected`, refused parts in `unavailable`.
 */
export async function readGatewayAccountContext(
  accountId: string,
  context: ReadContext & { readonly mapping: SalesforceMapping; readonly pageSize: number },
): Promise<AccountContext> {
  const { mapping } = context;
  const plan = accountContextPlan(accountId, mapping, context.pageSize);
  const first = await readQueries(context, new Map([['account', plan.account], ...plan.separate.map((part) => [part.name, part.query] as const)]));
  const accountRecord = accountRecordOf(first, accountId);
  const builder = new GatewayContextBuilder();
  const [account] = builder.map('account', mapping.account, [accountRecord]);
  if (account === undefined) {
    const issues = builder.rejected.flatMap((entry) => entry.issues).map((issue) => `${issue.field} ${issue.problem}`);
    throw new CrmError('MALFORMED_RESPONSE', `Account ${accountId} could not be read: ${issues.join('; ')}`);
  }
  const seeds = new Map<string, PagedPart>(plan.children.map((child) => [child.entity, { query: child.followUp, records: childRecords(accountRecord[child.relationship], child.entity) }]));
  for (const part of plan.separate) seeds.set(part.name, { query: part.query, records: builder.recordsOf(first.get(part.name), part.entity) });
  const all = await readPagesToEnd(context, seeds);
  const records = (name: string, entity: EntityName) => builder.recordsOf(all.get(name), entity);
  const collect = <TName extends EntityName>(name: string, entity: TName, objectMapping: ObjectMapping) => builder.map(entity, objectMapping, records(name, entity));
  const listOf = <TName extends ChildEntity>(entity: TName, objectMapping: ObjectMapping) => collect(entity, entity, objectMapping);
  const touchpoints = [...collect('tasks', 'touchpoint', mapping.task), ...collect('events', 'touchpoint', mapping.event)];
  return {
    account,
    contacts: listOf('contact', mapping.contact),
    touchpoints: touchpoints.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
    feedback: collect('feedback', 'feedback', mapping.feedback),
    supportCases: listOf('supportCase', mapping.supportCase),
    opportunities: listOf('opportunity', mapping.opportunity),
    actions: collect('actions', 'action', mapping.action),
    rejected: builder.rejected,
    unavailable: builder.unavailable,
  };
}
