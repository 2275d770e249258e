import { driversSection } from './driversSection';
import { highlightsSection } from './highlightsSection';
import { journeySection } from './journeySection';
import { kpiSection } from './kpiSection';
import { linkageSection } from './linkageSection';
import { nextBestActionsSection } from './nextBestActionsSection';
import type { SectionModule } from './section';

/**
 * The sections of `kizuna analyze`, in the order they print and appear under `sections` in JSON
 * (each a `src/sections/<name>Section.ts` exporting a {@link SectionModule}).
 */
export const analyzeSections: readonly SectionModule[] = [
  kpiSection,
  highlightsSection,
  driversSection,
  journeySection,
  linkageSection,
  nextBestActionsSection,
];

export { runSections } from './runSections';
export type { SectionRun } from './runSections';
export type { AnalysisContext, JsonValue, Section, SectionModule } from './section';
