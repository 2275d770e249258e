import { describe, expect, it } from 'vitest';
import { execRecency, stakeholderCoverage } from './relationshipMeasures';
import { account, contact, context, daysBefore, nps, testAsOf, touchpoint } from './testContext';

const asOfMs = Date.parse(testAsOf);
const execs = ['decision_maker', 'executive_sponsor'] as const;

describe('execRecency', () => {
  const contacts = [contact('dm', 'decision_maker'), contact('u', 'user')];

  it('is the days since the last touchpoint with a decision maker or executive sponsor', () => {
    const touchpoints = [touchpoint('t1', daysBefore(50), { contactId: 'dm' }), touchpoint('t2', daysBefore(3), { contactId: 'u' }), touchpoint('t3', daysBefore(20), { contactId: 'dm' })];
    expect(execRecency(context({ contacts, touchpoints }), asOfMs, execs)).toEqual({ status: 'value', value: 20, n: 1, detail: { lastTouchpointId: 't3' } });
  });

  it('counts from the start of the relationship when no executive was ever met', () => {
    const since = context({ contacts, account: account({ customerSince: '2026-06-03' }) });
    expect(execRecency(since, asOfMs, execs)).toMatchObject({ value: 120, detail: { never: 1 } });
  });

  it('has no data when the account has no decision maker or sponsor on record', () => {
    expect(execRecency(context({ contacts: [contact('u', 'user')] }), asOfMs, execs)).toEqual({ status: 'no_data' });
  });
});

describe('stakeholderCoverage', () => {
  it('is the share of decision makers and sponsors who gave feedback in the window', () => {
    const contacts = [contact('dm1', 'decision_maker'), contact('dm2', 'decision_maker'), contact('es', 'executive_sponsor'), contact('u', 'user')];
    const feedback = [nps('a', 9, daysBefore(10), { contactId: 'dm1' }), nps('b', 9, daysBefore(11), { contactId: 'dm1' }), nps('c', 9, daysBefore(400), { contactId: 'es' }), nps('d', 9, daysBefore(1), { contactId: 'u' })];
    expect(stakeholderCoverage(context({ contacts, feedback }), asOfMs, 365, execs)).toEqual({ status: 'value', value: 1 / 3, n: 3 });
  });
});
