import { describe, expect, it } from 'vitest';
import { journeyStages, momentsOfTruth, type Feedback } from '@kizuna/model';
import { generateOrganisation } from './generateOrganisation';
import { defaultAsOf } from './options';
import { driverItems } from './plantedEffects';
import { slaResolutionHours } from './supportCases';

const org = generateOrganisation({ seed: 11 });
const asOf = Date.parse(defaultAsOf);

function byKind(kind: Feedback['kind']): Feedback[] {
  return org.feedback.filter((feedback) => feedback.kind === kind);
}

describe('generated account records', () => {
  it('asks relationship NPS of contacts every quarter, with the six driver items', () => {
    const nps = byKind('nps');
    expect(nps.every((f) => f.programme === 'relationship' && f.scale === 'nps_0_10' && f.contactId !== undefined)).toBe(true);
    expect(nps.every((f) => Object.keys(f.driverScores).join() === driverItems.join())).toBe(true);
    const quarters = new Set(nps.map((f) => `${f.respondedAt.slice(0, 4)}-${Math.ceil(Number(f.respondedAt.slice(5, 7)) / 3)}`));
    expect(quarters.size).toBe(8);
  });

  it('asks CSAT after touchpoints and CES 2.0 after support cases', () => {
    const touchpoints = new Set(org.touchpoints.map((t) => t.id));
    expect(byKind('csat').every((f) => f.scale === 'csat_1_5' && f.programme === 'interaction' && touchpoints.has(f.touchpointId ?? ''))).toBe(true);
    expect(byKind('ces').every((f) => f.scale === 'ces2_1_7' && f.journeyStage === 'support')).toBe(true);
    expect(byKind('ces').length).toBeGreaterThan(50);
  });

  it('tracks the closed loop: negative answers need a follow-up, some still open and overdue', () => {
    const needsFollowUp = (f: Feedback): boolean => (f.kind === 'nps' ? f.score <= 6 : f.kind === 'csat' ? f.score <= 2 : f.score <= 3);
    expect(org.feedback.every((f) => needsFollowUp(f) === (f.followUp.state !== 'not_required'))).toBe(true);
    const open = org.feedback.filter((f) => f.followUp.state === 'open');
    expect(open.every((f) => f.followUp.dueAt !== undefined)).toBe(true);
    expect(open.some((f) => Date.parse(f.followUp.dueAt ?? '') < asOf)).toBe(true);
    const closed = org.feedback.filter((f) => f.followUp.state === 'closed');
    expect(closed.length).toBeGreaterThan(open.length);
    expect(closed.every((f) => Date.parse(f.followUp.closedAt ?? '') < asOf)).toBe(true);
  });

  it('records nothing after asOf and nothing after an account churned', () => {
    const churnedOn = new Map(org.accounts.flatMap((a) => (a.churnedOn === undefined ? [] : [[a.id, Date.parse(a.churnedOn)]])));
    expect(churnedOn.size).toBeGreaterThan(5);
    for (const t of org.touchpoints) {
      expect(Date.parse(t.occurredAt)).toBeLessThan(Math.min(asOf, churnedOn.get(t.accountId) ?? asOf));
    }
    for (const f of org.feedback) expect(Date.parse(f.respondedAt)).toBeLessThan(asOf);
  });

  it('times support cases against the SLA of their priority, with escalations and open cases', () => {
    const cases = org.supportCases;
    expect(cases.every((c) => c.slaResolutionHours === slaResolutionHours[c.priority])).toBe(true);
    expect(cases.every((c) => (c.status === 'closed') === (c.closedAt !== undefined))).toBe(true);
    expect(cases.some((c) => c.escalated)).toBe(true);
    expect(cases.some((c) => c.status !== 'closed')).toBe(true);
    const breached = cases.filter((c) => c.closedAt !== undefined && Date.parse(c.closedAt) - Date.parse(c.openedAt) > (c.slaResolutionHours ?? 0) * 3_600_000);
    expect(breached.length / cases.length).toBeGreaterThan(0.03);
    expect(breached.length / cases.length).toBeLessThan(0.4);
  });

  it('has new, renewal and expansion opportunities; renewals carry the amount up for renewal; churn is a lost renewal', () => {
    expect(new Set(org.opportunities.map((o) => o.type))).toEqual(new Set(['new', 'renewal', 'expansion']));
    expect(new Set(org.opportunities.map((o) => o.status))).toEqual(new Set(['open', 'won', 'lost']));
    const renewals = org.opportunities.filter((o) => o.type === 'renewal');
    expect(renewals.every((o) => o.renewingAmount !== undefined)).toBe(true);
    for (const account of org.accounts.filter((a) => a.status === 'churned')) {
      expect(renewals.some((o) => o.accountId === account.id && o.status === 'lost' && o.closeDate === account.churnedOn)).toBe(true);
    }
  });

  it('places touchpoints on every journey stage and marks every moment of truth', () => {
    expect(new Set(org.touchpoints.map((t) => t.journeyStage))).toEqual(new Set(journeyStages));
    expect(new Set(org.touchpoints.flatMap((t) => (t.momentOfTruth === undefined ? [] : [t.momentOfTruth])))).toEqual(new Set(momentsOfTruth));
    const handOffs = org.touchpoints.filter((t) => t.momentOfTruth === 'adoption_handoff');
    const onboardedInHistory = org.accounts.filter((a) => a.onboardingCompletedOn !== undefined && a.onboardingCompletedOn >= '2024-10-01');
    expect(handOffs.length).toBe(onboardedInHistory.filter((a) => (a.churnedOn ?? '9999') > (a.onboardingCompletedOn ?? '')).length);
  });

  it('gives accounts ARR in yen, renewal dates while active, and onboarding dates', () => {
    for (const account of org.accounts) {
      expect(account.currency).toBe('JPY');
      expect(account.arr).toBeGreaterThan(0);
      expect(account.renewalDate !== undefined).toBe(account.status === 'active');
      if (account.renewalDate !== undefined) expect(account.renewalDate >= defaultAsOf.slice(0, 10)).toBe(true);
      expect(account.onboardingStartedOn).toBe(account.customerSince);
    }
  });
});
