import { getField, composeQuery, type FieldType, type Query } from '@jetstreamapp/soql-parser-js';
import { CrmError, mappedCrmFields, type HttpTransport, type ObjectMapping } from '@kizuna/crm-core';
import type { AccountContext, EntityName, EntityOf, Feedback, ReadOptions, UnavailablePart } from '@kizuna/model';
import type { SalesforceConnection } from '../connection';
import type { SalesforceMapping } from '../defaultMapping';
import { asQueryPage, completeQueryResult, type SalesforceRecord } from '../restQuery';
import { selectQuery, soqlStringLiteral, type EqualsCondition } from '../soql';
import { ContextBuilder, partErrorCodes } from '../contextBuilder';
import { surveyFeedbackFromParts, surveyFeedbackSubrequests } from '../surveys/readSurveyFeedback';
import { sendComposite, subrequestError, type CompositeSubrequest, type CompositeSubresponse } from './compositeRequest';

/** Child relationships of Account for the standard objects Kizuna reads as subqueries. */
const accountChildren = { Contact: 'Contacts', Case: 'Cases', Opportunity: 'Opportunities' } as const;


interface ChildPart {
  readonly entity: 'contact' | 'supportCase' | 'opportunity';
  readonly mapping: ObjectMapping;
}

function accountQuery(accountId: string, mapping: SalesforceMapping, children: readonly ChildPart[]): string {
  const subqueries: FieldType[] = children.map((child) => ({
    type: 'FieldSubquery',
    subquery: {
      relationshipName: accountChildren[child.mapping.object as keyof typeof accountChildren],
      fields: mappedCrmFields(child.mapping).map((field) => getField(field)),
    },
  }));
  const query: Query = {
    sObject: mapping.account.object,
    fields: [...mappedCrmFields(mapping.account).map((field) => getField(field)), ...subqueries],
    where: { left: { field: 'Id', operator: '=', value: soqlStringLiteral(accountId), literalType: 'STRING' } },
  };
  return composeQuery(query);
}

function queryUrlOf(connection: SalesforceConnection, soql: string): string {
  return `/services/data/${connection.apiVersion}/query?q=${encodeURIComponent(soql)}`;
}

interface Plan {
  readonly subrequests: CompositeSubrequest[];
  readonly children: ChildPart[];
  readonly separate: Array<{ referenceId: string; entity: EntityName; mapping: ObjectMapping }>;
}

/** Where an org keeps feedback: Kizuna's own object, or Salesforce Feedback Management (Surveys). */
export type FeedbackSource = 'kizuna' | 'surveys';

/**
 * Tasks are read once for both touchpoints and the actions Kizuna wrote (told apart by the action
 * key), which keeps the composite within its five queries when feedback comes from Surveys.
 */
function taskQueryMapping(mapping: SalesforceMapping): ObjectMapping {
  const actionFields = Object.fromEntries(Object.entries(mapping.action.fields).map(([field, source]) => [`action.${field}`, source]));
  return { ...mapping.task, fields: { ...mapping.task.fields, ...actionFields } };
}

/** The composite request for one account: the account with standard children as subqueries, the rest as queries. */
function planFor(accountId: string, mapping: SalesforceMapping, connection: SalesforceConnection, feedbackSource: FeedbackSource): Plan {
  const candidates: ChildPart[] = [
    { entity: 'contact', mapping: mapping.contact },
    { entity: 'supportCase', mapping: mapping.supportCase },
    { entity: 'opportunity', mapping: mapping.opportunity },
  ];
  const children = candidates.filter((child) => child.mapping.object in accountChildren);
  const byAccount = (field: string): EqualsCondition[] => [{ field, equals: accountId }];
  const separate: Plan['separate'] = [
    ...candidates.filter((child) => !children.includes(child)).map((child) => ({ referenceId: child.entity, entity: child.entity, mapping: child.mapping })),
    ...(feedbackSource === 'kizuna' ? [{ referenceId: 'feedback', entity: 'feedback' as const, mapping: mapping.feedback }] : []),
    { referenceId: 'tasks', entity: 'touchpoint', mapping: taskQueryMapping(mapping) },
    { referenceId: 'events', entity: 'touchpoint', mapping: mapping.event },
  ];
  const lookups: Record<string, EqualsCondition[]> = { tasks: byAccount('WhatId'), events: byAccount('WhatId') };
  const subrequests: CompositeSubrequest[] = [
    { method: 'GET', referenceId: 'account', url: queryUrlOf(connection, accountQuery(accountId, mapping, children)) },
    ...separate.map((part) => {
      const lookup = part.mapping.fields['accountId'];
      const where = lookups[part.referenceId] ?? byAccount(typeof lookup === 'string' ? lookup : 'AccountId');
      return { method: 'GET' as const, referenceId: part.referenceId, url: queryUrlOf(connection, selectQuery({ mapping: part.mapping, where })) };
    }),
    ...(feedbackSource === 'surveys' ? surveyFeedbackSubrequests(accountId, connection) : []),
  ];
  return { subrequests, children, separate };
}

async function partRecords(
  part: CompositeSubresponse | undefined,
  entity: EntityName,
  builder: ContextBuilder,
  follow: (page: ReturnType<typeof asQueryPage>) => Promise<SalesforceRecord[]>,
): Promise<SalesforceRecord[]> {
  if (part === undefined) throw new CrmError('MALFORMED_RESPONSE', `The composite response has no ${entity} part.`);
  if (part.httpStatusCode === 200) return follow(asQueryPage(part.body, `the ${entity} query result`));
  const error = subrequestError(part);
  if (!partErrorCodes.has(error.code)) throw error;
  builder.unavailable.push({ entity, code: error.code, message: error.message });
  return [];
}

/**
 * The whole account context in one round trip: a composite request with the account (contacts,
 * cases and opportunities as child subqueries), feedback (Kizuna's object, or the two Survey
 * queries), tasks (touchpoints and the actions Kizuna wrote) and events — at most five queries. Extra round trips
 * happen only when a result (or a child result) needs paging. A part the org refuses (missing
 * object or field, no access) is reported in `unavailable`; the rest is still returned.
 */
export async function readAccountContext(
  accountId: string,
  context: { transport: HttpTransport; connection: SalesforceConnection; mapping: SalesforceMapping; feedbackSource?: FeedbackSource },
  options: ReadOptions = {},
): Promise<AccountContext> {
  const { transport, connection, mapping } = context;
  const feedbackSource = context.feedbackSource ?? 'kizuna';
  const plan = planFor(accountId, mapping, connection, feedbackSource);
  const parts = await sendComposite(transport, connection, plan.subrequests, options.signal ? { signal: options.signal } : {});
  const follow = (page: ReturnType<typeof asQueryPage>) => completeQueryResult(transport, connection, page, options.signal);
  const builder = new ContextBuilder();
  const accountPart = parts.get('account');
  if (accountPart !== undefined && accountPart.httpStatusCode !== 200) throw subrequestError(accountPart);
  const [accountRecord] = await partRecords(accountPart, 'account', builder, follow);
  if (accountRecord === undefined) throw new CrmError('NOT_FOUND', `No account ${accountId} is visible to this user.`);
  const [account] = builder.map('account', mapping.account, [accountRecord]);
  if (account === undefined) {
    const issues = builder.rejected.flatMap((entry) => entry.issues).map((issue) => `${issue.field} ${issue.problem}`);
    throw new CrmError('MALFORMED_RESPONSE', `Account ${accountId} could not be read: ${issues.join('; ')}`);
  }
  const childRecords = async (child: ChildPart) => {
    const value = accountRecord[accountChildren[child.mapping.object as keyof typeof accountChildren]];
    return value === null || value === undefined ? [] : follow(asQueryPage(value, `the ${child.entity} subquery result`));
  };
  const separate = await Promise.all(
    plan.separate.map(async (part) => [part, await partRecords(parts.get(part.referenceId), part.entity, builder, follow)] as const),
  );
  const collect = async <TName extends 'contact' | 'supportCase' | 'opportunity'>(entity: TName): Promise<EntityOf<TName>[]> => {
    const child = plan.children.find((candidate) => candidate.entity === entity);
    if (child !== undefined) return builder.map(entity, child.mapping, await childRecords(child));
    const part = separate.find(([candidate]) => candidate.entity === entity);
    return part === undefined ? [] : builder.map(entity, part[0].mapping, part[1]);
  };
  const ofPart = (referenceId: string) => separate.find(([part]) => part.referenceId === referenceId);
  const mapPart = <TName extends EntityName>(referenceId: string, entity: TName): EntityOf<TName>[] => {
    const part = ofPart(referenceId);
    return part === undefined ? [] : builder.map(entity, part[0].mapping, part[1]);
  };
  const [contacts, supportCases, opportunities] = await Promise.all([collect('contact'), collect('supportCase'), collect('opportunity')]);
  const keyField = mapping.action.fields['idempotencyKey'];
  const taskRecords = ofPart('tasks')?.[1] ?? [];
  const isAction = (record: SalesforceRecord) => typeof keyField === 'string' && typeof record[keyField] === 'string' && record[keyField] !== '';
  const touchpoints = [...builder.map('touchpoint', mapping.task, taskRecords.filter((record) => !isAction(record))), ...mapPart('events', 'touchpoint')].sort(
    (a, b) => a.occurredAt.localeCompare(b.occurredAt),
  );
  const feedback = feedbackSource === 'kizuna' ? mapPart('feedback', 'feedback') : await surveyFeedback(accountId, parts, { transport, connection }, builder, options);
  const owned = ownedBy(account.id, builder);
  return {
    account,
    contacts: owned('contact', contacts),
    touchpoints: owned('touchpoint', touchpoints),
    feedback: owned('feedback', feedback),
    supportCases: owned('supportCase', supportCases),
    opportunities: owned('opportunity', opportunities),
    actions: owned('action', builder.map('action', mapping.action, taskRecords.filter(isAction))),
    rejected: builder.rejected,
    unavailable: dedupe(builder.unavailable),
  };
}

/**
 * Keeps the records that belong to the account asked for. Every query is filtered by the account,
 * so a record of another account means a wrong answer (a proxy, a cache, a mapping pointing at the
 * wrong lookup): it is rejected, never shown on this account's page.
 */
function ownedBy(accountId: string, builder: ContextBuilder) {
  return <TName extends EntityName, TRecord extends { readonly id: string; readonly accountId: string }>(entity: TName, records: readonly TRecord[]): TRecord[] =>
    records.filter((record) => {
      if (record.accountId === accountId) return true;
      builder.rejected.push({ entity, recordId: record.id, issues: [{ entity, field: 'accountId', problem: `belongs to another account (${record.accountId})` }] });
      return false;
    });
}

/** Feedback from Surveys; a refused survey object loses the feedback part only. */
async function surveyFeedback(
  accountId: string,
  parts: ReadonlyMap<string, CompositeSubresponse>,
  context: { transport: HttpTransport; connection: SalesforceConnection },
  builder: ContextBuilder,
  options: ReadOptions,
): Promise<Feedback[]> {
  try {
    const result = await surveyFeedbackFromParts(accountId, parts, context, options);
    builder.rejected.push(...result.rejected);
    return result.feedback;
  } catch (error) {
    if (!(error instanceof CrmError) || !partErrorCodes.has(error.code)) throw error;
    builder.unavailable.push({ entity: 'feedback', code: error.code, message: error.message });
    return [];
  }
}

function dedupe(parts: readonly UnavailablePart[]): UnavailablePart[] {
  const seen = new Set<string>();
  return parts.filter((part) => {
    const key = `${part.entity}:${part.code}:${part.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
