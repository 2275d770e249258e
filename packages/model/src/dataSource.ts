import type { Account, Contact } from './account';
import type { Action } from './action';
import type { Feedback } from './feedback';
import type { Opportunity } from './opportunity';
import type { SupportCase } from './supportCase';
import type { Touchpoint } from './touchpoint';
import type { AggregatePlan, GroupTotals } from './aggregatePlan';
import type { CanonicalDataset, EntityName } from './entities';
import type { ValidationIssue } from './validate';

/** A CRM record that could not be mapped to the canonical model, and why. */
export interface RejectedRecord {
  readonly entity: EntityName;
  readonly recordId: string | undefined;
  readonly issues: readonly ValidationIssue[];
}

/**
 * A part of an account's context that could not be read (the CRM refused the query: a missing
 * object or field, no permission). The rest of the context is still shown; this says what is not.
 */
export interface UnavailablePart {
  readonly entity: EntityName;
  /** The adapter's error code, e.g. `INVALID_TYPE`, `INVALID_FIELD`, `PERMISSION_DENIED`. */
  readonly code: string;
  readonly message: string;
}

/** Everything Kizuna knows about one account, read in one batch. */
export interface AccountContext {
  readonly account: Account;
  readonly contacts: readonly Contact[];
  readonly touchpoints: readonly Touchpoint[];
  readonly feedback: readonly Feedback[];
  readonly supportCases: readonly SupportCase[];
  readonly opportunities: readonly Opportunity[];
  readonly actions: readonly Action[];
  /** Records that were read but failed validation: reported to the user, never silently dropped. */
  readonly rejected: readonly RejectedRecord[];
  /** Parts that could not be read at all; their arrays above are empty. */
  readonly unavailable: readonly UnavailablePart[];
}

/** A row of the account list: enough to name and place an account. */
export interface AccountSummary {
  readonly id: string;
  readonly name: string;
  readonly businessUnitId: string;
  readonly segmentId: string;
  readonly arr: number;
  readonly currency: string;
}

/** What became of one accepted action written back to the CRM. */
export type ActionWriteResult =
  | { readonly idempotencyKey: string; readonly ok: true; readonly crmTaskId: string; readonly created: boolean }
  | { readonly idempotencyKey: string; readonly ok: false; readonly code: string; readonly message: string };

export interface ReadOptions {
  readonly signal?: AbortSignal;
}

/**
 * The answer to an aggregate plan: the group totals of every plan query (for the metrics core's
 * `finishKpi`), or why this source cannot express the plan — the caller then reads records and
 * evaluates in memory.
 */
export type AggregatePlanResult =
  | { readonly pushed: true; readonly totals: Readonly<Record<string, readonly GroupTotals[]>> }
  | { readonly pushed: false; readonly unsupported: string };

/**
 * Which records a portfolio read covers: facts dated in `[from, to)` (ISO dates or instants; an
 * employee pulse by the start of its period), of the accounts in the listed business units (all
 * when absent). Structure (units, lines, segments, teams) and the accounts in scope are always
 * included; contacts, like every other entity, when `entities` is absent or lists them.
 */
export interface DatasetScope {
  readonly from: string;
  readonly to: string;
  readonly businessUnitIds?: readonly string[];
  /** Entities to read; all when absent. Structure and accounts are always read. */
  readonly entities?: readonly EntityName[];
}

/** A portfolio read: what could be read, what was rejected, and what could not be read at all. */
export interface DatasetRead {
  readonly dataset: CanonicalDataset;
  readonly rejected: readonly RejectedRecord[];
  readonly unavailable: readonly UnavailablePart[];
}

/** The CRM user the dashboard runs for: locale decides the default language (ja-JP → Japanese). */
export interface CrmUser {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** BCP 47, e.g. `ja-JP`, `en-US`. */
  readonly locale: string;
  /** IANA zone, e.g. `Asia/Tokyo`. */
  readonly timeZone?: string;
}

/**
 * The contract between where data comes from (a CRM adapter, an exported file) and who shows it
 * (widgets, CLI). Widgets receive one through context and never learn which CRM is behind it.
 * Implementations reject with their own typed error; they never resolve with unvalidated data.
 */
export interface CxDataSource {
  /** Which kind of source this is, for display ("Salesforce", "Zoho CRM" …). */
  readonly kind: 'salesforce' | 'zoho' | 'file' | 'web';
  getAccountContext(accountId: string, options?: ReadOptions): Promise<AccountContext>;
  listAccounts(options?: ReadOptions): Promise<readonly AccountSummary[]>;
  /**
   * Writes accepted actions as CRM tasks, keyed by their idempotency key: writing the same
   * action twice updates the one task, never makes a second. One result per action, in order.
   */
  writeActions(actions: readonly Action[], options?: ReadOptions): Promise<readonly ActionWriteResult[]>;
  /** Pushes an aggregate plan down into the CRM's own aggregate query (SOQL GROUP BY, COQL). */
  runAggregatePlan(plan: AggregatePlan, options?: ReadOptions): Promise<AggregatePlanResult>;
  /** Reads the canonical records of a scope, page by page to the end (drivers, journeys, linkage). */
  readDataset(scope: DatasetScope, options?: ReadOptions): Promise<DatasetRead>;
  /** The signed-in CRM user (name, locale, time zone). */
  currentUser(options?: ReadOptions): Promise<CrmUser>;
}
