import type { AccountContext } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { account, contact, context, daysBefore, dateIn, nps, testAsOf, touchpoint } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import { onlyPlaybook } from './testPlaybooks';

const playbooks = onlyPlaybook('champion_quiet');
const champions = [contact('mei', 'champion', 'Mei Tanaka'), contact('sam', 'champion', 'Sam Reed')];
const run = (overrides: Partial<AccountContext>) => nextBestActions(context({ contacts: champions.slice(0, 1), ...overrides }), { asOf: testAsOf, playbooks }).proposed;

describe('playbook: champion gone quiet', () => {
  it('fires after more than 90 days without a touchpoint or feedback from the champion', () => {
    expect(run({ touchpoints: [touchpoint('t', daysBefore(90), { contactId: 'mei' })] })).toEqual([]);
    const [proposal] = run({ touchpoints: [touchpoint('t', daysBefore(91), { contactId: 'mei' })] });
    expect(proposal?.evidence[0]).toEqual({ code: 'champion_quiet', params: { contact: 'Mei Tanaka', daysQuiet: 91, everHeard: 'yes' } });
    expect(proposal?.action.contactId).toBe('mei');
  });

  it('counts feedback as being in touch', () => {
    expect(run({ touchpoints: [touchpoint('t', daysBefore(200), { contactId: 'mei' })], feedback: [nps('f', 9, daysBefore(10), { contactId: 'mei' })] })).toEqual([]);
  });

  it('counts from the start of the relationship for a champion never heard from', () => {
    expect(run({ account: account({ customerSince: dateIn(-80) }) })).toEqual([]);
    expect(run({ account: account({ customerSince: dateIn(-100) }) })[0]?.evidence[0]?.params).toMatchObject({ daysQuiet: 100, everHeard: 'no' });
  });

  it('proposes one action per quiet champion, each with its own key', () => {
    const proposals = nextBestActions(context({ contacts: champions }), { asOf: testAsOf, playbooks }).proposed;
    expect(proposals.map((proposal) => proposal.action.contactId).sort()).toEqual(['mei', 'sam']);
    expect(new Set(proposals.map((proposal) => proposal.action.idempotencyKey)).size).toBe(2);
  });
});
