import type { ReadOptions, RejectedRecord, Feedback } from '@kizuna/model';
import { queryPages, type SalesforceRecord } from '../restQuery';
import { assembleSurveyFeedback, type AccountOf, type SurveyFeedbackResult, type UnmappedSurveyQuestion } from './assembleSurveyFeedback';
import { answerRowOf } from './surveyAnswerRow';
import { partRecords, sendQueries, type SurveyReadContext } from './surveyComposite';
import { surveyDefaultMapping } from './surveyMapping';
import { completedResponseIdsQuery, responseRangeQueries } from './surveyQueries';

export interface SurveyPageOptions extends ReadOptions {
  /** Responses per page (`Sforce-Query-Options: batchSize`, 200–2,000; Salesforce may send fewer). */
  readonly batchSize?: number;
}

/** SurveySubject rows (ParentId → SubjectId) as ParentId → the Accounts it is about. */
function subjectIndex(records: readonly SalesforceRecord[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const record of records) {
    const parent = record['ParentId'];
    const subject = record['SubjectId'];
    if (typeof parent !== 'string' || typeof subject !== 'string') continue;
    const accounts = index.get(parent) ?? new Set<string>();
    accounts.add(subject);
    index.set(parent, accounts);
  }
  return index;
}

/** The one Account a response is about, through subjects of the response or of its invitation. */
function accountsBySubject(index: ReadonlyMap<string, ReadonlySet<string>>): AccountOf {
  return ({ responseId, invitationId }) => {
    const accounts = new Set([...(index.get(responseId) ?? []), ...(invitationId === null ? [] : (index.get(invitationId) ?? []))]);
    const [accountId, ...others] = [...accounts].sort();
    if (accountId === undefined) return { problem: 'is not linked to an Account through SurveySubject' };
    if (others.length > 0) {
      return { problem: `is linked to ${accounts.size} Accounts through SurveySubject (${[accountId, ...others].join(', ')}); feedback belongs to one account` };
    }
    return { accountId };
  };
}

/** The feedback of the responses with ids `first` … `last`: one composite request. */
async function rangeFeedback(context: SurveyReadContext, first: string, last: string, options: ReadOptions): Promise<SurveyFeedbackResult> {
  const mapping = context.mapping ?? surveyDefaultMapping;
  const queries = responseRangeQueries(first, last, mapping.subjectParents);
  const parts = await sendQueries(context, queries, options);
  const [answers, ...subjects] = await Promise.all(queries.map((query) => partRecords(context, parts, query.referenceId, options)));
  const rows = (answers ?? []).map(answerRowOf);
  return assembleSurveyFeedback(rows, accountsBySubject(subjectIndex(subjects.flat())), mapping);
}

/**
 * All survey feedback of the org (for `kizuna pull`), a page at a time: the ids of completed
 * responses are read in id order, and each page's answers and Account subjects come in one
 * composite request for that id range — two API calls per page (more when a result needs paging).
 * Responses linked to no Account, or to several, are rejected with that reason.
 */
export async function* surveyFeedbackPages(context: SurveyReadContext, options: SurveyPageOptions = {}): AsyncGenerator<SurveyFeedbackResult, void, undefined> {
  const pageOptions = { ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }), ...(options.signal ? { signal: options.signal } : {}) };
  for await (const page of queryPages(context.transport, context.connection, completedResponseIdsQuery, pageOptions)) {
    const ids = page.map((record) => record['Id']).filter((id): id is string => typeof id === 'string');
    const first = ids[0];
    const last = ids[ids.length - 1];
    if (first === undefined || last === undefined) continue;
    yield await rangeFeedback(context, first, last, options);
  }
}

function mergeUnmapped(lists: readonly (readonly UnmappedSurveyQuestion[])[]): UnmappedSurveyQuestion[] {
  const merged = new Map<string | null, { answers: number; responseIds: string[] }>();
  for (const entry of lists.flat()) {
    const into = merged.get(entry.developerName) ?? { answers: 0, responseIds: [] };
    into.answers += entry.answers;
    into.responseIds = [...into.responseIds, ...entry.responseIds].slice(0, 3);
    merged.set(entry.developerName, into);
  }
  return [...merged].map(([developerName, entry]) => ({ developerName, ...entry }));
}

/** All pages of `surveyFeedbackPages` in one result. */
export async function readAllSurveyFeedback(context: SurveyReadContext, options: SurveyPageOptions = {}): Promise<SurveyFeedbackResult> {
  const feedback: Feedback[] = [];
  const rejected: RejectedRecord[] = [];
  const unmapped: UnmappedSurveyQuestion[][] = [];
  for await (const page of surveyFeedbackPages(context, options)) {
    feedback.push(...page.feedback);
    rejected.push(...page.rejected);
    unmapped.push(page.unmappedQuestions);
  }
  feedback.sort((a, b) => a.respondedAt.localeCompare(b.respondedAt) || a.id.localeCompare(b.id));
  return { feedback, rejected, unmappedQuestions: mergeUnmapped(unmapped) };
}
