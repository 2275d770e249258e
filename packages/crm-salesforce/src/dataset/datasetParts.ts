import { CrmError, type ObjectMapping } from '@kizuna/crm-core';
import type { DatasetScope, EntityName } from '@kizuna/model';
import type { SalesforceMapping } from '../defaultMapping';
import { ACTION_KEY_FIELD } from '../writes/actionTask';
import { pulsePeriodsStartingIn } from './pulsePeriods';

/** One CRM field of a fact's time, and whether Salesforce keeps it as a date (not a datetime). */
export interface TimeSource {
  readonly field: string;
  readonly dateOnly: boolean;
}

export type DatasetPartName = 'accounts' | 'contacts' | 'feedback' | 'supportCases' | 'opportunities' | 'tasks' | 'events' | 'actions' | 'employeePulses';

/**
 * One object read of a portfolio read, engine-neutral: the REST path turns it into SOQL text
 * (`datasetSoql.ts`), the LWC bridge into a gateway record query (`bridge/datasetPlan.ts`).
 */
export interface DatasetPart {
  readonly name: DatasetPartName;
  readonly entity: EntityName;
  readonly mapping: ObjectMapping;
  /** The field holding the record's Account (`Id` on Account itself); null when the object is not per account. */
  readonly accountField: string | null;
  /** The account field may point at other objects too (`WhatId`): the read keeps Account rows only. */
  readonly polymorphic: boolean;
  /** Where the fact's time is, in the mapping's coalescing order; empty when the part is not windowed. */
  readonly time: readonly TimeSource[];
  /** Tasks Kizuna wrote for actions have the action key; other tasks are touchpoints. */
  readonly actionKey?: { readonly field: string; readonly present: boolean };
  /**
   * Employee pulses: the text field holding the period, and the periods that start in the window
   * (null: too many to list; the read then takes every period and keeps those in the window).
   */
  readonly periods?: { readonly field: string; readonly values: readonly string[] | null };
}

/** A validated scope: a half-open window in epoch ms, the business units (null: all), the entities read. */
export interface ResolvedScope {
  readonly from: number;
  readonly to: number;
  readonly businessUnitIds: readonly string[] | null;
  readonly entities: ReadonlySet<EntityName>;
}

/** Business units one read may name: they go into a single IN list. */
export const MAX_SCOPE_BUSINESS_UNITS = 100;

function instant(value: string, what: string): number {
  const time = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new CrmError('INVALID_INPUT', `The ${what} of the read must be an ISO date or instant, not ${JSON.stringify(value)}.`);
  return time;
}

/** Checks a scope: a real window (from before to), at most 100 business units, no empty list. */
export function resolveScope(scope: DatasetScope): ResolvedScope {
  const from = instant(scope.from, 'start');
  const to = instant(scope.to, 'end');
  if (from >= to) throw new CrmError('INVALID_INPUT', 'The start of the read must come before its end.');
  const units = scope.businessUnitIds;
  if (units !== undefined && (units.length === 0 || units.length > MAX_SCOPE_BUSINESS_UNITS || units.some((unit) => unit.length === 0 || unit.length > 255))) {
    throw new CrmError('INVALID_INPUT', `Name 1 to ${MAX_SCOPE_BUSINESS_UNITS} business units (non-empty keys), or none for all.`);
  }
  const entities = new Set<EntityName>(scope.entities ?? ['contact', 'touchpoint', 'feedback', 'supportCase', 'opportunity', 'employeePulse', 'action']);
  entities.add('account');
  return { from, to, businessUnitIds: units === undefined ? null : [...new Set(units)], entities };
}

/** Salesforce standard date (not datetime) fields among the time fields, and canonical date-only fields. */
const standardDateFields = new Set(['ActivityDate', 'CloseDate', 'DueDate']);
const canonicalDateFields = new Set(['closeDate', 'dueAt']);

function timeSources(mapping: ObjectMapping, canonical: string): TimeSource[] {
  const source = mapping.fields[canonical];
  const fields = source === undefined ? [] : typeof source === 'string' ? [source] : [...source];
  return fields.map((field) => ({ field, dateOnly: standardDateFields.has(field) || canonicalDateFields.has(canonical) }));
}

function accountFieldOf(mapping: ObjectMapping): string | null {
  const field = mapping.fields['accountId'];
  return typeof field === 'string' ? field : null;
}

/**
 * The object reads of a scope: accounts (always), then the entities asked for, each fact windowed
 * on its time field — feedback `respondedAt`, cases `openedAt`, opportunities `closeDate`,
 * touchpoints `occurredAt` (Task: completion, else due date; Event: start), actions `createdAt`;
 * employee pulses by the start of their period (`pulsePeriods.ts`) — none are read when no period
 * starts in the window. Contacts are not windowed.
 */
export function datasetParts(mapping: SalesforceMapping, scope: ResolvedScope, options: { readonly feedbackFromSurveys?: boolean } = {}): DatasetPart[] {
  const fact = (name: DatasetPartName, entity: EntityName, objectMapping: ObjectMapping, timeField: string | null): DatasetPart => {
    const accountField = accountFieldOf(objectMapping);
    return {
      name,
      entity,
      mapping: objectMapping,
      accountField,
      polymorphic: accountField === 'WhatId' || accountField === 'WhoId',
      time: timeField === null ? [] : timeSources(objectMapping, timeField),
    };
  };
  const parts: DatasetPart[] = [{ name: 'accounts', entity: 'account', mapping: mapping.account, accountField: 'Id', polymorphic: false, time: [] }];
  const wants = (entity: EntityName) => scope.entities.has(entity);
  if (wants('contact')) parts.push(fact('contacts', 'contact', mapping.contact, null));
  if (wants('feedback') && options.feedbackFromSurveys !== true) parts.push(fact('feedback', 'feedback', mapping.feedback, 'respondedAt'));
  if (wants('supportCase')) parts.push(fact('supportCases', 'supportCase', mapping.supportCase, 'openedAt'));
  if (wants('opportunity')) parts.push(fact('opportunities', 'opportunity', mapping.opportunity, 'closeDate'));
  if (wants('touchpoint')) {
    parts.push({ ...fact('tasks', 'touchpoint', mapping.task, 'occurredAt'), actionKey: { field: ACTION_KEY_FIELD, present: false } });
    parts.push(fact('events', 'touchpoint', mapping.event, 'occurredAt'));
  }
  if (wants('action')) parts.push({ ...fact('actions', 'action', mapping.action, 'createdAt'), actionKey: { field: ACTION_KEY_FIELD, present: true } });
  if (wants('employeePulse')) {
    const periodField = mapping.employeePulse.fields['period'];
    const values = pulsePeriodsStartingIn(scope.from, scope.to);
    const pulses: DatasetPart = { ...fact('employeePulses', 'employeePulse', mapping.employeePulse, null), accountField: null, polymorphic: false };
    if (typeof periodField !== 'string') parts.push(pulses);
    else if (values === null || values.length > 0) parts.push({ ...pulses, periods: { field: periodField, values } });
  }
  return parts;
}
