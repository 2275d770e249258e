// The organisation for the benchmark and its fact tables, with what building them costs in time
// and memory. Records are collected from `streamOrganisation`; touchpoints (~30 % of the records)
// are read only by the health scorecard, so they are kept only when the tables are built with
// health scoring (the relationship-health KPI needs it). The dataset is dropped once the tables
// are built, so the timed runs see only the fact tables.
import { buildFactTables, type FactTables } from '@kizuna/metrics';
import type { CanonicalDataset } from '@kizuna/model';
import { collectDataset, streamOrganisation, type GenerateOptions, type OrganisationRecord } from '@kizuna/sample-data';
import { processCpuMs } from './timing';

export interface MemorySnapshot {
  readonly heapUsed: number;
  /** Memory of ArrayBuffers (typed-array storage), outside the V8 heap. */
  readonly arrayBuffers: number;
  readonly rss: number;
}

export interface OrganisationFacts {
  readonly tables: FactTables;
  /** Rows per fact table. */
  readonly rows: Readonly<Record<keyof FactTables, number>>;
  /** Touchpoints left out of the dataset (none when health is scored: the scorecard reads them). */
  readonly touchpointsSkipped: number;
  /** Accounts given a health score by buildFactTables (0 without health scoring). */
  readonly healthScored: number;
  readonly generateSeconds: number;
  readonly buildFactTablesMs: number;
  /** Process CPU time of buildFactTables (steadier than wall-clock on a shared machine); includes health scoring. */
  readonly buildFactTablesCpuMs: number;
  /** Whether `global.gc` was available (run node with --expose-gc), so snapshots follow a full GC. */
  readonly gcExposed: boolean;
  readonly memory: {
    readonly start: MemorySnapshot;
    readonly withDataset: MemorySnapshot;
    readonly withDatasetAndTables: MemorySnapshot;
    readonly tablesOnly: MemorySnapshot;
    /** Kernel's peak RSS of the process so far, after building. */
    readonly peakRss: number;
  };
  /** Exact bytes of the tables' typed arrays, and how many dictionary strings they hold. */
  readonly typedArrayBytes: Readonly<Record<keyof FactTables, number>>;
  readonly dictionaryEntries: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

export function collectGarbage(): void {
  gc?.();
  gc?.();
}

export function snapshot(): MemorySnapshot {
  collectGarbage();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  return { heapUsed, arrayBuffers, rss };
}

function* keep(records: Iterable<OrganisationRecord>, touchpoints: boolean, skipped: { count: number }): Generator<OrganisationRecord> {
  for (const record of records) {
    if (record.entity === 'touchpoint' && !touchpoints) skipped.count += 1;
    else yield record;
  }
}

function sizes(tables: FactTables): { bytes: Record<keyof FactTables, number>; entries: number } {
  let entries = 0;
  const bytes = Object.fromEntries(
    Object.entries(tables).map(([name, table]) => {
      let total = 0;
      for (const column of Object.values(table.categorical)) {
        total += column.codes.byteLength;
        entries += column.dictionary.length;
      }
      for (const column of Object.values(table.numeric)) total += column.byteLength;
      return [name, total];
    }),
  ) as Record<keyof FactTables, number>;
  return { bytes, entries };
}

/** With `healthAsOf`, every account's health is scored as of that instant (default scorecard). */
export function buildOrganisationFacts(options: GenerateOptions, healthAsOf?: string): OrganisationFacts {
  const skipped = { count: 0 };
  const start = snapshot();
  const built = (() => {
    const generateStarted = performance.now();
    const dataset: CanonicalDataset = collectDataset(keep(streamOrganisation(options), healthAsOf !== undefined, skipped));
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    const withDataset = snapshot();
    const cpuStarted = processCpuMs();
    const buildStarted = performance.now();
    const tables = buildFactTables(dataset, healthAsOf === undefined ? {} : { health: { asOf: healthAsOf } });
    const buildFactTablesMs = performance.now() - buildStarted;
    const buildFactTablesCpuMs = processCpuMs() - cpuStarted;
    const withDatasetAndTables = snapshot();
    return { tables, generateSeconds, buildFactTablesMs, buildFactTablesCpuMs, withDataset, withDatasetAndTables };
  })();
  const tablesOnly = snapshot();
  const { tables } = built;
  const { bytes, entries } = sizes(tables);
  return {
    tables,
    rows: Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, table.length])) as Record<keyof FactTables, number>,
    touchpointsSkipped: skipped.count,
    healthScored: (tables.account.numeric['healthScore'] ?? []).filter((score) => !Number.isNaN(score)).length,
    generateSeconds: built.generateSeconds,
    buildFactTablesMs: built.buildFactTablesMs,
    buildFactTablesCpuMs: built.buildFactTablesCpuMs,
    gcExposed: gc !== undefined,
    memory: {
      start,
      withDataset: built.withDataset,
      withDatasetAndTables: built.withDatasetAndTables,
      tablesOnly,
      peakRss: process.resourceUsage().maxRSS * 1024,
    },
    typedArrayBytes: bytes,
    dictionaryEntries: entries,
  };
}
