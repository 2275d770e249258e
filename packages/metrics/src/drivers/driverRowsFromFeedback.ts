import type { Feedback } from '@kizuna/model';
import type { DriverRow } from './prepareDriverData';

/**
 * Driver rows from relationship NPS answers: outcome = the 0–10 score, items = the answer's
 * driver ratings, cluster = the account (its contacts' answers are correlated, so the bootstrap
 * resamples accounts). Other feedback (CSAT, CES, interaction NPS) is ignored.
 */
export function driverRowsFromFeedback(feedback: readonly Feedback[]): DriverRow[] {
  const rows: DriverRow[] = [];
  for (const answer of feedback) {
    if (answer.kind !== 'nps' || answer.programme !== 'relationship') continue;
    rows.push({ outcome: answer.score, items: answer.driverScores, clusterKey: answer.accountId });
  }
  return rows;
}
