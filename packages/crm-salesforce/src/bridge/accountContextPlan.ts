import { mappedCrmFields, type ObjectMapping } from '@kizuna/crm-core';
import type { EntityName } from '@kizuna/model';
import type { SalesforceMapping } from '../defaultMapping';
import { ACTION_KEY_FIELD } from '../writes/actionTask';
import type { GatewayCondition, GatewayRecordQuery } from './gatewayContract';
import { ACCOUNT_CHILD_RELATIONSHIPS } from './gatewayAllowlist';
import { pagedQuery } from './readRounds';

export type ChildEntity = 'contact' | 'supportCase' | 'opportunity';

/** Contacts, cases or opportunities read as a subquery of the account, and how to page past the first page. */
export interface ChildPart {
  readonly entity: ChildEntity;
  readonly mapping: ObjectMapping;
  readonly relationship: string;
  /** The same rows as a query of their own: later pages are read with it (`Id > :last`). */
  readonly followUp: GatewayRecordQuery & { readonly limit: number };
}

/** A part read as a query of its own (feedback, tasks, events, actions; children the account cannot hold). */
export interface SeparatePart {
  readonly name: string;
  readonly entity: EntityName;
  readonly mapping: ObjectMapping;
  readonly query: GatewayRecordQuery & { readonly limit: number };
}

export interface AccountContextPlan {
  readonly account: GatewayRecordQuery;
  readonly children: readonly ChildPart[];
  readonly separate: readonly SeparatePart[];
}

/** A mapping's fields, with `Id` (keyset paging needs it) even when the mapping does not map it. */
export function fieldsWithId(mapping: ObjectMapping): string[] {
  const fields = mappedCrmFields(mapping);
  return fields.includes('Id') ? fields : ['Id', ...fields];
}

function accountLookupOf(mapping: ObjectMapping): string {
  const lookup = mapping.fields['accountId'];
  return typeof lookup === 'string' ? lookup : 'AccountId';
}

function recordQuery(mapping: ObjectMapping, where: GatewayCondition[], pageSize: number): GatewayRecordQuery & { readonly limit: number } {
  return pagedQuery({ kind: 'records', object: mapping.object, fields: fieldsWithId(mapping), where }, pageSize);
}

/**
 * The account context as one read plan, the same data as the REST composite reads
 * (composite/readAccountContext.ts): the account with contacts, cases and opportunities as child
 * subqueries, then feedback, tasks (not Kizuna's action tasks), events and the action tasks as
 * queries of their own. Every list is ordered by Id and read a page at a time.
 */
export function accountContextPlan(accountId: string, mapping: SalesforceMapping, pageSize: number): AccountContextPlan {
  const byAccount = (field: string): GatewayCondition[] => [{ field, op: 'eq', value: accountId }];
  const candidates: Array<{ entity: ChildEntity; mapping: ObjectMapping }> = [
    { entity: 'contact', mapping: mapping.contact },
    { entity: 'supportCase', mapping: mapping.supportCase },
    { entity: 'opportunity', mapping: mapping.opportunity },
  ];
  const children: ChildPart[] = [];
  const separate: SeparatePart[] = [];
  for (const candidate of candidates) {
    const relationship = ACCOUNT_CHILD_RELATIONSHIPS[candidate.mapping.object];
    const followUp = recordQuery(candidate.mapping, byAccount(accountLookupOf(candidate.mapping)), pageSize);
    if (relationship === undefined) separate.push({ name: candidate.entity, ...candidate, query: followUp });
    else children.push({ ...candidate, relationship, followUp });
  }
  separate.push(
    { name: 'feedback', entity: 'feedback', mapping: mapping.feedback, query: recordQuery(mapping.feedback, byAccount(accountLookupOf(mapping.feedback)), pageSize) },
    { name: 'tasks', entity: 'touchpoint', mapping: mapping.task, query: recordQuery(mapping.task, [...byAccount('WhatId'), { field: ACTION_KEY_FIELD, op: 'isNull' }], pageSize) },
    { name: 'events', entity: 'touchpoint', mapping: mapping.event, query: recordQuery(mapping.event, byAccount('WhatId'), pageSize) },
    { name: 'actions', entity: 'action', mapping: mapping.action, query: recordQuery(mapping.action, [...byAccount('WhatId'), { field: ACTION_KEY_FIELD, op: 'notNull' }], pageSize) },
  );
  const account: GatewayRecordQuery = {
    kind: 'records',
    object: mapping.account.object,
    fields: fieldsWithId(mapping.account),
    where: byAccount('Id'),
    children: children.map((child) => ({
      relationship: child.relationship,
      fields: child.followUp.fields,
      limit: child.followUp.limit,
      ...(child.followUp.orderBy === undefined ? {} : { orderBy: child.followUp.orderBy }),
    })),
  };
  return { account, children, separate };
}
