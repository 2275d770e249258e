import type { AnalysisContext, Section, SectionModule } from './section';

export interface SectionRun {
  readonly sections: readonly Section[];
  /** Ids of the sections whose module threw. */
  readonly failed: readonly string[];
}

function failedSection(module: SectionModule, error: unknown): Section {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id: module.id,
    title: module.title,
    toJson: () => ({ error: message }),
    toText: () => `  could not be computed: ${message}`,
  };
}

/** Builds every section; one that fails is replaced by a section saying why, and the rest go on. */
export function runSections(modules: readonly SectionModule[], context: AnalysisContext): SectionRun {
  const failed: string[] = [];
  const sections = modules.map((module) => {
    try {
      return module.build(context);
    } catch (error) {
      failed.push(module.id);
      return failedSection(module, error);
    }
  });
  return { sections, failed };
}
