/**
 * Which resource a request hit: record lists, single records, record counts, COQL, inserts,
 * updates, upserts, users, settings (module and field metadata),
 * the accounts server's token, authorize and revoke endpoints (counted, no credits), and
 * `other`: paths the API does not serve (404 INVALID_URL_PATTERN).
 */
export type ZohoEndpoint = 'records' | 'record' | 'count' | 'coql' | 'insert' | 'update' | 'upsert' | 'users' | 'settings' | 'token' | 'authorize' | 'revoke' | 'other';

export const zohoEndpoints: readonly ZohoEndpoint[] = ['records', 'record', 'count', 'coql', 'insert', 'update', 'upsert', 'users', 'settings', 'token', 'authorize', 'revoke', 'other'];

export interface ZohoCallSnapshot {
  /** Every request answered, whatever its status. */
  readonly total: number;
  readonly byEndpoint: Readonly<Record<ZohoEndpoint, number>>;
  /** Response body bytes (UTF-8) sent, all requests. */
  readonly bytesSent: number;
  readonly bytesByEndpoint: Readonly<Record<ZohoEndpoint, number>>;
  /** Admitted API calls (authenticated CRM requests; not the accounts server). */
  readonly apiCalls: number;
  /** API credits spent: 1 a call, COQL 1/2/3 by LIMIT (1–200, 201–1000, 1001–2000). */
  readonly credits: number;
}

const zeroes = (): Record<ZohoEndpoint, number> =>
  Object.fromEntries(zohoEndpoints.map((endpoint) => [endpoint, 0])) as Record<ZohoEndpoint, number>;

/** API-call accounting, as the Salesforce half's `ApiCallStats`: what tests and benchmarks read. */
export class ZohoCallStats {
  #total = 0;
  #byEndpoint = zeroes();
  #bytes = zeroes();
  #bytesSent = 0;
  #apiCalls = 0;
  #credits = 0;

  get total(): number {
    return this.#total;
  }
  get apiCalls(): number {
    return this.#apiCalls;
  }
  get credits(): number {
    return this.#credits;
  }

  /** Counts one answered request and the bytes of its body. */
  record(endpoint: ZohoEndpoint, bodyBytes: number): void {
    this.#total += 1;
    this.#byEndpoint[endpoint] += 1;
    this.#bytes[endpoint] += bodyBytes;
    this.#bytesSent += bodyBytes;
  }

  /** Counts one admitted API call. */
  admit(): number {
    this.#apiCalls += 1;
    return this.#apiCalls;
  }

  spendCredits(credits: number): void {
    this.#credits += credits;
  }

  snapshot(): ZohoCallSnapshot {
    return {
      total: this.#total,
      byEndpoint: { ...this.#byEndpoint },
      bytesSent: this.#bytesSent,
      bytesByEndpoint: { ...this.#bytes },
      apiCalls: this.#apiCalls,
      credits: this.#credits,
    };
  }

  reset(): void {
    this.#total = 0;
    this.#byEndpoint = zeroes();
    this.#bytes = zeroes();
    this.#bytesSent = 0;
    this.#apiCalls = 0;
    this.#credits = 0;
  }
}
