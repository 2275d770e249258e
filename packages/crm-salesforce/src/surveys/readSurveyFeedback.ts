import type { ReadOptions } from '@kizuna/model';
import type { CompositeSubrequest, CompositeSubresponse } from '../composite/compositeRequest';
import type { SalesforceConnection } from '../connection';
import { assembleSurveyFeedback, type SurveyFeedbackResult } from './assembleSurveyFeedback';
import { partRecords, querySubrequests, sendQueries, type SurveyReadContext } from './surveyComposite';
import { answerRowOf } from './surveyAnswerRow';
import { surveyDefaultMapping, type SurveyMapping } from './surveyMapping';
import { accountAnswerQueries } from './surveyQueries';

/**
 * The composite subrequests that read one account's survey answers: one query per kind of
 * SurveySubject parent in the mapping (two by default), each a semi-join on SurveySubject. For
 * embedding in a larger composite (the account context); read the parts with
 * `surveyFeedbackFromParts`.
 */
export function surveyFeedbackSubrequests(accountId: string, connection: SalesforceConnection, mapping: SurveyMapping = surveyDefaultMapping): CompositeSubrequest[] {
  return querySubrequests(connection, accountAnswerQueries(accountId, mapping.subjectParents));
}

/**
 * One account's survey feedback from the parts of a composite response that carried
 * `surveyFeedbackSubrequests`. Follows batches that need paging; a refused part throws its
 * CrmError (an org without Surveys: INVALID_TYPE naming the object).
 */
export async function surveyFeedbackFromParts(
  accountId: string,
  parts: ReadonlyMap<string, CompositeSubresponse>,
  context: SurveyReadContext,
  options: ReadOptions = {},
): Promise<SurveyFeedbackResult> {
  const mapping = context.mapping ?? surveyDefaultMapping;
  const queries = accountAnswerQueries(accountId, mapping.subjectParents);
  const records = await Promise.all(queries.map((query) => partRecords(context, parts, query.referenceId, options)));
  const rows = records.flat().map(answerRowOf);
  return assembleSurveyFeedback(rows, () => ({ accountId }), mapping);
}

/**
 * An account's feedback from Salesforce Feedback Management: the completed SurveyResponses linked
 * to the account by SurveySubject, as canonical `Feedback`, in one composite round trip (more only
 * when a result needs paging). Responses that do not make valid feedback come back in `rejected`,
 * and questions the mapping does not know in `unmappedQuestions`. In an org without Surveys it
 * fails with CrmError `INVALID_TYPE`; `detectSurveys` tells beforehand.
 */
export async function readSurveyFeedback(accountId: string, context: SurveyReadContext, options: ReadOptions = {}): Promise<SurveyFeedbackResult> {
  const mapping = context.mapping ?? surveyDefaultMapping;
  const parts = await sendQueries(context, accountAnswerQueries(accountId, mapping.subjectParents), options);
  return surveyFeedbackFromParts(accountId, parts, context, options);
}
