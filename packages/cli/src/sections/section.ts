import type { FactTables } from '@kizuna/metrics';
import type { CanonicalDataset } from '@kizuna/model';
import type { AnalyzeOptions } from '../analyze/analyzeOptions';
import type { Labels } from '../analyze/labels';

/** Plain JSON: what a section puts into `--json` output. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One part of `kizuna analyze`'s output (KPIs, highlights, drivers, journey findings, next best
 * actions …), already computed: it renders itself as text and as JSON.
 */
export interface Section {
  /** Its key under `sections` in the JSON document, e.g. `kpis`. */
  readonly id: string;
  /** Its heading in the text output. */
  readonly title: string;
  toJson(): JsonValue;
  /** The body under the heading, without the heading itself. */
  toText(): string;
}

/** Everything a section may look at: the validated data, its fact tables, the request, names for ids. */
export interface AnalysisContext {
  readonly dataset: CanonicalDataset;
  readonly tables: FactTables;
  readonly options: AnalyzeOptions;
  readonly labels: Labels;
}

/**
 * A kind of section. To add one: write `src/sections/<name>Section.ts` exporting a `SectionModule`,
 * and list it in `src/sections/index.ts`. A module that throws does not stop the others: its
 * section reports the failure and `kizuna` exits 70.
 */
export interface SectionModule {
  readonly id: string;
  readonly title: string;
  build(context: AnalysisContext): Section;
}
