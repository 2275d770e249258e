import type { CanonicalDataset } from '@kizuna/model';
import { openEnd, type TimeWindow } from '../analyze/analyzeOptions';
import type { JsonValue } from './section';

/** Whether an ISO instant lies in the window [from, to); everything does without a window. */
export function inWindow(window: TimeWindow | undefined, iso: string): boolean {
  if (window === undefined) return true;
  const at = Date.parse(iso);
  return at >= Date.parse(window.from) && at < Date.parse(window.to);
}

export function windowJson(window: TimeWindow | undefined): JsonValue {
  return window === undefined ? null : { from: window.from, to: window.to };
}

/** The instant next best actions (and open-case SLA breaches) are judged at, and where it came from. */
export interface AsOf {
  readonly instant: string;
  /** `to`: the `--to` option; `data`: the latest activity timestamp in the data. */
  readonly source: 'to' | 'data';
}

/**
 * Timestamps of things that have happened: answers, touchpoints, support-case events and actions.
 * Planned dates (renewal dates, opportunities' close dates) are left out: they lie in the future.
 */
function activityTimes(dataset: CanonicalDataset): Iterable<string> {
  return (function* times() {
    for (const answer of dataset.feedback) yield answer.respondedAt;
    for (const touchpoint of dataset.touchpoints) yield touchpoint.occurredAt;
    for (const supportCase of dataset.supportCases) {
      yield supportCase.openedAt;
      if (supportCase.firstResponseAt !== undefined) yield supportCase.firstResponseAt;
      if (supportCase.closedAt !== undefined) yield supportCase.closedAt;
    }
    for (const action of dataset.actions) yield action.createdAt;
  })();
}

/**
 * `asOf`: the end of the `--to` window when one was given, else the latest activity timestamp in
 * the data — never the wall clock, so the same files always give the same output. `undefined`
 * when neither exists (no activity at all).
 */
export function resolveAsOf(dataset: CanonicalDataset, window: TimeWindow | undefined): AsOf | undefined {
  if (window !== undefined && window.to !== openEnd) return { instant: window.to, source: 'to' };
  let latest = Number.NEGATIVE_INFINITY;
  for (const iso of activityTimes(dataset)) {
    const at = Date.parse(iso);
    if (at > latest) latest = at;
  }
  return Number.isFinite(latest) ? { instant: new Date(latest).toISOString(), source: 'data' } : undefined;
}

export function asOfText(asOf: AsOf): string {
  return asOf.source === 'to'
    ? `${asOf.instant} (the end of --to)`
    : `${asOf.instant} (the latest activity in the data; pass --to to choose another instant)`;
}
