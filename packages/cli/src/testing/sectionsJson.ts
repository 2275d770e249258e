import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface IntervalJson {
  readonly low: number;
  readonly high: number;
  readonly level: number;
}

/** The parts of the analysis sections in `kizuna analyze --json` that the tests read. */
export interface SectionsJson {
  readonly highlights: {
    readonly dimension: string;
    readonly designEffect: { readonly value: number; readonly accounts: number };
    readonly cells: ReadonlyArray<{
      readonly key: string | null;
      readonly label: string;
      readonly direction: 'weakness' | 'strength' | 'none';
      readonly revenueAtStake: number;
      readonly n: number;
      readonly difference: number | null;
      readonly adjustedP: number | null;
    }>;
  };
  readonly drivers: {
    readonly seed: number;
    readonly n: number;
    readonly drivers: ReadonlyArray<{ readonly item: string; readonly rank: number; readonly reliable: boolean; readonly quadrant: string | null }>;
  };
  readonly journey: {
    readonly stages: ReadonlyArray<{ readonly stage: string; readonly nps: { readonly value: number | null; readonly n: number } }>;
    readonly findings: ReadonlyArray<{ readonly code: string; readonly from: string; readonly to: string; readonly text: string; readonly evidence: Readonly<Record<string, number>> }>;
  };
  readonly linkage: {
    readonly cxEx: {
      readonly strongestLag: number | null;
      readonly minimumRespondents: number;
      readonly lags: ReadonlyArray<{ readonly lag: number; readonly pooled: { readonly r: number; readonly n: number; readonly interval: IntervalJson } | null }>;
    };
    readonly operational: { readonly metrics: ReadonlyArray<{ readonly metric: string }> };
  };
  readonly nextBestActions: {
    readonly asOf: { readonly instant: string; readonly source: 'to' | 'data' } | null;
    readonly proposed: number;
    readonly truncated: boolean;
    readonly actions: ReadonlyArray<{
      readonly rank: number;
      readonly accountId: string;
      readonly accountName: string;
      readonly idempotencyKey: string;
      readonly priority: number;
      readonly reasons: readonly string[];
      readonly action: unknown;
    }>;
  };
}

export function parseSectionsJson(text: string): { readonly sections: SectionsJson; readonly failedSections: readonly string[] } {
  return JSON.parse(text) as { sections: SectionsJson; failedSections: string[] };
}

/** The records of one `<dataset>.jsonl` file. */
export async function readJsonlRecords(dir: string, datasetKey: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(dir, `${datasetKey}.jsonl`), 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}
