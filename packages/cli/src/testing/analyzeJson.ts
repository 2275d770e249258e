import type { KpiResult } from '@kizuna/metrics';

/** The parts of `kizuna analyze --json` the tests read. */
export interface AnalyzeJson {
  readonly command: string;
  readonly request: { readonly groupBy: string[]; readonly kpis: string[]; readonly window: { from: string; to: string } | null };
  readonly inputs: {
    readonly fileCount: number;
    readonly rowsRead: number;
    readonly rowsUsed: number;
    readonly rowsRejected: number;
    readonly rowsWithWarnings: number;
    readonly files: ReadonlyArray<{
      readonly entity: string;
      readonly path: string;
      readonly format: string;
      readonly rowsRead: number;
      readonly rowsUsed: number;
      readonly rowsRejected: number;
      readonly rejected: ReadonlyArray<{ readonly line: number; readonly message: string }>;
      readonly warnings: ReadonlyArray<{ readonly line: number; readonly message: string }>;
      readonly notes: readonly string[];
    }>;
    readonly missing: readonly string[];
  };
  readonly sections: {
    readonly kpis: {
      readonly kpis: ReadonlyArray<{
        readonly id: string;
        readonly overall: { readonly result: KpiResult };
        readonly groups: ReadonlyArray<{
          readonly keys: Readonly<Record<string, string>>;
          readonly labels: Readonly<Record<string, string>>;
          readonly result: KpiResult;
        }>;
      }>;
    };
  };
}

export function parseAnalyzeJson(text: string): AnalyzeJson {
  return JSON.parse(text) as AnalyzeJson;
}

/** One KPI's groups as `{ keys, result }`, sorted by key, to compare with `evaluateKpi`'s groups. */
export function groupsOf(json: AnalyzeJson, kpi: string): Array<{ keys: Readonly<Record<string, string>>; result: KpiResult }> {
  const report = json.sections.kpis.kpis.find((candidate) => candidate.id === kpi);
  if (report === undefined) throw new Error(`no KPI ${kpi} in the output`);
  return sortGroups(report.groups.map(({ keys, result }) => ({ keys, result })));
}

export function sortGroups<T extends { readonly keys: Readonly<Partial<Record<string, string>>> }>(groups: readonly T[]): T[] {
  const key = (group: T) => JSON.stringify(Object.entries(group.keys).sort());
  return [...groups].sort((a, b) => key(a).localeCompare(key(b)));
}
