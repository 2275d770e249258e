import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { demoAsOf, demoConfig } from './demoConfig';
import { parsePreviewPayload, previewDatasetPath } from './previewData';

export interface DemoDataset {
  readonly dataset: CanonicalDataset;
  /** The "now" the data ends at. */
  readonly asOf: string;
  /** What the data is: the generated organisation, or the directory `kizuna preview` was given. */
  readonly source: string;
}

/**
 * The organisation the simulators serve: the exported data `kizuna preview --data DIR` serves
 * (already validated by the command, checked again here), or else the generated demo organisation.
 */
export async function loadDemoDataset(): Promise<DemoDataset> {
  const response = await fetch(previewDatasetPath, { headers: { Accept: 'application/json' } });
  if (response.status === 200 && (response.headers.get('Content-Type') ?? '').includes('application/json')) {
    return parsePreviewPayload(await response.json());
  }
  const asOf = demoAsOf();
  return {
    dataset: generateOrganisation({ seed: demoConfig.seed, accounts: demoConfig.accounts, asOf }),
    asOf,
    source: `generated organisation (${demoConfig.accounts} accounts)`,
  };
}
