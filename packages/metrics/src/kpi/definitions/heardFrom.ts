import type { CategoricalColumn, FactTable } from '../factTable';
import type { EvaluationContext } from '../kpiDefinition';
import { categoricalColumn, numbers } from './columns';

// Which accounts or contacts gave relationship feedback in a window, as marks over the codes of
// the account or contact table's id column: no id strings once the tables are built. What does
// not depend on the request is cached per table (tables are never modified once built): the
// translation of feedback's id codes into the other table's, and the relationship answers' times
// with their translated ids. The marks for a window are computed once per batch.

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

/** The relationship answers: when, and who (the target table's code + 1; 0 = no id or not in that table). */
interface RelationshipAnswers {
  readonly times: Float64Array;
  readonly who: Int32Array;
}

const answersCache = new WeakMap<FactTable, WeakMap<CategoricalColumn, RelationshipAnswers>>();

function countProgramme(programmes: Int32Array, programme: number): number {
  let count = 0;
  for (let row = 0; row < programmes.length; row += 1) count += Number(programmes[row] === programme);
  return count;
}

/** times/who of the answers of the programme; `translation` maps the answers' id codes to the target's (−1: none). */
function collectAnswers(
  programmes: Int32Array,
  programme: number,
  respondedAt: Float64Array,
  ids: Int32Array,
  translation: Int32Array,
  { times, who }: RelationshipAnswers,
): void {
  let kept = 0;
  for (let row = 0; row < programmes.length; row += 1) {
    if (programmes[row] !== programme) continue;
    times[kept] = respondedAt[row] ?? Number.NaN;
    who[kept] = (translation[ids[row] ?? -1] ?? -1) + 1;
    kept += 1;
  }
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
    answers = { times: new Float64Array(count), who: new Int32Array(count) };
    if (idColumn !== undefined && count > 0) {
      collectAnswers(programme.codes, relationship, numbers(feedback, 'respondedAt'), idColumn.codes, translateCodes(idColumn, target), answers);
    }
    byTarget.set(target, answers);
  }
  return answers;
}

/** heard[who] = 1 for every answer not outside [from, to) (an answer without a time is never outside). */
function markAnswers(times: Float64Array, who: Int32Array, from: number, to: number, heard: Uint8Array): void {
  for (let k = 0; k < times.length; k += 1) {
    const at = times[k] ?? Number.NaN;
    const slot = who[k] ?? 0;
    heard[slot] = (heard[slot] ?? 0) | (Number(!(at < from)) & Number(!(at >= to)));
  }
}

/**
 * 1 at `code + 1` for each code of `target` (the id column of the account or contact table) whose
 * account or contact gave relationship feedback in the context's window (at any time without one);
 * index 0 (a missing id) is always 0. Computed once per batch and window.
 */
export function heardFrom(context: EvaluationContext, field: 'accountId' | 'contactId', target: CategoricalColumn): Uint8Array {
  return context.shared(`heard from: relationship feedback by ${field}`, () => {
    const { times, who } = relationshipAnswers(context.tables.feedback, field, target);
    const heard = new Uint8Array(target.dictionary.length + 1);
    markAnswers(times, who, context.window?.from ?? -Infinity, context.window?.to ?? Infinity, heard);
    heard[0] = 0;
    return heard;
  });
}
