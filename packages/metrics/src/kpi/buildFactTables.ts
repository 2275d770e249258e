import type { Account, CanonicalDataset, Contact } from '@kizuna/model';
import { defaultScorecardConfig } from '../health/defaultScorecard';
import { healthSnapshot } from '../health/healthSnapshot';
import type { ScorecardConfig } from '../health/scorecardConfig';
import { accountContextsOf } from './accountContexts';
import { quarterBounds, quarterOf } from './dimensions';
import { CategoricalBuilder, NumericBuilder, type FactTable } from './factTable';
import type { FactSource } from '@kizuna/model';

export type FactTables = Readonly<Record<FactSource, FactTable>>;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type Columns = { readonly categorical: Record<string, CategoricalBuilder>; readonly numeric: Record<string, NumericBuilder> };

function columns(capacity: number, categorical: readonly string[], numeric: readonly string[]): Columns {
  return {
    categorical: Object.fromEntries(categorical.map((name) => [name, new CategoricalBuilder(capacity)])),
    numeric: Object.fromEntries(numeric.map((name) => [name, new NumericBuilder(capacity)])),
  };
}

function build(length: number, cols: Columns): FactTable {
  return {
    length,
    categorical: Object.fromEntries(Object.entries(cols.categorical).map(([name, column]) => [name, column.build()])),
    numeric: Object.fromEntries(Object.entries(cols.numeric).map(([name, column]) => [name, column.build()])),
  };
}

const accountDimensions = ['accountId', 'businessUnitId', 'productLineId', 'segmentId', 'teamId'] as const;

function pushAccount(cols: Columns, account: Account | undefined, accountId: string): void {
  cols.categorical['accountId']?.push(accountId);
  cols.categorical['businessUnitId']?.push(account?.businessUnitId);
  cols.categorical['productLineId']?.push(account?.productLineId);
  cols.categorical['segmentId']?.push(account?.segmentId);
  cols.categorical['teamId']?.push(account?.servingTeamId);
}

/** Start of a pulse period: a quarter `YYYY-Qn` or a month `YYYY-MM`. */
function quarterStart(period: string): number {
  return period.includes('Q') ? quarterBounds(period).start : Date.parse(`${period}-01T00:00:00Z`);
}

const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
const cat = (cols: Columns, name: string, value: string | undefined) => cols.categorical[name]?.push(value);
const num = (cols: Columns, name: string, value: number | undefined) => cols.numeric[name]?.push(value);

function feedbackTable(dataset: CanonicalDataset, accounts: ReadonlyMap<string, Account>, contacts: ReadonlyMap<string, Contact>): FactTable {
  const cols = columns(dataset.feedback.length, [...accountDimensions, 'kind', 'scale', 'programme', 'journeyStage', 'channel', 'period', 'contactId', 'contactRole', 'followUpState'], ['score', 'respondedAt', 'followUpDueAt', 'followUpClosedAt']);
  for (const answer of dataset.feedback) {
    const respondedAt = Date.parse(answer.respondedAt);
    pushAccount(cols, accounts.get(answer.accountId), answer.accountId);
    cat(cols, 'kind', answer.kind);
    cat(cols, 'scale', answer.scale);
    cat(cols, 'programme', answer.programme);
    cat(cols, 'journeyStage', answer.journeyStage);
    cat(cols, 'channel', answer.channel);
    cat(cols, 'period', quarterOf(respondedAt));
    cat(cols, 'contactId', answer.contactId);
    cat(cols, 'contactRole', answer.contactId === undefined ? undefined : contacts.get(answer.contactId)?.role);
    cat(cols, 'followUpState', answer.followUp.state);
    num(cols, 'score', answer.score);
    num(cols, 'respondedAt', respondedAt);
    num(cols, 'followUpDueAt', time(answer.followUp.dueAt));
    num(cols, 'followUpClosedAt', time(answer.followUp.closedAt));
  }
  return build(dataset.feedback.length, cols);
}

function supportCaseTable(dataset: CanonicalDataset, accounts: ReadonlyMap<string, Account>): FactTable {
  const cols = columns(dataset.supportCases.length, [...accountDimensions, 'status', 'priority', 'channel', 'period'], ['openedAt', 'firstResponseAt', 'closedAt', 'slaResolutionHours', 'escalated', 'firstResponseHours', 'resolutionHours', 'withinSla']);
  for (const supportCase of dataset.supportCases) {
    const opened = Date.parse(supportCase.openedAt);
    const firstResponse = time(supportCase.firstResponseAt);
    const closed = time(supportCase.closedAt);
    const resolutionHours = closed === undefined ? undefined : (closed - opened) / HOUR_MS;
    const sla = supportCase.slaResolutionHours;
    pushAccount(cols, accounts.get(supportCase.accountId), supportCase.accountId);
    cat(cols, 'status', supportCase.status);
    cat(cols, 'priority', supportCase.priority);
    cat(cols, 'channel', supportCase.channel);
    cat(cols, 'period', quarterOf(opened));
    num(cols, 'openedAt', opened);
    num(cols, 'firstResponseAt', firstResponse);
    num(cols, 'closedAt', closed);
    num(cols, 'slaResolutionHours', sla);
    num(cols, 'escalated', supportCase.escalated ? 1 : 0);
    num(cols, 'firstResponseHours', firstResponse === undefined ? undefined : (firstResponse - opened) / HOUR_MS);
    num(cols, 'resolutionHours', resolutionHours);
    num(cols, 'withinSla', resolutionHours === undefined || sla === undefined ? undefined : resolutionHours <= sla ? 1 : 0);
  }
  return build(dataset.supportCases.length, cols);
}

function opportunityTable(dataset: CanonicalDataset, accounts: ReadonlyMap<string, Account>): FactTable {
  const cols = columns(dataset.opportunities.length, [...accountDimensions, 'type', 'status', 'period'], ['amount', 'renewingAmount', 'closeDate']);
  for (const opportunity of dataset.opportunities) {
    const closeDate = Date.parse(opportunity.closeDate);
    pushAccount(cols, accounts.get(opportunity.accountId), opportunity.accountId);
    cat(cols, 'type', opportunity.type);
    cat(cols, 'status', opportunity.status);
    cat(cols, 'period', quarterOf(closeDate));
    num(cols, 'amount', opportunity.amount);
    num(cols, 'renewingAmount', opportunity.renewingAmount);
    num(cols, 'closeDate', closeDate);
  }
  return build(dataset.opportunities.length, cols);
}

function accountTable(dataset: CanonicalDataset, health: ReadonlyMap<string, number> | undefined): FactTable {
  const cols = columns(dataset.accounts.length, [...accountDimensions, 'status'], ['arr', 'customerSince', 'churnedOn', 'onboardingStartedOn', 'onboardingCompletedOn', 'onboardingDays', 'healthScore']);
  for (const account of dataset.accounts) {
    num(cols, 'healthScore', health?.get(account.id));
    const started = time(account.onboardingStartedOn);
    const completed = time(account.onboardingCompletedOn);
    pushAccount(cols, account, account.id);
    cat(cols, 'status', account.status);
    num(cols, 'arr', account.arr);
    num(cols, 'customerSince', Date.parse(account.customerSince));
    num(cols, 'churnedOn', time(account.churnedOn));
    num(cols, 'onboardingStartedOn', started);
    num(cols, 'onboardingCompletedOn', completed);
    num(cols, 'onboardingDays', started === undefined || completed === undefined ? undefined : (completed - started) / DAY_MS);
  }
  return build(dataset.accounts.length, cols);
}

function contactTable(dataset: CanonicalDataset, accounts: ReadonlyMap<string, Account>): FactTable {
  const cols = columns(dataset.contacts.length, [...accountDimensions, 'contactId', 'role'], []);
  for (const contact of dataset.contacts) {
    pushAccount(cols, accounts.get(contact.accountId), contact.accountId);
    cat(cols, 'contactId', contact.id);
    cat(cols, 'role', contact.role);
  }
  return build(dataset.contacts.length, cols);
}

function employeePulseTable(dataset: CanonicalDataset): FactTable {
  const teamUnit = new Map(dataset.teams.map((team) => [team.id, team.businessUnitId]));
  const cols = columns(dataset.employeePulses.length, ['teamId', 'businessUnitId', 'period'], ['periodStart', 'invited', 'respondents', 'engagementSum', 'promoters', 'passives', 'detractors']);
  for (const pulse of dataset.employeePulses) {
    cat(cols, 'teamId', pulse.teamId);
    cat(cols, 'businessUnitId', teamUnit.get(pulse.teamId));
    cat(cols, 'period', pulse.period);
    num(cols, 'periodStart', quarterStart(pulse.period));
    num(cols, 'invited', pulse.invited);
    num(cols, 'respondents', pulse.respondents);
    num(cols, 'engagementSum', pulse.engagement * pulse.respondents);
    num(cols, 'promoters', pulse.enps.promoters);
    num(cols, 'passives', pulse.enps.passives);
    num(cols, 'detractors', pulse.enps.detractors);
  }
  return build(dataset.employeePulses.length, cols);
}

export interface FactTableOptions {
  /** Score every account's health as of this instant (with this scorecard) for the relationship-health KPI. */
  readonly health?: { readonly asOf: string; readonly config?: ScorecardConfig };
}

function healthScores(dataset: CanonicalDataset, options: NonNullable<FactTableOptions['health']>): Map<string, number> {
  const config = options.config ?? defaultScorecardConfig;
  const asOfMs = Date.parse(options.asOf);
  const scores = new Map<string, number>();
  for (const context of accountContextsOf(dataset)) {
    const { score } = healthSnapshot(context, config, asOfMs);
    if (score !== null) scores.set(context.account.id, score);
  }
  return scores;
}

/** The columnar facts of a whole organisation, facts denormalised with their account's attributes. */
export function buildFactTables(dataset: CanonicalDataset, options: FactTableOptions = {}): FactTables {
  const accounts = new Map(dataset.accounts.map((account) => [account.id, account]));
  const contacts = new Map(dataset.contacts.map((contact) => [contact.id, contact]));
  return {
    feedback: feedbackTable(dataset, accounts, contacts),
    supportCase: supportCaseTable(dataset, accounts),
    opportunity: opportunityTable(dataset, accounts),
    account: accountTable(dataset, options.health === undefined ? undefined : healthScores(dataset, options.health)),
    contact: contactTable(dataset, accounts),
    employeePulse: employeePulseTable(dataset),
  };
}
