import { describe, expect, it } from 'vitest';
import { assembleSurveyFeedback } from './assembleSurveyFeedback';
import type { SurveyAnswerRow } from './surveyAnswerRow';
import { parseSurveyMapping, surveyDefaultMapping } from './surveyMapping';
import { accountAnswerQueries, responseRangeQueries } from './surveyQueries';

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const response = {
  responseId: '0My5g0000000001AAA',
  completedAt: '2026-05-20T20:49:32.000+0000',
  invitationId: '0Ki5g0000000001AAA',
  contactId: null,
  survey: 'onboarding_pulse',
};
function answer(id: number, question: string | null, value: number | string | null): SurveyAnswerRow {
  return { ...response, id: `0Kv5g00000000${String(id).padStart(2, '0')}AAA`, question, number: typeof value === 'number' ? value : null, text: typeof value === 'string' ? value : null };
}

describe('parseSurveyMapping', () => {
  it('fills the defaults and derives nothing it was not told', () => {
    const mapping = parseSurveyMapping({ headlines: { q_ltr: { scale: 'nps_0_10', programme: 'journey' } } });
    expect(mapping).toEqual({
      headlines: { q_ltr: { scale: 'nps_0_10', programme: 'journey' } },
      drivers: {},
      comments: [],
      ignore: [],
      surveys: {},
      subjectParents: ['SurveyResponse', 'SurveyInvitation'],
      followUpState: 'not_required',
    });
  });

  it('refuses a bad mapping with INVALID_INPUT naming each problem', () => {
    const error = errorOf(() =>
      parseSurveyMapping({ headlines: { nps: { scale: 'nps_1_10', programme: 'relationship' } }, drivers: { nps: 'x', 'bad-name': 'y' }, extra: true }),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    const message = (error as Error).message;
    expect(message).toContain('headlines.nps.scale');
    expect(message).toContain('drivers.bad-name');
    expect(message).toContain('extra');
  });

  it('refuses a question with two meanings', () => {
    const error = errorOf(() => parseSurveyMapping({ ...surveyDefaultMapping, comments: ['comment', 'nps'] }));
    expect((error as Error).message).toContain('nps is in headlines and comments');
  });
});

describe('assembleSurveyFeedback', () => {
  const mapping = parseSurveyMapping({
    ...surveyDefaultMapping,
    ignore: ['consent'],
    surveys: { onboarding_pulse: { programme: 'journey', journeyStage: 'onboarding', channel: 'web' } },
  });

  it("applies a survey's programme, stage and channel, ignores what it was told to, reports the rest", () => {
    const rows = [answer(1, 'nps', 9), answer(2, 'documentation', 7), answer(3, 'consent', 'yes'), answer(4, 'favourite_colour', 'blue'), answer(5, 'comment', 'Smooth start')];
    const result = assembleSurveyFeedback(rows, () => ({ accountId: '0015g0000000001AAA' }), mapping);
    expect(result.feedback).toEqual([
      {
        id: response.responseId,
        accountId: '0015g0000000001AAA',
        kind: 'nps',
        programme: 'journey',
        scale: 'nps_0_10',
        score: 9,
        respondedAt: '2026-05-20T20:49:32.000Z',
        journeyStage: 'onboarding',
        channel: 'web',
        driverScores: { documentation: 7 },
        comment: 'Smooth start',
        followUp: { state: 'not_required' },
      },
    ]);
    expect(result.unmappedQuestions).toEqual([{ developerName: 'favourite_colour', answers: 1, responseIds: [response.responseId] }]);
  });

  it('rejects, with the model’s reasons, a response with two headlines or an out-of-scale score', () => {
    const two = assembleSurveyFeedback([answer(1, 'nps', 9), answer(2, 'csat', 4)], () => ({ accountId: '0015g0000000001AAA' }), mapping);
    expect(two.rejected[0]?.issues[0]?.problem).toBe('answers 2 headline questions (nps, csat); one response holds one headline score');
    const outOfScale = assembleSurveyFeedback([answer(1, 'csat', 9)], () => ({ accountId: '0015g0000000001AAA' }), mapping);
    expect(outOfScale.rejected[0]?.issues).toEqual([{ entity: 'feedback', field: 'score', problem: 'must be from 1 to 5 on scale csat_1_5 (got 9)' }]);
    const orphan = assembleSurveyFeedback([answer(1, 'nps', 9)], () => ({ problem: 'is not linked to an Account through SurveySubject' }), mapping);
    expect(orphan.rejected[0]?.issues).toEqual([{ entity: 'feedback', field: 'accountId', problem: 'is not linked to an Account through SurveySubject' }]);
  });
});

describe('survey queries', () => {
  it('links by response and by invitation with semi-joins, never OR, and escapes nothing it did not check', () => {
    const [byResponse, byInvitation] = accountAnswerQueries('0015g0000000001AAA', ['SurveyResponse', 'SurveyInvitation']);
    expect(byResponse?.soql).toContain("WHERE ResponseId IN (SELECT ParentId FROM SurveySubject WHERE SubjectId = '0015g0000000001AAA') AND Response.CompletionDateTime != null");
    expect(byInvitation?.soql).toContain('WHERE InvitationId IN (SELECT ParentId FROM SurveySubject');
    expect(byResponse?.soql).not.toContain(' OR ');
    expect(() => responseRangeQueries('0My5g0000000001AAA', "x' OR Id != '", ['SurveyResponse'])).toThrow('must be a Salesforce id');
  });
});
