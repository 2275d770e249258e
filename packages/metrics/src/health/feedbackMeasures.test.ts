import { describe, expect, it } from 'vitest';
import { cesAgree, csatTop2Box, roleWeightedNps } from './feedbackMeasures';
import { ces, contact, context, csat, daysBefore, nps, testAsOf } from './testContext';

const asOfMs = Date.parse(testAsOf);
const roleWeights = { decision_maker: 3, executive_sponsor: 3, champion: 2, influencer: 2, user: 1 };

describe('roleWeightedNps', () => {
  it('weights each answer by its respondent’s role: a decision-maker detractor outweighs two users', () => {
    const account = context({
      contacts: [contact('dm', 'decision_maker'), contact('u1', 'user'), contact('u2', 'user')],
      feedback: [
        nps('f1', 3, daysBefore(10), { contactId: 'dm' }),
        nps('f2', 10, daysBefore(20), { contactId: 'u1' }),
        nps('f3', 9, daysBefore(30), { contactId: 'u2' }),
      ],
    });
    // (3·(−1) + 1·1 + 1·1) / (3 + 1 + 1) = −0.2
    expect(roleWeightedNps(account, asOfMs, 365, roleWeights)).toEqual({
      status: 'value',
      value: -20,
      n: 3,
      detail: { nEffective: 25 / 11 },
    });
  });

  it('counts an answer without a known contact as a user, and only answers inside the window', () => {
    const account = context({ feedback: [nps('f1', 0, daysBefore(1)), nps('f2', 10, daysBefore(400))] });
    expect(roleWeightedNps(account, asOfMs, 365, roleWeights)).toMatchObject({ value: -100, n: 1 });
  });

  it('has no data without NPS answers', () => {
    expect(roleWeightedNps(context({ feedback: [csat('c', 5, daysBefore(1))] }), asOfMs, 365, roleWeights)).toEqual({ status: 'no_data' });
  });
});

describe('csatTop2Box and cesAgree', () => {
  it('CSAT: share of 4s and 5s in the window', () => {
    const account = context({ feedback: [csat('a', 5, daysBefore(1)), csat('b', 4, daysBefore(2)), csat('c', 2, daysBefore(3)), csat('d', 1, daysBefore(200))] });
    expect(csatTop2Box(account, asOfMs, 180)).toEqual({ status: 'value', value: 2 / 3, n: 3 });
  });

  it('CES 2.0: share agreeing (5–7); CES 1.0 answers are a different scale and are left out', () => {
    const ces1 = { ...ces('x', 1, daysBefore(5)), scale: 'ces1_1_5' as const };
    const account = context({ feedback: [ces('a', 5, daysBefore(1)), ces('b', 4, daysBefore(2)), ces1] });
    expect(cesAgree(account, asOfMs, 180)).toEqual({ status: 'value', value: 0.5, n: 2 });
    expect(cesAgree(context({ feedback: [ces1] }), asOfMs, 180)).toEqual({ status: 'no_data' });
  });
});
