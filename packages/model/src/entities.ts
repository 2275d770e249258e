import type { z } from 'zod/mini';
import { accountSchema, contactSchema } from './account';
import { actionSchema } from './action';
import { employeePulseSchema } from './employeePulse';
import { feedbackSchema } from './feedback';
import { opportunitySchema } from './opportunity';
import { businessUnitSchema, productLineSchema, segmentSchema, teamSchema } from './organisation';
import { supportCaseSchema } from './supportCase';
import { touchpointSchema } from './touchpoint';

/**
 * Every canonical entity by name. The names are the ones used in exported data files
 * (`feedback.jsonl`, `supportCase.jsonl` …) and in validation messages.
 */
export const entitySchemas = {
  businessUnit: businessUnitSchema,
  productLine: productLineSchema,
  segment: segmentSchema,
  team: teamSchema,
  account: accountSchema,
  contact: contactSchema,
  touchpoint: touchpointSchema,
  feedback: feedbackSchema,
  supportCase: supportCaseSchema,
  opportunity: opportunitySchema,
  employeePulse: employeePulseSchema,
  action: actionSchema,
} as const;

export type EntityName = keyof typeof entitySchemas;
export type EntityOf<TName extends EntityName> = z.infer<(typeof entitySchemas)[TName]>;

export const entityNames = Object.keys(entitySchemas) as EntityName[];

/** Human names for messages: "Feedback", "Support case" … */
export const entityLabels: Record<EntityName, string> = {
  businessUnit: 'Business unit',
  productLine: 'Product line',
  segment: 'Segment',
  team: 'Team',
  account: 'Account',
  contact: 'Contact',
  touchpoint: 'Touchpoint',
  feedback: 'Feedback',
  supportCase: 'Support case',
  opportunity: 'Opportunity',
  employeePulse: 'Employee pulse',
  action: 'Action',
};

/** The key of each entity's array in a {@link CanonicalDataset} (and the name of its export file). */
export const datasetKeys = {
  businessUnit: 'businessUnits',
  productLine: 'productLines',
  segment: 'segments',
  team: 'teams',
  account: 'accounts',
  contact: 'contacts',
  touchpoint: 'touchpoints',
  feedback: 'feedback',
  supportCase: 'supportCases',
  opportunity: 'opportunities',
  employeePulse: 'employeePulses',
  action: 'actions',
} as const satisfies Record<EntityName, string>;

/** A whole organisation's canonical data, one array per entity. */
export type CanonicalDataset = { [TName in EntityName as (typeof datasetKeys)[TName]]: EntityOf<TName>[] };

/** A dataset with no records: one new, empty array per entity (the caller's to fill). */
export function emptyDataset(): CanonicalDataset {
  return {
    businessUnits: [],
    productLines: [],
    segments: [],
    teams: [],
    accounts: [],
    contacts: [],
    touchpoints: [],
    feedback: [],
    supportCases: [],
    opportunities: [],
    employeePulses: [],
    actions: [],
  };
}
