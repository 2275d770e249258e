import { createFetchTransport, withBearerAuth, withCallAccounting, type CallStats } from '@kizuna/crm-core';
import type { Feedback } from '@kizuna/model';
import { parseSalesforceConnection } from '../connection';
import type { SurveyMapping } from './surveyMapping';
import type { SurveyReadContext } from './surveyComposite';

/** Test support for this folder's tests (not exported): a counted transport to a simulated org, and comparisons. */
export function surveyContext(instanceUrl: string, mapping?: SurveyMapping): SurveyReadContext & { readonly stats: CallStats } {
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const transport = withCallAccounting(withBearerAuth(createFetchTransport(), () => 't'), stats);
  const connection = parseSalesforceConnection({ instanceUrl });
  return { transport, connection, stats, ...(mapping === undefined ? {} : { mapping }) };
}

/** What survey-based feedback must reproduce of a canonical row (instants compared as instants). */
export function surveyView(feedback: Feedback) {
  return {
    kind: feedback.kind,
    scale: feedback.scale,
    score: feedback.score,
    respondedAt: new Date(feedback.respondedAt).toISOString(),
    driverScores: feedback.driverScores,
    comment: feedback.comment,
  };
}

/** The canonical rows an org was seeded from, by the id of the SurveyResponse each became. */
export function canonicalByResponseId(responseIdOf: (feedbackId: string) => string, feedback: readonly Feedback[]): Map<string, Feedback> {
  return new Map(feedback.map((row) => [responseIdOf(row.id), row]));
}
