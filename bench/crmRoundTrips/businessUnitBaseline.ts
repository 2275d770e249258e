// Baseline for the business-unit view: bring the rows home and compute in memory. Every row of
// the objects the eight KPIs read — feedback, cases, opportunities — and the accounts (churnRate
// counts accounts, and every fact row needs its account's business unit and segment), each
// fetched page by page with the mapped fields. Measured in full unless `maxPages` says otherwise;
// then the cost of the rest is extrapolated from the pages read (bytes per row × all rows), and
// the result says so.
import { parseSalesforceConnection } from '@kizuna/crm-salesforce';
import type { SalesforceOrg } from '@kizuna/crm-sim';
import { measure, meteredTransport, type WireCost } from './meter';
import { naiveObjectFetch, objectNameOf, type FactObject } from './naiveFetching';
import { accessToken, instanceUrl } from './simulatedOrg';

/** Rows per page: the REST default batch (and the most Salesforce returns). */
const ROWS_PER_PAGE = 2000;

export interface ObjectBaseline {
  readonly object: string;
  readonly rows: number;
  readonly pages: number;
  readonly bytesDown: number;
  readonly bytesUp: number;
  readonly ms: number;
  /** Measured: what was read. When extrapolated, the measured part is in `measured`. */
  readonly extrapolated: boolean;
  readonly measured: { readonly rows: number; readonly pages: number; readonly cost: WireCost };
}

export interface BusinessUnitBaseline {
  readonly objects: readonly ObjectBaseline[];
  readonly roundTrips: number;
  readonly bytesDown: number;
  readonly bytesUp: number;
  readonly rows: number;
  readonly extrapolated: boolean;
}

export const baselineObjects: readonly FactObject[] = ['feedback', 'supportCase', 'opportunity', 'account'];

export async function measureBusinessUnitBaseline(org: SalesforceOrg, maxPages = Number.POSITIVE_INFINITY): Promise<BusinessUnitBaseline> {
  const connection = parseSalesforceConnection({ instanceUrl });
  const objects: ObjectBaseline[] = [];
  for (const object of baselineObjects) {
    const client = meteredTransport(accessToken);
    const counter = () => ({ ...client.stats, bytesUp: client.bytesUp() });
    const { value: fetched, cost, ms } = await measure(org, counter, () => naiveObjectFetch(client.transport, connection, object, maxPages));
    const measured = { rows: fetched.rows, pages: fetched.pages, cost };
    // COUNT() straight from the org (no HTTP, not counted): how many rows the full fetch would read.
    const rows = fetched.stoppedEarly ? org.query(`SELECT COUNT() FROM ${objectNameOf(object)}`).totalSize : fetched.rows;
    if (rows === fetched.rows) {
      objects.push({ object: fetched.object, rows: fetched.rows, pages: fetched.pages, bytesDown: cost.bytesDown, bytesUp: cost.bytesUp, ms, extrapolated: false, measured });
      continue;
    }
    const pages = Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));
    objects.push({
      object: fetched.object,
      rows,
      pages,
      bytesDown: Math.round((cost.bytesDown / Math.max(1, fetched.rows)) * rows),
      bytesUp: Math.round((cost.bytesUp / Math.max(1, fetched.pages)) * pages),
      ms: (ms / Math.max(1, fetched.rows)) * rows,
      extrapolated: true,
      measured,
    });
  }
  const sum = (pick: (entry: ObjectBaseline) => number) => objects.reduce((total, entry) => total + pick(entry), 0);
  return {
    objects,
    roundTrips: sum((entry) => entry.pages),
    bytesDown: sum((entry) => entry.bytesDown),
    bytesUp: sum((entry) => entry.bytesUp),
    rows: sum((entry) => entry.rows),
    extrapolated: objects.some((entry) => entry.extrapolated),
  };
}
