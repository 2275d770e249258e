// The baselines: naive per-object fetching, one REST query per object, each paged to the end by
// `nextRecordsUrl`, with the same field lists (the default mapping's fields) the adapter reads.
import type { HttpTransport, ObjectMapping } from '@kizuna/crm-core';
import {
  queryAll,
  queryPages,
  salesforceDefaultMapping,
  selectQuery,
  type EqualsCondition,
  type SalesforceConnection,
} from '@kizuna/crm-salesforce';

/** The objects of one account view and how each is found by the account. */
export type AccountViewPart = 'account' | 'contacts' | 'tasks' | 'events' | 'feedback' | 'cases' | 'opportunities' | 'actions';

const mapping = salesforceDefaultMapping;

function accountViewQueries(accountId: string): ReadonlyArray<readonly [AccountViewPart, string]> {
  const parts: ReadonlyArray<readonly [AccountViewPart, ObjectMapping, readonly EqualsCondition[]]> = [
    ['account', mapping.account, [{ field: 'Id', equals: accountId }]],
    ['contacts', mapping.contact, [{ field: 'AccountId', equals: accountId }]],
    ['tasks', mapping.task, [{ field: 'WhatId', equals: accountId }, { field: 'Kizuna_Action_Key__c', equals: null }]],
    ['events', mapping.event, [{ field: 'WhatId', equals: accountId }]],
    ['feedback', mapping.feedback, [{ field: 'Account__c', equals: accountId }]],
    ['cases', mapping.supportCase, [{ field: 'AccountId', equals: accountId }]],
    ['opportunities', mapping.opportunity, [{ field: 'AccountId', equals: accountId }]],
    ['actions', mapping.action, [{ field: 'WhatId', equals: accountId }, { field: 'Kizuna_Action_Key__c', notNull: true }]],
  ];
  return parts.map(([part, objectMapping, where]) => [part, selectQuery({ mapping: objectMapping, where })] as const);
}

/**
 * Baseline for the account view: the eight objects of the view, one REST query each, one after
 * another, each paged to the end. Returns how many records each part had.
 */
export async function naiveAccountView(
  transport: HttpTransport,
  connection: SalesforceConnection,
  accountId: string,
): Promise<Record<AccountViewPart, number>> {
  const counts = {} as Record<AccountViewPart, number>;
  for (const [part, soql] of accountViewQueries(accountId)) counts[part] = (await queryAll(transport, connection, soql)).length;
  return counts;
}

/** The objects whose rows the business-unit view's KPIs are computed from. */
export type FactObject = 'feedback' | 'supportCase' | 'opportunity' | 'account';

export interface ObjectFetch {
  readonly object: string;
  /** Rows and pages read (their bytes are counted by the caller's transport). */
  readonly rows: number;
  readonly pages: number;
  /** Whether paging stopped early (`maxPages`): the caller then extrapolates, and says so. */
  readonly stoppedEarly: boolean;
}

/** The API name of a fact object under the default mapping. */
export function objectNameOf(object: FactObject): string {
  return (object === 'account' ? mapping.account : mapping[object]).object;
}

/**
 * Baseline for the business-unit view: every row of an object with the mapped fields, page by
 * page (2,000 rows a page, the REST default and maximum). Rows are counted, not kept. With
 * `maxPages`, stops after that many pages.
 */
export async function naiveObjectFetch(
  transport: HttpTransport,
  connection: SalesforceConnection,
  object: FactObject,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<ObjectFetch> {
  const soql = selectQuery({ mapping: object === 'account' ? mapping.account : mapping[object] });
  let rows = 0;
  let pages = 0;
  let stoppedEarly = false;
  for await (const page of queryPages(transport, connection, soql)) {
    rows += page.length;
    pages += 1;
    if (pages >= maxPages) {
      stoppedEarly = true;
      break;
    }
  }
  return { object: objectNameOf(object), rows, pages, stoppedEarly };
}
