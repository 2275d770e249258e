import type { KpiResult, KpiWarning } from '@kizuna/metrics';
import { describeWarning } from '../output/formatKpi';
import { kpiName } from '../output/kpiNames';
import type { KpiReport, LabelledGroup } from './kpiReport';
import type { JsonValue } from './section';

type JsonObject = { readonly [key: string]: JsonValue };

function stringRecord(record: Readonly<Partial<Record<string, string>>>): JsonObject {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function warningJson(warning: KpiWarning): JsonObject {
  return warning.detail === undefined ? { code: warning.code } : { code: warning.code, detail: { ...warning.detail } };
}

/** A {@link KpiResult} exactly as the metrics core returned it (so it compares equal to `evaluateKpi`). */
export function resultJson(result: KpiResult): JsonObject {
  return {
    value: result.value,
    interval: result.interval === null ? null : { low: result.interval.low, high: result.interval.high, level: result.interval.level },
    n: result.n,
    warnings: result.warnings.map(warningJson),
    detail: { ...result.detail },
  };
}

function groupJson(group: LabelledGroup): JsonObject {
  return {
    keys: stringRecord(group.keys),
    labels: stringRecord(group.labels),
    result: resultJson(group.result),
    notes: group.result.warnings.map(describeWarning),
  };
}

export function kpiReportJson(report: KpiReport): JsonObject {
  const { definition } = report;
  return {
    id: report.id,
    name: kpiName(report.id),
    unit: definition.unit,
    better: definition.better,
    source: definition.source,
    groupBy: [...report.groupBy],
    warnings: report.warnings.map((warning) => ({ ...warningJson(warning), text: describeWarning(warning) })),
    overall: { result: resultJson(report.overall), notes: report.overall.warnings.map(describeWarning) },
    groups: report.groups.map(groupJson),
  };
}
