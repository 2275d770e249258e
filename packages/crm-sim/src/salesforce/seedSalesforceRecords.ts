import type { CanonicalDataset, Contact, Touchpoint } from '@kizuna/model';
import { createIdSequence } from './salesforceId';
import type { SalesforceObjectSpec } from './salesforceSchema';
import type { FieldValue, MutableRecord } from './storedRecord';
import { utcDateOf } from './storedRecord';
import {
  actionTaskRecord,
  caseRecord,
  employeePulseRecord,
  feedbackRecord,
  opportunityRecord,
  type SeedContext,
} from './seedRecordMappers';
import { seedSurveyRecords } from './seedSurveyRecords';
import { MULTI_CURRENCY_FIELD } from './salesforceObjectSpecs';

/** Canonical entities that become Salesforce records, and so have a Salesforce id. */
export type SeededEntity =
  | 'account'
  | 'contact'
  | 'touchpoint'
  | 'feedback'
  | 'supportCase'
  | 'opportunity'
  | 'employeePulse'
  | 'action'
  /** The SurveyResponse of a canonical feedback row (orgs created with `{ surveys: true }`). */
  | 'surveyResponse';

export interface SeedOptions {
  /** Also lay feedback out as Feedback Management records (the specs must include them). */
  readonly surveys?: boolean;
  /**
   * The org's currencies: multi-currency (records keep their `CurrencyIsoCode`, `CurrencyType` lists
   * the currencies with `corporate` marked) or single-currency (records have no currency field; the
   * org's one currency is `Organization.DefaultCurrencyIsoCode`). Default: multi-currency, the
   * corporate currency the one most accounts use.
   */
  readonly currencies?: { readonly multiCurrency: boolean; readonly corporate: string };
}

/** The currency most accounts use (USD for a dataset without accounts): the default corporate currency. */
export function mostUsedCurrency(dataset: CanonicalDataset): string {
  const counts = new Map<string, number>();
  for (const account of dataset.accounts) counts.set(account.currency, (counts.get(account.currency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'USD';
}

export interface SeededOrgData {
  /** Records by object API name, in seeding order (ids ascend in that order). */
  readonly records: ReadonlyMap<string, MutableRecord[]>;
  /** Entity → canonical id → 18-char Salesforce id. */
  readonly salesforceIds: ReadonlyMap<SeededEntity, ReadonlyMap<string, string>>;
  /** The next id of an object's sequence: records created later continue after the seeded ones. */
  nextId(objectName: string): string;
}

const meetingChannels = new Set<Touchpoint['channel']>(['meeting', 'video_call', 'event']);
/** Canonical touchpoints carry no duration; meeting-like ones are seeded as one-hour Events. */
const eventDurationMs = 60 * 60 * 1000;

function splitName(name: string): { firstName: string | null; lastName: string } {
  const at = name.lastIndexOf(' ');
  return at <= 0 ? { firstName: null, lastName: name } : { firstName: name.slice(0, at), lastName: name.slice(at + 1) };
}

function contactRecord(contact: Contact, ctx: SeedContext): Record<string, FieldValue> {
  const { firstName, lastName } = splitName(contact.name);
  return {
    AccountId: ctx.idOf('account', contact.accountId),
    FirstName: firstName,
    LastName: lastName,
    Name: contact.name,
    Email: contact.email ?? null,
    Title: contact.title ?? null,
    Kizuna_Role__c: contact.role,
  };
}

function activityFields(touchpoint: Touchpoint, ctx: SeedContext): Record<string, FieldValue> {
  const accountId = ctx.idOf('account', touchpoint.accountId);
  return {
    WhatId: accountId,
    WhoId: ctx.idOf('contact', touchpoint.contactId),
    AccountId: accountId,
    Subject: touchpoint.subject,
    Kizuna_Channel__c: touchpoint.channel,
    Kizuna_Department__c: touchpoint.department,
    Kizuna_Journey_Stage__c: touchpoint.journeyStage,
    Kizuna_Moment_Of_Truth__c: touchpoint.momentOfTruth ?? null,
    Kizuna_Team__c: touchpoint.teamId ?? null,
  };
}

function touchpointRecord(touchpoint: Touchpoint, ctx: SeedContext): { object: string; fields: Record<string, FieldValue> } {
  const at = Date.parse(touchpoint.occurredAt);
  if (meetingChannels.has(touchpoint.channel)) {
    return {
      object: 'Event',
      fields: { ...activityFields(touchpoint, ctx), StartDateTime: at, EndDateTime: at + eventDurationMs },
    };
  }
  const subtype = touchpoint.channel === 'email' ? 'Email' : touchpoint.channel === 'phone' ? 'Call' : 'Task';
  return {
    object: 'Task',
    fields: {
      ...activityFields(touchpoint, ctx),
      ActivityDate: utcDateOf(at),
      CompletedDateTime: at,
      Status: 'Completed',
      Priority: 'Normal',
      TaskSubtype: subtype,
      Description: null,
      Kizuna_Action_Key__c: null,
    },
  };
}

/**
 * Lays a canonical dataset out as Salesforce records (docs/crm/salesforce-layout.md). Ids are
 * allocated in a fixed order (accounts, contacts, touchpoints, feedback, cases, opportunities,
 * pulses, actions, then with `surveys` the Feedback Management records), so the same dataset
 * always yields the same ids.
 */
export function seedSalesforceRecords(dataset: CanonicalDataset, specs: readonly SalesforceObjectSpec[], options: SeedOptions = {}): SeededOrgData {
  const sequences = new Map(specs.map((spec) => [spec.name, createIdSequence(spec.keyPrefix)]));
  const records = new Map<string, MutableRecord[]>(specs.map((spec) => [spec.name, []]));
  const salesforceIds = new Map<SeededEntity, Map<string, string>>();
  const counters = new Map<string, number>();
  const idOf = (entity: SeededEntity, canonicalId: string | undefined): string | null =>
    canonicalId === undefined ? null : (salesforceIds.get(entity)?.get(canonicalId) ?? null);
  const ctx: SeedContext = {
    idOf,
    nextNumber: (object) => {
      const next = (counters.get(object) ?? 0) + 1;
      counters.set(object, next);
      return next;
    },
  };
  const insert = (object: string, fields: Record<string, FieldValue>): string => {
    const nextId = sequences.get(object);
    const list = records.get(object);
    if (nextId === undefined || list === undefined) throw new Error(`no object ${object} in the schema`);
    const id = nextId();
    // Fields a mapper leaves out read as null (every reader uses `?? null`).
    fields['Id'] = id;
    fields['IsDeleted'] = false;
    list.push(fields);
    return id;
  };
  const link = (entity: SeededEntity, canonicalId: string, id: string): void => {
    let ids = salesforceIds.get(entity);
    if (ids === undefined) salesforceIds.set(entity, (ids = new Map()));
    ids.set(canonicalId, id);
  };
  const add = (entity: SeededEntity, canonicalId: string, object: string, fields: Record<string, FieldValue>): void => {
    link(entity, canonicalId, insert(object, fields));
  };
  for (const a of dataset.accounts) add('account', a.id, 'Account', accountFields(a));
  for (const c of dataset.contacts) add('contact', c.id, 'Contact', contactRecord(c, ctx));
  for (const t of dataset.touchpoints) {
    const { object, fields } = touchpointRecord(t, ctx);
    add('touchpoint', t.id, object, fields);
  }
  for (const f of dataset.feedback) add('feedback', f.id, 'Kizuna_Feedback__c', feedbackRecord(f, ctx));
  for (const s of dataset.supportCases) add('supportCase', s.id, 'Case', caseRecord(s, ctx));
  for (const o of dataset.opportunities) add('opportunity', o.id, 'Opportunity', opportunityRecord(o, ctx));
  for (const p of dataset.employeePulses) add('employeePulse', p.id, 'Kizuna_Employee_Pulse__c', employeePulseRecord(p, ctx));
  for (const action of dataset.actions) {
    const fields = actionTaskRecord(action, ctx);
    if (fields !== null) add('action', action.id, 'Task', fields);
  }
  const currencies = options.currencies ?? { multiCurrency: true, corporate: mostUsedCurrency(dataset) };
  if (currencies.multiCurrency) {
    const isoCodes = new Set([currencies.corporate, ...dataset.accounts.map((account) => account.currency), ...dataset.opportunities.map((opportunity) => opportunity.currency)]);
    for (const isoCode of [...isoCodes].sort()) {
      insert('CurrencyType', { IsoCode: isoCode, IsCorporate: isoCode === currencies.corporate, IsActive: true, ConversionRate: isoCode === currencies.corporate ? 1 : null, DecimalPlaces: 2 });
    }
  } else {
    for (const object of ['Account', 'Opportunity']) {
      const list = records.get(object) ?? [];
      list.forEach((record, index) => (list[index] = Object.fromEntries(Object.entries(record).filter(([name]) => name !== MULTI_CURRENCY_FIELD))));
    }
  }
  // Documented for single-currency orgs; a multi-currency org's currencies are in CurrencyType.
  insert('Organization', { Name: 'Kizuna simulated org', DefaultCurrencyIsoCode: currencies.multiCurrency ? null : currencies.corporate });
  if (options.surveys === true) {
    seedSurveyRecords(dataset.feedback, { idOf, insert, linkResponse: (feedbackId, id) => link('surveyResponse', feedbackId, id) });
  }
  const nextId = (objectName: string): string => {
    const next = sequences.get(objectName);
    if (next === undefined) throw new Error(`no object ${objectName} in the schema`);
    return next();
  };
  return { records, salesforceIds, nextId };
}

function accountFields(account: CanonicalDataset['accounts'][number]): Record<string, FieldValue> {
  return {
    Name: account.name,
    Industry: account.industry ?? null,
    Kizuna_Business_Unit__c: account.businessUnitId,
    Kizuna_Product_Line__c: account.productLineId,
    Kizuna_Segment__c: account.segmentId,
    Kizuna_Serving_Team__c: account.servingTeamId,
    Kizuna_ARR__c: account.arr,
    CurrencyIsoCode: account.currency,
    Kizuna_Status__c: account.status,
    Kizuna_Customer_Since__c: account.customerSince,
    Kizuna_Renewal_Date__c: account.renewalDate ?? null,
    Kizuna_Churned_On__c: account.churnedOn ?? null,
    Kizuna_Onboarding_Started__c: account.onboardingStartedOn ?? null,
    Kizuna_Onboarding_Completed__c: account.onboardingCompletedOn ?? null,
  };
}
