import { crmIdentifierSchema, type ObjectMapping } from '@kizuna/crm-core';
import { feedbackScales, type AggregatePlan, type FactSource, type PlanValue } from '@kizuna/model';
import { zohoDefaultMapping, type ZohoMapping } from '../defaultMapping';

/** How a fact source sits in the org: its module's mapping and the lookup to its account. */
export interface SourceLayout {
  readonly mapping: ObjectMapping;
  /** The lookup field to Accounts (`Account`, `Account_Name`), or null for Accounts itself. */
  readonly accountLookup: string | null;
  /** The canonical time field whose calendar quarter is the `period` dimension. */
  readonly timeField: string | null;
  /** Plan field names that differ from the mapping's canonical names. */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * A text field holding the calendar quarter (UTC) of `timeField`, `2026-Q1`, written when the
   * record is created: `period` groups by it in one query instead of one query per quarter.
   */
  readonly periodField?: string;
}

/**
 * Kizuna's feedback module keeps each answer's quarter in `Period` (docs/crm/zoho-layout.md):
 * COQL has no date functions, so a quarter cut needs a stored field. Only Kizuna's own module is
 * known to have it; feedback mapped to another module is cut one query per quarter.
 */
export const FEEDBACK_PERIOD_FIELD = 'Period';

/** Per fact source, the stored quarter field this mapping can group `period` by. */
export function zohoPeriodFields(mapping: ZohoMapping): Partial<Record<FactSource, string>> {
  return mapping.feedback.object === zohoDefaultMapping.feedback.object ? { feedback: FEEDBACK_PERIOD_FIELD } : {};
}

function lookupOf(mapping: ObjectMapping): string | null {
  const source = mapping.fields['accountId'];
  return typeof source === 'string' ? source : null;
}

export function sourceLayouts(mapping: ZohoMapping): Partial<Record<FactSource, SourceLayout>> {
  const periods = zohoPeriodFields(mapping);
  return {
    feedback: { mapping: mapping.feedback, accountLookup: lookupOf(mapping.feedback), timeField: 'respondedAt', ...(periods.feedback === undefined ? {} : { periodField: periods.feedback }) },
    supportCase: { mapping: mapping.supportCase, accountLookup: lookupOf(mapping.supportCase), timeField: 'openedAt' },
    opportunity: { mapping: mapping.opportunity, accountLookup: lookupOf(mapping.opportunity), timeField: 'closeDate' },
    account: { mapping: mapping.account, accountLookup: null, timeField: null, aliases: { accountId: 'id' } },
    employeePulse: {
      mapping: mapping.employeePulse,
      accountLookup: null,
      timeField: null,
      aliases: { promoters: 'enps.promoters', passives: 'enps.passives', detractors: 'enps.detractors' },
    },
  };
}

/** Plan fields that are attributes of the account (reached through the source's account lookup). */
const accountFields: Readonly<Record<string, string>> = {
  accountId: 'id',
  businessUnitId: 'businessUnitId',
  productLineId: 'productLineId',
  segmentId: 'segmentId',
  teamId: 'servingTeamId',
};

function single(mapping: ObjectMapping, canonical: string): string | undefined {
  const source = mapping.fields[canonical];
  return typeof source === 'string' ? crmIdentifierSchema.parse(source) : undefined;
}

/**
 * The COQL column of a plan field on a source, or undefined when the org has no single field for
 * it. Account attributes go through the lookup (`Account.Kizuna_Segment`, a documented COQL join);
 * the account itself is the lookup field (its value `{name, id}`).
 */
export function coqlFieldOf(layout: SourceLayout, accountMapping: ObjectMapping, field: string): string | undefined {
  const canonical = layout.aliases?.[field] ?? field;
  const own = single(layout.mapping, canonical);
  const accountField = accountFields[field];
  if (accountField !== undefined && layout.accountLookup !== null) {
    if (field === 'accountId') return layout.accountLookup;
    const onAccount = single(accountMapping, accountField);
    return onAccount === undefined ? undefined : `${layout.accountLookup}.${onAccount}`;
  }
  return own;
}

/** Canonical value → CRM value through the mapping's value table; unlisted values pass through unless `*` catches them. */
export function crmValueOf(mapping: ObjectMapping, field: string, value: string | number | boolean): string | number | boolean | undefined {
  const table = mapping.values?.[field];
  if (table === undefined) return value;
  for (const [crmValue, canonical] of Object.entries(table)) {
    if (crmValue !== '*' && crmValue !== '' && canonical === value) return crmValue;
  }
  return '*' in table ? undefined : value;
}

/** How a breakdown field's grouped values read back: as numbers, booleans or (mapped) text. */
export type BreakdownKind = 'number' | 'boolean' | 'text';

/**
 * Fields of few values a COQL `GROUP BY` may split a group on (a breakdown, see `batchPlans`):
 * per fact source, canonical field → kind. Numbers and picklists group in COQL as any field does;
 * the grouped row carries the value under the column's name.
 */
const breakdownCandidates: Readonly<Partial<Record<FactSource, Readonly<Record<string, BreakdownKind>>>>> = {
  feedback: { scale: 'text', score: 'number', kind: 'text' },
  supportCase: { escalated: 'boolean' },
  opportunity: { status: 'text', type: 'text' },
};

/** The canonical fields of a source this org can group by as a breakdown (those the mapping holds in one field). */
export function breakdownFieldsOf(source: FactSource, layout: SourceLayout): Record<string, { readonly column: string; readonly kind: BreakdownKind }> {
  const fields: Record<string, { readonly column: string; readonly kind: BreakdownKind }> = {};
  for (const [canonical, kind] of Object.entries(breakdownCandidates[source] ?? {})) {
    const column = single(layout.mapping, canonical);
    if (column !== undefined) fields[canonical] = { column, kind };
  }
  return fields;
}

/** For `batchPlans`: per fact source, the fields a breakdown may use with this mapping. */
export function zohoBreakdownFields(mapping: ZohoMapping): Partial<Record<FactSource, string[]>> {
  const layouts = sourceLayouts(mapping);
  const out: Partial<Record<FactSource, string[]>> = {};
  for (const source of Object.keys(breakdownCandidates) as FactSource[]) {
    const layout = layouts[source];
    if (layout !== undefined) out[source] = Object.keys(breakdownFieldsOf(source, layout)).sort();
  }
  return out;
}

/** A grouped CRM value as the canonical value (through the mapping's value table, as records are read). */
export function canonicalBreakdownValue(mapping: ObjectMapping, canonical: string, kind: BreakdownKind, value: unknown): PlanValue | null {
  const table = mapping.values?.[canonical];
  if (value === null || value === undefined || value === '') {
    const empty = table?.[''];
    return empty === undefined ? null : empty;
  }
  if (kind === 'number') {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  if (kind === 'boolean') {
    if (typeof value === 'boolean') return value;
    return value === 'true' ? true : value === 'false' ? false : null;
  }
  const key = String(value);
  if (table === undefined) return key;
  return table[key] ?? table['*'] ?? key;
}

/** Values a feedback scale can take (its integer scores). */
function scaleValues(scale: PlanValue): number | undefined {
  const found = Object.entries(feedbackScales).find(([name]) => name === scale)?.[1];
  return found === undefined ? undefined : found.max - found.min + 1;
}

interface ScoreUse {
  /** The plan's one feedback scale, if it has one. */
  readonly scale: PlanValue | undefined;
  /** Its score conditions (JSON), and whether one of its feedback queries has none. */
  readonly conditions: ReadonlySet<string>;
  readonly unconditioned: boolean;
}

function scoreUseOf(plan: AggregatePlan): ScoreUse {
  const feedback = Object.values(plan.queries).filter((query) => query.source === 'feedback');
  const scales = new Set(feedback.flatMap((query) => query.where.flatMap((condition) => (condition.field === 'scale' && condition.op === 'eq' ? [condition.value] : []))));
  const [scale] = [...scales];
  return {
    scale: scales.size === 1 ? scale : undefined,
    conditions: new Set(feedback.flatMap((query) => query.where.filter((condition) => condition.field === 'score').map((condition) => JSON.stringify(condition)))),
    unconditioned: feedback.some((query) => !query.where.some((condition) => condition.field === 'score')),
  };
}

/**
 * Plans of a view in groups to batch together (`batchPlans` with each group's breakdown fields).
 * A score distribution costs a row per score value and group; separate conditional counts cost a
 * query each but a row per group. So the score is a breakdown only for the plans of a scale that,
 * together, ask about at least as many score conditions (plus the unconditioned count) as the scale
 * has values — CES agree and mean on 1–7: nine counts, seven rows — and left out for the others
 * (NPS's promoters and detractors: three counts, not eleven rows a group). Indexes are into `plans`.
 */
export function zohoBatchGroups(plans: readonly AggregatePlan[], mapping: ZohoMapping): Array<{ readonly indexes: number[]; readonly breakdownFields: Partial<Record<FactSource, string[]>> }> {
  const fields = zohoBreakdownFields(mapping);
  const withoutScore = { ...fields, feedback: (fields.feedback ?? []).filter((field) => field !== 'score') };
  const uses = plans.map(scoreUseOf);
  const byScale = new Map<PlanValue, { conditions: Set<string>; unconditioned: boolean }>();
  for (const use of uses) {
    if (use.scale === undefined) continue;
    const known = byScale.get(use.scale) ?? { conditions: new Set<string>(), unconditioned: false };
    for (const condition of use.conditions) known.conditions.add(condition);
    known.unconditioned ||= use.unconditioned;
    byScale.set(use.scale, known);
  }
  const distribution = (scale: PlanValue | undefined): boolean => {
    const values = scale === undefined ? undefined : scaleValues(scale);
    const use = scale === undefined ? undefined : byScale.get(scale);
    return values === undefined || use === undefined || use.conditions.size + (use.unconditioned ? 1 : 0) >= values;
  };
  const groups = new Map<string, { indexes: number[]; breakdownFields: Partial<Record<FactSource, string[]>> }>();
  uses.forEach((use, index) => {
    const breakdownFields = distribution(use.scale) ? fields : withoutScore;
    const key = JSON.stringify(breakdownFields);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { indexes: [index], breakdownFields });
    else group.indexes.push(index);
  });
  return [...groups.values()];
}
