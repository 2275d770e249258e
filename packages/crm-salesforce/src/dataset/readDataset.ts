import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import type { DatasetRead, DatasetScope, Feedback, ReadOptions } from '@kizuna/model';
import type { SalesforceConnection } from '../connection';
import { ContextBuilder, partErrorCodes } from '../contextBuilder';
import type { SalesforceMapping } from '../defaultMapping';
import { queryAll, type SalesforceRecord } from '../restQuery';
import { surveyFeedbackPages } from '../surveys/readAllSurveyFeedback';
import { assembleDataset, type DatasetStructure } from './assembleDataset';
import { datasetParts, resolveScope, type DatasetPartName, type ResolvedScope } from './datasetParts';
import { datasetSoql } from './datasetSoql';

export interface RestDatasetContext {
  readonly transport: HttpTransport;
  readonly connection: SalesforceConnection;
  readonly mapping: SalesforceMapping;
  readonly feedbackSource: 'kizuna' | 'surveys';
  /** Named business units, lines, segments and teams; derived from the records' keys when absent. */
  readonly structure?: DatasetStructure;
  /** Rows per page asked of Salesforce (`Sforce-Query-Options: batchSize`, 200–2,000). Default 2,000. */
  readonly batchSize?: number;
}

/** Survey feedback of the accounts and window in scope (Surveys hold no window field Kizuna can query by). */
async function surveyFeedbackInScope(context: RestDatasetContext, scope: ResolvedScope, accountIds: ReadonlySet<string>, builder: ContextBuilder, options: ReadOptions): Promise<Feedback[]> {
  const feedback: Feedback[] = [];
  try {
    for await (const page of surveyFeedbackPages({ transport: context.transport, connection: context.connection }, options)) {
      builder.rejected.push(...page.rejected);
      for (const answer of page.feedback) {
        const time = Date.parse(answer.respondedAt);
        if (accountIds.has(answer.accountId) && time >= scope.from && time < scope.to) feedback.push(answer);
      }
    }
  } catch (error) {
    if (!(error instanceof CrmError) || !partErrorCodes.has(error.code)) throw error;
    builder.markUnavailable({ entity: 'feedback', code: error.code, message: error.message });
  }
  return feedback;
}

/**
 * A portfolio read over REST: one SOQL query per mapped object (accounts, contacts, feedback,
 * cases, opportunities, tasks, events, actions, employee pulses — those asked for), run side by
 * side and each paged to its end by `nextRecordsUrl`, mapped through the mapping. A part the org
 * refuses (INVALID_TYPE, INVALID_FIELD, no access) is listed in `unavailable`, never thrown; only
 * the accounts are indispensable.
 */
export async function readDatasetOverRest(context: RestDatasetContext, scope: DatasetScope, options: ReadOptions = {}): Promise<DatasetRead> {
  const resolved = resolveScope(scope);
  const parts = datasetParts(context.mapping, resolved, { feedbackFromSurveys: context.feedbackSource === 'surveys' });
  const soql = parts.map((part) => datasetSoql(part, resolved, context.mapping.account));
  const builder = new ContextBuilder();
  const queryOptions = { batchSize: context.batchSize ?? 2000, ...(options.signal ? { signal: options.signal } : {}) };
  const results = await Promise.all(
    parts.map(async (part, index): Promise<[DatasetPartName, SalesforceRecord[]] | null> => {
      try {
        return [part.name, await queryAll(context.transport, context.connection, soql[index] ?? '', queryOptions)];
      } catch (error) {
        if (part.name === 'accounts' || !(error instanceof CrmError) || !partErrorCodes.has(error.code)) throw error;
        builder.markUnavailable({ entity: part.entity, code: error.code, message: error.message });
        return null;
      }
    }),
  );
  const records = new Map(results.filter((entry) => entry !== null));
  let surveyFeedback: Feedback[] = [];
  if (context.feedbackSource === 'surveys' && resolved.entities.has('feedback')) {
    const accountIds = new Set((records.get('accounts') ?? []).flatMap((record) => (typeof record['Id'] === 'string' ? [record['Id']] : [])));
    surveyFeedback = await surveyFeedbackInScope(context, resolved, accountIds, builder, options);
  }
  return assembleDataset(parts, records, builder, resolved, context.structure, surveyFeedback);
}
