import type { EntityName, EntityOf } from '@kizuna/model';
import { generateAccountRecords, type OrganisationContext } from './accountRecords';
import { generatePulses } from './employeePulses';
import { resolveOptions, type GenerateOptions } from './options';
import { planOrganisation } from './organisation';

/** One generated record and the canonical entity it is. */
export type OrganisationRecord = { [TName in EntityName]: { readonly entity: TName; readonly record: EntityOf<TName> } }[EntityName];

/** Prepares what all accounts share; cheap (teams × periods), independent of the number of rows. */
export function createOrganisationContext(options: GenerateOptions): OrganisationContext {
  const plan = planOrganisation(resolveOptions(options));
  return {
    plan,
    pulses: generatePulses(plan),
    productLineNames: new Map(plan.productLines.map((line) => [line.id, line.name])),
  };
}

function* structureRecords(context: OrganisationContext): Generator<OrganisationRecord> {
  const { plan } = context;
  for (const record of plan.businessUnits) yield { entity: 'businessUnit', record };
  for (const record of plan.productLines) yield { entity: 'productLine', record };
  for (const record of plan.segments) yield { entity: 'segment', record };
  for (const record of plan.teams) yield { entity: 'team', record };
  for (const record of context.pulses.pulses) yield { entity: 'employeePulse', record };
}

/**
 * The organisation as a stream of records: first the structure (units, product lines, segments,
 * teams) and the employee pulses, then account after account with its contacts, touchpoints,
 * feedback, cases and opportunities. Only one account's records are in memory at a time, so any
 * number of accounts can be generated. No actions are generated (they are the metrics core's output).
 */
export function* streamOrganisation(options: GenerateOptions): Generator<OrganisationRecord> {
  const context = createOrganisationContext(options);
  yield* structureRecords(context);
  for (let index = 0; index < context.plan.options.accounts; index += 1) {
    const records = generateAccountRecords(context, index);
    yield { entity: 'account', record: records.account };
    for (const record of records.contacts) yield { entity: 'contact', record };
    for (const record of records.touchpoints) yield { entity: 'touchpoint', record };
    for (const record of records.feedback) yield { entity: 'feedback', record };
    for (const record of records.supportCases) yield { entity: 'supportCase', record };
    for (const record of records.opportunities) yield { entity: 'opportunity', record };
  }
}
