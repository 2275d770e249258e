import { CrmError } from '@kizuna/crm-core';
import type { ReadOptions } from '@kizuna/model';
import { subrequestError } from '../composite/compositeRequest';
import { sendQueries, type SurveyReadContext } from './surveyComposite';
import { detectionQueries } from './surveyQueries';

export interface SurveyDetection {
  /** Whether every Feedback Management object the survey reader uses is there for this user. */
  readonly available: boolean;
  /** The objects the org answered INVALID_TYPE for (not enabled, or not visible to the user). */
  readonly missing: readonly string[];
}

/**
 * Whether the org has Feedback Management (Salesforce Surveys): one composite of `LIMIT 1` queries
 * on the objects the reader uses, one API call. An org without Surveys answers INVALID_TYPE for
 * them, which is reported here, not thrown; any other failure (auth, limits, network) throws.
 */
export async function detectSurveys(context: Omit<SurveyReadContext, 'mapping'>, options: ReadOptions = {}): Promise<SurveyDetection> {
  const queries = detectionQueries();
  const parts = await sendQueries(context, queries, options);
  const missing: string[] = [];
  for (const query of queries) {
    const part = parts.get(query.referenceId);
    if (part === undefined) throw new CrmError('MALFORMED_RESPONSE', `The composite response has no ${query.referenceId} part.`);
    if (part.httpStatusCode === 200) continue;
    const error = subrequestError(part);
    if (error.code !== 'INVALID_TYPE') throw error;
    missing.push(query.referenceId);
  }
  return { available: missing.length === 0, missing };
}
