import type { CategoricalColumn, FactTable } from '../factTable';
import type { EvaluationContext } from '../kpiDefinition';
import { categoricalColumn, numbers } from './columns';

// Which accounts or contacts gave relationship feedback in a window, as marks over the codes of
// the account or contact table's id column: no id strings once the tables are built. What does
// not depend on the request is cached per table (tables are never modified once built): the
// translation of feedback's id codes into the other table's, and the relationship answers' times
// with their translated ids, ordered by time. The marks for a window are computed once per batch,
// from the answers in the window only.

const translations = new WeakMap<CategoricalColumn, WeakMap<CategoricalColumn, Int32Array>>();

/** For each code of `from`, the code of the same value in `to` (−1 where `to` does not have it). Cached. */
export function translateCodes(from: CategoricalColumn, to: CategoricalColumn): Int32Array {
  let byTarget = translations.get(from);
  if (byTarget === undefined) {
    byTarget = new WeakMap();
    translations.set(from, byTarget);
  }
  let translation = byTarget.get(to);
  if (translation === undefined) {
    const codeOf = new Map(to.dictionary.map((value, code) => [value, code]));
    translation = Int32Array.from(from.dictionary, (value) => codeOf.get(value) ?? -1);
    byTarget.set(to, translation);
  }
  return translation;
}

/**
 * The relationship answers, ordered by day (a counting sort; in no order within a day), answers
 * without a time last: when, and who (the target table's code + 1; 0 = no id or not in that table).
 * The answers of day d (counted from `firstDay`) are [dayStarts[d], dayStarts[d + 1]); the `timed`
 * first answers have a time.
 */
interface RelationshipAnswers {
  readonly times: Float64Array;
  readonly who: Int32Array;
  readonly timed: number;
  readonly firstDay: number;
  readonly dayStarts: Int32Array;
}

const DAY_MS = 86_400_000;

const answersCache = new WeakMap<FactTable, WeakMap<CategoricalColumn, RelationshipAnswers>>();

function countProgramme(programmes: Int32Array, programme: number): number {
  let count = 0;
  for (let row = 0; row < programmes.length; row += 1) count += Number(programmes[row] === programme);
  return count;
}

/** times/who of the answers of the programme, in row order; `translation` maps the answers' id codes to the target's (−1: none). */
function collectAnswers(
  programmes: Int32Array,
  programme: number,
  respondedAt: Float64Array,
  ids: Int32Array,
  translation: Int32Array,
  times: Float64Array,
  who: Int32Array,
): void {
  let kept = 0;
  for (let row = 0; row < programmes.length; row += 1) {
    if (programmes[row] !== programme) continue;
    times[kept] = respondedAt[row] ?? Number.NaN;
    who[kept] = (translation[ids[row] ?? -1] ?? -1) + 1;
    kept += 1;
  }
}

/** The earliest and latest time (NaN ignored), into `range`. */
function timeRange(times: Float64Array, range: Float64Array): void {
  let earliest = Infinity;
  let latest = -Infinity;
  for (let k = 0; k < times.length; k += 1) {
    const at = times[k] ?? Number.NaN;
    if (at < earliest) earliest = at;
    if (at > latest) latest = at;
  }
  range[0] = earliest;
  range[1] = latest;
}

/** Answers per day slot (slot 0 … days − 1; slot `days` for no time), at slot + 1. */
function countDays(times: Float64Array, firstDay: number, days: number, counts: Int32Array): void {
  for (let k = 0; k < times.length; k += 1) {
    const at = times[k] ?? Number.NaN;
    const slot = Number.isNaN(at) ? days : Math.floor(at / DAY_MS) - firstDay;
    counts[slot + 1] = (counts[slot + 1] ?? 0) + 1;
  }
}

function scatterDays(times: Float64Array, who: Int32Array, firstDay: number, days: number, cursor: Int32Array, sortedTimes: Float64Array, sortedWho: Int32Array): void {
  for (let k = 0; k < times.length; k += 1) {
    const at = times[k] ?? Number.NaN;
    const slot = Number.isNaN(at) ? days : Math.floor(at / DAY_MS) - firstDay;
    const to = cursor[slot] ?? 0;
    sortedTimes[to] = at;
    sortedWho[to] = who[k] ?? 0;
    cursor[slot] = to + 1;
  }
}

/** The answers ordered by day, those without a time last (once per table: a window then looks only at its own days). */
function byDay(times: Float64Array, who: Int32Array): RelationshipAnswers {
  const range = new Float64Array(2);
  timeRange(times, range);
  const earliest = range[0] ?? Infinity;
  const latest = range[1] ?? -Infinity;
  const firstDay = earliest <= latest ? Math.floor(earliest / DAY_MS) : 0;
  const days = earliest <= latest ? Math.floor(latest / DAY_MS) - firstDay + 1 : 0;
  const starts = new Int32Array(days + 2);
  countDays(times, firstDay, days, starts);
  for (let slot = 1; slot < starts.length; slot += 1) starts[slot] = (starts[slot] ?? 0) + (starts[slot - 1] ?? 0);
  const sortedTimes = new Float64Array(times.length);
  const sortedWho = new Int32Array(who.length);
  scatterDays(times, who, firstDay, days, starts.slice(0, -1), sortedTimes, sortedWho);
  return { times: sortedTimes, who: sortedWho, timed: starts[days] ?? 0, firstDay, dayStarts: starts.subarray(0, days + 1) };
}

function relationshipAnswers(feedback: FactTable, field: 'accountId' | 'contactId', target: CategoricalColumn): RelationshipAnswers {
  let byTarget = answersCache.get(feedback);
  if (byTarget === undefined) {
    byTarget = new WeakMap();
    answersCache.set(feedback, byTarget);
  }
  let answers = byTarget.get(target);
  if (answers === undefined) {
    const programme = categoricalColumn(feedback, 'programme');
    const relationship = programme.dictionary.indexOf('relationship');
    const idColumn = feedback.categorical[field];
    const count = idColumn === undefined || relationship < 0 ? 0 : countProgramme(programme.codes, relationship);
    const times = new Float64Array(count);
    const who = new Int32Array(count);
    if (idColumn !== undefined && count > 0) {
      collectAnswers(programme.codes, relationship, numbers(feedback, 'respondedAt'), idColumn.codes, translateCodes(idColumn, target), times, who);
    }
    answers = byDay(times, who);
    byTarget.set(target, answers);
  }
  return answers;
}

/** heard[who] = 1 for every answer of [from, to) not outside the window [start, end) (an answer without a time is never outside). */
function markAnswers(times: Float64Array, who: Int32Array, from: number, to: number, start: number, end: number, heard: Uint8Array): void {
  for (let k = from; k < to; k += 1) {
    const at = times[k] ?? Number.NaN;
    const slot = who[k] ?? 0;
    heard[slot] = (heard[slot] ?? 0) | (Number(!(at < start)) & Number(!(at >= end)));
  }
}

/** The index of the first answer of the day `at` falls on (clamped to the days held). */
function dayStart(answers: RelationshipAnswers, at: number, otherwise: number): number {
  const days = answers.dayStarts.length - 1;
  const day = Math.floor(at / DAY_MS) - answers.firstDay;
  if (!(day >= 0)) return day < 0 ? 0 : otherwise;
  return day >= days ? answers.timed : (answers.dayStarts[day] ?? answers.timed);
}

/**
 * 1 at `code + 1` for each code of `target` (the id column of the account or contact table) whose
 * account or contact gave relationship feedback in the context's window (at any time without one;
 * an answer without a time counts in any window); index 0 (a missing id) is always 0. Computed once
 * per batch and window, looking only at the answers of the window's days.
 */
export function heardFrom(context: EvaluationContext, field: 'accountId' | 'contactId', target: CategoricalColumn): Uint8Array {
  return context.shared(`heard from: relationship feedback by ${field}`, () => {
    const answers = relationshipAnswers(context.tables.feedback, field, target);
    const { times, who, timed } = answers;
    const heard = new Uint8Array(target.dictionary.length + 1);
    const start = context.window?.from ?? -Infinity;
    const end = context.window?.to ?? Infinity;
    // The days from the window's first to its last (the end's own day included: its answers before the end count).
    const from = Number.isFinite(start) ? dayStart(answers, start, 0) : 0;
    const to = Number.isFinite(end) ? dayStart(answers, end + DAY_MS, timed) : timed;
    markAnswers(times, who, from, to, start, end, heard);
    markAnswers(times, who, timed, times.length, start, end, heard);
    heard[0] = 0;
    return heard;
  });
}
