import type { CanonicalDataset } from '@kizuna/model';
import { ApiCallStats } from './apiCallStats';
import { SalesforceOAuth } from './oauth/salesforceOAuth';
import { QueryCursors } from './queryCursors';
import { RecordStore } from './recordStore';
import { SalesforceSessions } from './salesforceSessions';
import { salesforceObjectSpecsFor } from './salesforceObjectSpecs';
import { createSalesforceSchema, type SalesforceObjectDescribe, type SalesforceSchema } from './salesforceSchema';
import { mostUsedCurrency, seedSalesforceRecords, type SeededEntity } from './seedSalesforceRecords';
import { executeSoql, type SoqlResultSet } from './soql/executeSoql';
import type { JsonRecord } from './soql/queryContext';
import type { StoredRecord } from './storedRecord';
import { createSObjectWrites, type SObjectWrites } from './writes/sobjectWrites';

export interface SalesforceOrgOptions {
  /** Epoch ms of "now": TODAY, LAST_N_DAYS:n … (UTC), created/completed stamps, OAuth expiry. Default: the wall clock. */
  readonly now?: () => number;
  /** Open query cursors kept before the oldest is closed. Default 10, as Salesforce per user. */
  readonly maxOpenCursors?: number;
  /**
   * Feedback Management (Salesforce Surveys) enabled: Survey, SurveyInvitation, SurveyResponse,
   * SurveyQuestion, SurveyQuestionResponse and SurveySubject exist and hold the feedback too.
   * Default false: those objects do not exist and queries on them answer INVALID_TYPE.
   */
  readonly surveys?: boolean;
  /**
   * Multiple currencies enabled (default true): Account and Opportunity have `CurrencyIsoCode` and
   * `CurrencyType` lists the currencies. False: a single-currency org — neither exists (queries
   * naming them answer INVALID_FIELD and INVALID_TYPE), and `Organization.DefaultCurrencyIsoCode`
   * holds the org's one currency.
   */
  readonly multiCurrency?: boolean;
  /** The corporate currency (single-currency: the org's currency). Default: the one most seeded accounts use. */
  readonly corporateCurrency?: string;
}

export interface SoqlOptions {
  /** queryAll semantics: include rows with `IsDeleted = true`. */
  readonly includeDeleted?: boolean;
  /** Version used in `attributes.url`. Default `v66.0`. */
  readonly apiVersion?: string;
}

/** A whole query result, every row in one piece (no paging). */
export interface SalesforceQueryResult {
  readonly totalSize: number;
  readonly done: true;
  readonly records: readonly JsonRecord[];
}

/** An in-memory Salesforce org seeded from canonical data. */
export interface SalesforceOrg {
  readonly schema: SalesforceSchema;
  describe(objectName: string): SalesforceObjectDescribe | undefined;
  /** The stored records of an object (datetimes as epoch ms, see `StoredRecord`). */
  records(objectName: string): readonly StoredRecord[];
  recordById(id: string): { readonly objectName: string; readonly record: StoredRecord } | undefined;
  /** The 18-char Salesforce id a canonical record was seeded with; throws if it was not seeded. */
  salesforceIdOf(entity: SeededEntity, canonicalId: string): string;
  /** Runs SOQL and returns the whole result; throws `SalesforceApiError` as the API would answer. */
  query(soql: string, options?: SoqlOptions): SalesforceQueryResult;
  /** Runs SOQL and returns the unpaged result set (what the REST handlers page through). */
  execute(soql: string, options?: SoqlOptions): SoqlResultSet;
  /**
   * Validated record writes (create, update, upsert by external id, delete), as the REST
   * sObject resources perform them; they throw `SalesforceApiError` as the API would answer.
   */
  readonly sobjects: SObjectWrites;
  /** The records themselves, with savepoints; writes here skip validation. */
  readonly store: RecordStore;
  /** API-call accounting for every request the handlers answer. */
  readonly calls: ApiCallStats;
  readonly sessions: SalesforceSessions;
  readonly cursors: QueryCursors;
  /** Users, connected apps, authorization codes and refresh tokens of the OAuth token endpoint. */
  readonly oauth: SalesforceOAuth;
}

export const defaultSalesforceApiVersion = 'v66.0';

/**
 * Creates an org laid out as docs/crm/salesforce-layout.md says, seeded from `dataset` with
 * deterministic ids (the same dataset always gives the same ids).
 */
export function createSalesforceOrg(dataset: CanonicalDataset, options: SalesforceOrgOptions = {}): SalesforceOrg {
  const multiCurrency = options.multiCurrency !== false;
  const specs = salesforceObjectSpecsFor({ surveys: options.surveys === true, multiCurrency });
  const schema = createSalesforceSchema(specs);
  const currencies = { multiCurrency, corporate: options.corporateCurrency ?? mostUsedCurrency(dataset) };
  const seeded = seedSalesforceRecords(dataset, specs, { surveys: options.surveys === true, currencies });
  const now = options.now ?? Date.now;
  const source = new RecordStore(schema, seeded, now);
  const sessions = new SalesforceSessions();
  const execute = (soql: string, soqlOptions: SoqlOptions = {}): SoqlResultSet =>
    executeSoql(
      {
        source,
        apiVersion: soqlOptions.apiVersion ?? defaultSalesforceApiVersion,
        includeDeleted: soqlOptions.includeDeleted === true,
        now: source.now(),
      },
      soql,
    );
  return {
    schema,
    describe: (objectName) => schema.object(objectName),
    records: (objectName) => source.records(objectName),
    recordById: (id) => source.recordById(id),
    salesforceIdOf: (entity, canonicalId) => {
      const id = seeded.salesforceIds.get(entity)?.get(canonicalId);
      if (id === undefined) throw new Error(`no ${entity} with canonical id ${canonicalId} was seeded into the org`);
      return id;
    },
    query: (soql, soqlOptions) => {
      const result = execute(soql, soqlOptions);
      const records =
        result.kind === 'records' ? result.page(0, result.totalSize) : result.kind === 'aggregate' ? result.records : [];
      return { totalSize: result.totalSize, done: true, records };
    },
    execute,
    sobjects: createSObjectWrites(source),
    store: source,
    calls: new ApiCallStats(),
    sessions,
    cursors: new QueryCursors(options.maxOpenCursors),
    oauth: new SalesforceOAuth(sessions, now),
  };
}
