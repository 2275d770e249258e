import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllSurveyFeedback, surveyFeedbackPages } from './readAllSurveyFeedback';
import { canonicalByResponseId, surveyContext, surveyView } from './surveyTestOrg';

const instanceUrl = 'https://pull.my.salesforce.com';
const dataset = generateOrganisation({ seed: 7, accounts: 50 });
const org = createSalesforceOrg(dataset, { surveys: true });
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('surveyFeedbackPages / readAllSurveyFeedback (kizuna pull)', () => {
  it('reads every response of the org page by page, two calls a page, each with its account', async () => {
    expect(dataset.feedback.length).toBeGreaterThan(400);
    const context = surveyContext(instanceUrl);
    const pages: number[] = [];
    for await (const page of surveyFeedbackPages(context, { batchSize: 200 })) pages.push(page.feedback.length + page.rejected.length);
    expect(pages.length).toBe(Math.ceil(dataset.feedback.length / 200));
    expect(pages.reduce((sum, n) => sum + n, 0)).toBe(dataset.feedback.length);
    expect(context.stats.calls).toBe(pages.length * 2);
  });

  it('gives back the canonical feedback the org was seeded from, accounts included', async () => {
    const result = await readAllSurveyFeedback(surveyContext(instanceUrl), { batchSize: 200 });
    const canonical = canonicalByResponseId((id) => org.salesforceIdOf('surveyResponse', id), dataset.feedback);
    expect(result.rejected).toEqual([]);
    expect(result.unmappedQuestions).toEqual([]);
    expect(result.feedback).toHaveLength(dataset.feedback.length);
    for (const feedback of result.feedback) {
      const seededFrom = canonical.get(feedback.id);
      if (seededFrom === undefined) throw new Error(`response ${feedback.id} was not seeded from the dataset`);
      expect(surveyView(feedback)).toEqual(surveyView(seededFrom));
      expect(feedback.accountId).toBe(org.salesforceIdOf('account', seededFrom.accountId));
    }
  });

  it('rejects a response linked to two accounts instead of picking one', async () => {
    const [row] = dataset.feedback;
    const other = dataset.accounts.find((account) => account.id !== row?.accountId);
    if (row === undefined || other === undefined) throw new Error('dataset too small');
    const responseId = org.salesforceIdOf('surveyResponse', row.id);
    org.store.begin();
    try {
      const subject = org.sobjects.create('SurveySubject', { Name: 'Account', ParentId: responseId, SubjectId: org.salesforceIdOf('account', other.id) });
      // Salesforce fills SubjectEntityType from SubjectId; the sim's writes do not derive it.
      org.store.update(subject, { SubjectEntityType: 'Account' });
      const result = await readAllSurveyFeedback(surveyContext(instanceUrl));
      expect(result.rejected).toEqual([
        { entity: 'feedback', recordId: responseId, issues: [{ entity: 'feedback', field: 'accountId', problem: expect.stringContaining('linked to 2 Accounts') as unknown as string }] },
      ]);
      expect(result.feedback).toHaveLength(dataset.feedback.length - 1);
    } finally {
      org.store.rollback();
    }
  });
});
