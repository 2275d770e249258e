import { kpiSection } from './kpiSection';
import type { SectionModule } from './section';

/**
 * The sections of `kizuna analyze`, in the order they print and appear under `sections` in JSON.
 * Planned, as the metrics core gains them: highlights, drivers, journey findings, next best actions
 * (each a `src/sections/<name>Section.ts` exporting a {@link SectionModule}, listed here).
 */
export const analyzeSections: readonly SectionModule[] = [kpiSection];

export { runSections } from './runSections';
export type { SectionRun } from './runSections';
export type { AnalysisContext, JsonValue, Section, SectionModule } from './section';
