import type { KeyDriverWarning, KpiWarning, OperationalWarning } from '@kizuna/metrics';
import type { JsonValue } from '../sections/section';
import { describeWarning } from './formatKpi';
import { humanise } from './formatStats';

/** Any coded warning of the metrics core's analyses (KPIs, highlights, drivers, linkage). */
export type StatWarning = KpiWarning | KeyDriverWarning | OperationalWarning;

const text = (value: number | string | undefined): string => (value === undefined ? '?' : String(value));

function smallSample(detail: Readonly<Record<string, number | string>>): string {
  const where = detail['lag'] === undefined ? '' : `lag ${text(detail['lag'])}: `;
  const size = `n ${text(detail['n'])} < ${text(detail['minimum'])}`;
  if (detail['group'] === 'rest') return `the rest is too small to compare against (${size}): not tested`;
  switch (detail['consequence']) {
    case 'not_tested':
      return `${where}too few answers to test (${size})`;
    case 'not_ranked':
      return `${where}small sample (${size}): not ranked`;
    default:
      return `${where}small sample (${size}): indicative only`;
  }
}

function analysisWarning(warning: StatWarning): string | undefined {
  const detail = warning.detail ?? {};
  switch (warning.code) {
    case 'incomplete_rows':
      return `${text(detail['dropped'])} answers without every driver rating left out (${text(detail['kept'])} kept)`;
    case 'constant_item':
      return `${humanise(text(detail['item']))} has the same rating everywhere: left out`;
    case 'constant_outcome':
      return 'every answer has the same score: nothing to explain';
    case 'collinear_items':
      return 'the driver ratings are (almost) perfectly collinear: no weights';
    case 'no_reliable_drivers':
      return 'no driver explains reliably more than random noise: treat none as a key driver';
    case 'unstable_bootstrap':
      return `${text(detail['failed'])} of ${text(detail['resamples'])} bootstrap resamples failed: intervals less trustworthy`;
    case 'tied_values':
      return `${humanise(text(detail['metric']))}: so many accounts share a value that the worst quartile is not a quarter of them`;
    case 'small_sample':
      return smallSample(detail);
    case 'no_data':
      return detail['lag'] === undefined ? undefined : `lag ${text(detail['lag'])}: no data`;
    default:
      return undefined;
  }
}

/** A coded warning in words, for people. */
export function describeStatWarning(warning: StatWarning): string {
  const own = analysisWarning(warning);
  if (own !== undefined) return own;
  switch (warning.code) {
    case 'no_data':
    case 'suppressed':
    case 'stale':
    case 'unmapped':
    case 'unsupported_cut':
      return describeWarning({ code: warning.code, ...(warning.detail === undefined ? {} : { detail: warning.detail }) });
    default:
      return warning.code;
  }
}

/** A warning as JSON: its code, the figures behind it and the words. */
export function statWarningJson(warning: StatWarning): { readonly [key: string]: JsonValue } {
  return {
    code: warning.code,
    ...(warning.detail === undefined ? {} : { detail: { ...warning.detail } }),
    text: describeStatWarning(warning),
  };
}
