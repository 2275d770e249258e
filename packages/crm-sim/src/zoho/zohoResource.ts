import type { ZohoOrg } from './zohoOrg';

/** One answer before it goes on the wire. */
export interface ZohoAnswer {
  readonly status: number;
  /** JSON body; `null` for 204. */
  readonly body: unknown;
  /** API credits the call costs (default 1). */
  readonly credits?: number;
}

/** What a resource sees of the org. */
export interface ZohoResourceContext {
  readonly org: ZohoOrg;
}
