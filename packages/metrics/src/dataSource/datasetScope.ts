import { z } from 'zod/mini';
import { dateSchema, dateTimeSchema, entityNames, issueMessage, type CanonicalDataset, type DatasetScope, type EntityName, type EmployeePulse } from '@kizuna/model';
import { quarterBounds } from '../kpi/dimensions';
import { DataSourceError } from './dataSourceError';

/** Business units one read may name (as the CRM adapters allow: one IN list). */
export const MAX_SCOPE_BUSINESS_UNITS = 100;

const instantSchema = z.union([dateTimeSchema, dateSchema]);

const scopeSchema = z.strictObject({
  from: instantSchema,
  to: instantSchema,
  businessUnitIds: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(255))).check(z.minLength(1), z.maxLength(MAX_SCOPE_BUSINESS_UNITS)),
  ),
  entities: z.optional(z.array(z.enum(entityNames as [EntityName, ...EntityName[]]))),
});

/** A checked scope: a half-open window in epoch ms, the business units (undefined: all), the entities read. */
export interface ResolvedScope {
  readonly from: number;
  readonly to: number;
  readonly businessUnitIds: ReadonlySet<string> | undefined;
  readonly entities: ReadonlySet<EntityName>;
}

/**
 * Checks a scope as the CRM adapters do: ISO dates or instants with the start before the end, 1 to
 * 100 business units or none for all, known entity names. Refuses with `INVALID_INPUT`.
 */
export function resolveScope(scope: DatasetScope): ResolvedScope {
  const parsed = scopeSchema.safeParse(scope, { error: issueMessage });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'scope'}: ${issue.message}`).join('; ');
    throw new DataSourceError('INVALID_INPUT', `The scope of the read is not valid (${problems}).`);
  }
  const from = Date.parse(parsed.data.from);
  const to = Date.parse(parsed.data.to);
  if (!(from < to)) throw new DataSourceError('INVALID_INPUT', 'The start of the read must come before its end.');
  const units = parsed.data.businessUnitIds;
  return {
    from,
    to,
    businessUnitIds: units === undefined ? undefined : new Set(units),
    entities: new Set(parsed.data.entities ?? entityNames),
  };
}

/** Start of a pulse's period (`YYYY-Qn` or `YYYY-MM`), in epoch ms: the time field the EX KPIs window on. */
export function periodStart(period: EmployeePulse['period']): number {
  return period.includes('Q') ? quarterBounds(period).start : Date.parse(`${period}-01T00:00:00Z`);
}

/**
 * The records of a scope, as a CRM adapter's portfolio read returns them: the accounts of the
 * business units (all without a list) — always; the structure they are cut by (their units, and the
 * product lines and teams of those units or of their accounts; every segment); and of the entities
 * asked for, the contacts of those accounts (not windowed: contacts are not dated facts) and the
 * facts of those accounts dated in [from, to) on their time field: feedback `respondedAt`,
 * touchpoints `occurredAt`, support cases `openedAt`, opportunities `closeDate` (a date: its UTC
 * midnight), actions `createdAt`; employee pulses of the units' teams whose period starts in the
 * window (the time field the EX KPIs window on).
 */
export function datasetInScope(dataset: CanonicalDataset, scope: ResolvedScope): CanonicalDataset {
  const { from, to, businessUnitIds: units, entities } = scope;
  const inUnits = (unitId: string) => units === undefined || units.has(unitId);
  const inWindow = (time: number) => time >= from && time < to;
  const wanted = (entity: EntityName) => entities.has(entity);

  const accounts = dataset.accounts.filter((account) => inUnits(account.businessUnitId));
  const accountIds = new Set(accounts.map((account) => account.id));
  const lineIds = new Set(accounts.map((account) => account.productLineId));
  const teamIds = new Set(accounts.map((account) => account.servingTeamId));
  const teams = dataset.teams.filter((team) => inUnits(team.businessUnitId) || teamIds.has(team.id));
  const unitTeams = new Set(teams.filter((team) => inUnits(team.businessUnitId)).map((team) => team.id));
  const facts = <TRecord extends { readonly accountId: string }>(entity: EntityName, records: readonly TRecord[], time: (record: TRecord) => string): TRecord[] =>
    wanted(entity) ? records.filter((record) => accountIds.has(record.accountId) && inWindow(Date.parse(time(record)))) : [];

  return {
    businessUnits: dataset.businessUnits.filter((unit) => inUnits(unit.id)),
    productLines: dataset.productLines.filter((line) => inUnits(line.businessUnitId) || lineIds.has(line.id)),
    segments: dataset.segments,
    teams,
    accounts,
    contacts: wanted('contact') ? dataset.contacts.filter((contact) => accountIds.has(contact.accountId)) : [],
    touchpoints: facts('touchpoint', dataset.touchpoints, (touchpoint) => touchpoint.occurredAt),
    feedback: facts('feedback', dataset.feedback, (answer) => answer.respondedAt),
    supportCases: facts('supportCase', dataset.supportCases, (supportCase) => supportCase.openedAt),
    opportunities: facts('opportunity', dataset.opportunities, (opportunity) => opportunity.closeDate),
    employeePulses: wanted('employeePulse') ? dataset.employeePulses.filter((pulse) => (units === undefined || unitTeams.has(pulse.teamId)) && inWindow(periodStart(pulse.period))) : [],
    actions: facts('action', dataset.actions, (action) => action.createdAt),
  };
}
