import { isCrmError } from '@kizuna/crm-core';
import { requestToken } from '@kizuna/crm-salesforce';
import { readTokenResponse } from '@kizuna/crm-zoho';
import fc from 'fast-check';
import { answerChange, fuzzedTransport, statusChange, type AnswerChange, type RecordedAnswer } from './crmAnswers';
import type { FuzzTarget, Verdict } from './fuzzTarget';

/**
 * Token endpoint answers, changed as crmAnswers changes the adapters' answers. The unchanged
 * answers are the documented success bodies: Salesforce's (reference E.3, no `expires_in`) and
 * Zoho's accounts server's (`access_token`, `refresh_token`, `api_domain`, `token_type`,
 * `expires_in`), plus Zoho's HTTP 200 error body.
 */
const json = { 'content-type': 'application/json;charset=UTF-8' };
const answer = (body: unknown): RecordedAnswer => ({ status: 200, headers: json, text: JSON.stringify(body) });

const salesforceAnswers = [
  answer({
    access_token: '00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog',
    refresh_token: '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrf',
    signature: 'CMJ4l+CCaPQiKjoOEwEig9H4wqhpuLSk4J2urAe+fVg=',
    scope: 'refresh_token api',
    instance_url: 'https://yourInstance.my.salesforce.com',
    id: 'https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001Sv6AAAS',
    token_type: 'Bearer',
    issued_at: '1278448101416',
  }),
  answer({ error: 'invalid_grant', error_description: 'expired authorization code' }),
];

const zohoAnswers = [
  answer({ access_token: '1000.2370ff****.****', refresh_token: '1000.2afabf2a****.****', api_domain: 'https://www.zohoapis.com', token_type: 'Bearer', expires_in: 3600 }),
  answer({ access_token: '1000.2370ff****.****', api_domain: 'https://www.zohoapis.com.au', token_type: 'Bearer', expires_in: 3600 }),
  answer({ error: 'invalid_code' }),
  answer({ error: 'Access Denied', error_description: 'You have made too many requests continuously. Please try again after some time.' }),
];

interface TokenInput {
  readonly which: number;
  readonly change: AnswerChange;
  readonly status: number | null;
}

const inputsOver = (count: number): fc.Arbitrary<TokenInput> => fc.record({ which: fc.nat({ max: count - 1 }), change: answerChange, status: statusChange });

function transportFor(answers: readonly RecordedAnswer[], { which, change, status }: TokenInput) {
  const recorded = answers[which];
  if (recorded === undefined) throw new Error(`no token answer ${which}`);
  return fuzzedTransport(() => 'token', new Map([['token', recorded]]), change, status);
}

export function salesforceTokenTarget(runs: number): FuzzTarget<TokenInput> {
  return {
    name: 'Salesforce token responses',
    inputs: inputsOver(salesforceAnswers.length),
    runs,
    isTypedError: isCrmError,
    feed: async (input): Promise<Verdict> => {
      const endpoint = { loginUrl: 'https://login.salesforce.com', clientId: 'fuzz-client' };
      await requestToken(transportFor(salesforceAnswers, input), endpoint, 'refresh_token', { grant_type: 'refresh_token', refresh_token: 'fuzz-refresh' });
      return 'accepted';
    },
  };
}

export function zohoTokenTarget(runs: number): FuzzTarget<TokenInput> {
  return {
    name: 'Zoho token responses',
    inputs: inputsOver(zohoAnswers.length),
    runs,
    isTypedError: isCrmError,
    feed: async (input): Promise<Verdict> => {
      const response = await transportFor(zohoAnswers, input)({ method: 'POST', url: 'https://accounts.zoho.com/oauth/v2/token', headers: {} });
      readTokenResponse(response);
      return 'accepted';
    },
  };
}
