/**
 * Which resource a request hit: the query resources, the sObject resources (create, retrieve,
 * update, upsert, delete), sObject Collections, composite (one call whatever its subrequests),
 * and the OAuth token and UserInfo endpoints (counted, but not against the daily allocation).
 */
export type SalesforceEndpoint = 'query' | 'queryAll' | 'queryMore' | 'sobjects' | 'collections' | 'composite' | 'token' | 'userinfo';

export interface ApiCallSnapshot {
  /** Every request the simulator answered, whatever its status. */
  readonly total: number;
  readonly byEndpoint: Readonly<Record<SalesforceEndpoint, number>>;
  /** Response body bytes (UTF-8) sent, all requests. */
  readonly bytesSent: number;
  /** Authenticated requests counted against the daily allocation (`api-usage=N/M`). */
  readonly apiUsage: number;
}

const emptyByEndpoint = (): Record<SalesforceEndpoint, number> => ({
  query: 0,
  queryAll: 0,
  queryMore: 0,
  sobjects: 0,
  collections: 0,
  composite: 0,
  token: 0,
  userinfo: 0,
});

/**
 * API-call accounting: what benchmarks and tests read to count round trips and bytes.
 * `reset()` starts a fresh count (and a fresh daily allocation).
 */
export class ApiCallStats {
  #total = 0;
  #byEndpoint = emptyByEndpoint();
  #bytesSent = 0;
  #apiUsage = 0;

  get total(): number {
    return this.#total;
  }
  get byEndpoint(): Readonly<Record<SalesforceEndpoint, number>> {
    return { ...this.#byEndpoint };
  }
  get bytesSent(): number {
    return this.#bytesSent;
  }
  get apiUsage(): number {
    return this.#apiUsage;
  }

  /** Counts one answered request and the bytes of its body. */
  record(endpoint: SalesforceEndpoint, bodyBytes: number): void {
    this.#total += 1;
    this.#byEndpoint[endpoint] += 1;
    this.#bytesSent += bodyBytes;
  }

  /** Counts one request against the daily allocation and returns the new usage. */
  useAllocation(): number {
    this.#apiUsage += 1;
    return this.#apiUsage;
  }

  snapshot(): ApiCallSnapshot {
    return { total: this.#total, byEndpoint: this.byEndpoint, bytesSent: this.#bytesSent, apiUsage: this.#apiUsage };
  }

  reset(): void {
    this.#total = 0;
    this.#byEndpoint = emptyByEndpoint();
    this.#bytesSent = 0;
    this.#apiUsage = 0;
  }
}
