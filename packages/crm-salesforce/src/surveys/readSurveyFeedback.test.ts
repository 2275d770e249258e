import { CrmError } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectSurveys } from './detectSurveys';
import { readSurveyFeedback } from './readSurveyFeedback';
import { parseSurveyMapping, surveyDefaultMapping } from './surveyMapping';
import { canonicalByResponseId, surveyContext, surveyView } from './surveyTestOrg';

const withSurveys = 'https://surveys.my.salesforce.com';
const withoutSurveys = 'https://plain.my.salesforce.com';
const linked = 'https://linked.my.salesforce.com';
const dataset = generateOrganisation({ seed: 11, accounts: 5 });
const org = createSalesforceOrg(dataset, { surveys: true });
const linkedOrg = createSalesforceOrg(dataset, { surveys: true });
const server = setupServer(
  ...salesforceHandlers(org, { instanceUrl: withSurveys, accessTokens: ['t'] }),
  ...salesforceHandlers(createSalesforceOrg(dataset), { instanceUrl: withoutSurveys, accessTokens: ['t'] }),
  ...salesforceHandlers(linkedOrg, { instanceUrl: linked, accessTokens: ['t'] }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const responseIdOf = (feedbackId: string) => org.salesforceIdOf('surveyResponse', feedbackId);

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('readSurveyFeedback with Feedback Management on', () => {
  it('detects Surveys with one API call', async () => {
    const context = surveyContext(withSurveys);
    expect(await detectSurveys(context)).toEqual({ available: true, missing: [] });
    expect(context.stats.calls).toBe(1);
  });

  it("gives each account the canonical feedback the org was seeded from, in one round trip", async () => {
    const canonical = canonicalByResponseId(responseIdOf, dataset.feedback);
    for (const account of dataset.accounts) {
      const context = surveyContext(withSurveys);
      const accountId = org.salesforceIdOf('account', account.id);
      const result = await readSurveyFeedback(accountId, context);
      const expected = dataset.feedback.filter((row) => row.accountId === account.id);
      expect(result.feedback).toHaveLength(expected.length);
      for (const feedback of result.feedback) {
        const seededFrom = canonical.get(feedback.id);
        if (seededFrom === undefined) throw new Error(`response ${feedback.id} was not seeded from the dataset`);
        expect(surveyView(feedback)).toEqual(surveyView(seededFrom));
        expect(feedback).toMatchObject({ accountId, programme: seededFrom.programme });
        if (seededFrom.contactId !== undefined) expect(feedback.contactId).toBe(org.salesforceIdOf('contact', seededFrom.contactId));
      }
      expect(result.rejected).toEqual([]);
      expect(result.unmappedQuestions).toEqual([]);
      expect(context.stats.calls).toBe(1);
    }
  });

  it('reports a question the mapping does not know, and does not guess what it means', async () => {
    const { documentation: _dropped, ...drivers } = surveyDefaultMapping.drivers;
    const mapping = parseSurveyMapping({ ...surveyDefaultMapping, drivers });
    const account = dataset.accounts.find((a) => dataset.feedback.some((f) => f.accountId === a.id && 'documentation' in f.driverScores));
    if (account === undefined) throw new Error('no account with driver scores in the dataset');
    const result = await readSurveyFeedback(org.salesforceIdOf('account', account.id), surveyContext(withSurveys, mapping));
    const asked = dataset.feedback.filter((f) => f.accountId === account.id && 'documentation' in f.driverScores);
    const askedIds = new Set(asked.map((f) => responseIdOf(f.id)));
    expect(result.unmappedQuestions).toHaveLength(1);
    expect(result.unmappedQuestions[0]).toMatchObject({ developerName: 'documentation', answers: asked.length });
    expect(result.unmappedQuestions[0]?.responseIds.every((id) => askedIds.has(id))).toBe(true);
    expect(result.feedback.every((f) => !('documentation' in f.driverScores))).toBe(true);
    expect(result.rejected).toEqual([]);
  });

  it('rejects a response whose headline question is unknown, naming why, and keeps the others', async () => {
    const { nps: _dropped, ...headlines } = surveyDefaultMapping.headlines;
    const mapping = parseSurveyMapping({ ...surveyDefaultMapping, headlines });
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('no account generated');
    const result = await readSurveyFeedback(org.salesforceIdOf('account', account.id), surveyContext(withSurveys, mapping));
    const nps = dataset.feedback.filter((f) => f.accountId === account.id && f.kind === 'nps');
    expect(result.rejected).toHaveLength(nps.length);
    expect(result.rejected[0]?.issues).toEqual([{ entity: 'feedback', field: 'score', problem: expect.stringContaining('no answer to a headline question') as unknown as string }]);
    expect(result.feedback.every((f) => f.kind !== 'nps')).toBe(true);
    expect(result.unmappedQuestions.find((q) => q.developerName === 'nps')?.answers).toBe(nps.length);
  });
});

describe('readSurveyFeedback: SurveySubject on the invitation', () => {
  it('finds a response through a subject whose ParentId is its invitation, once, and only when the mapping says so', async () => {
    const [a, b] = dataset.accounts;
    const row = dataset.feedback.find((f) => f.accountId === a?.id);
    if (a === undefined || b === undefined || row === undefined) throw new Error('dataset too small');
    const responseId = linkedOrg.salesforceIdOf('surveyResponse', row.id);
    const invitationId = String(linkedOrg.recordById(responseId)?.record['InvitationId']);
    const accountB = linkedOrg.salesforceIdOf('account', b.id);
    linkedOrg.sobjects.create('SurveySubject', { Name: 'Account', ParentId: invitationId, SubjectId: accountB });
    const both = await readSurveyFeedback(accountB, surveyContext(linked));
    expect(both.feedback.filter((f) => f.id === responseId)).toEqual([expect.objectContaining({ accountId: accountB, score: row.score })]);
    const responsesOnly = parseSurveyMapping({ ...surveyDefaultMapping, subjectParents: ['SurveyResponse'] });
    const narrow = await readSurveyFeedback(accountB, surveyContext(linked, responsesOnly));
    expect(narrow.feedback.some((f) => f.id === responseId)).toBe(false);
  });
});

describe('readSurveyFeedback with Feedback Management off', () => {
  it('detectSurveys says no and names the objects the org does not have', async () => {
    const detection = await detectSurveys(surveyContext(withoutSurveys));
    expect(detection.available).toBe(false);
    expect(detection.missing).toEqual(['SurveyQuestionResponse', 'SurveyResponse', 'SurveyQuestion', 'SurveyInvitation', 'SurveySubject']);
  });

  it('fails with a named CrmError INVALID_TYPE, never a crash', async () => {
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('no account generated');
    const error = await thrown(readSurveyFeedback(org.salesforceIdOf('account', account.id), surveyContext(withoutSurveys)));
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code: 'INVALID_TYPE', crmCode: 'INVALID_TYPE', status: 400 });
    expect((error as CrmError).message).toContain('SurveyQuestionResponse');
  });

  it('refuses an account id that is not a Salesforce id before sending anything', async () => {
    const context = surveyContext(withSurveys);
    expect(await thrown(readSurveyFeedback("001' OR Id != '", context))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(context.stats.calls).toBe(0);
  });
});
