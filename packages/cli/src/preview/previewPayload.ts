import type { CanonicalDataset } from '@kizuna/model';
import type { PreviewPayload } from '@kizuna/demo/previewData';
import type { LoadReport } from '../load/loadDataset';
import { resolveAsOf } from '../sections/analysisTime';

/**
 * What the demo's server hands the page: the validated rows, the "now" they are shown at (`--to`,
 * else the latest activity in the data, else the moment of the call) and where they came from.
 */
export function previewPayloadOf(dataset: CanonicalDataset, report: LoadReport, asOf: string | undefined, now: () => Date = () => new Date()): PreviewPayload {
  const instant = asOf ?? resolveAsOf(dataset, undefined)?.instant ?? now().toISOString();
  const rows = report.files.reduce((sum, file) => sum + file.rowsUsed, 0);
  return { source: `${report.dir} (${dataset.accounts.length} accounts, ${rows} rows)`, asOf: instant, dataset };
}
