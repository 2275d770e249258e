import type { ContactRole, FollowUpState } from '@kizuna/model';
import type { MeasureId } from '../health';
import { formatMoney } from './formatMoney';

/**
 * Evidence for an action as a code with parameters: the UI translates the code; `describeEvidence`
 * gives the plain English fallback for the CLI and for the model's `reasons`.
 */
export type Evidence =
  | { readonly code: 'dm_detractor_no_follow_up'; readonly params: { readonly contact: string; readonly role: ContactRole; readonly score: number; readonly hoursOpen: number; readonly followUpState: FollowUpState } }
  | { readonly code: 'renewal_health_falling'; readonly params: { readonly renewalDate: string; readonly daysToRenewal: number; readonly healthNow: number; readonly healthBefore: number; readonly trendDays: number } }
  | { readonly code: 'health_driver'; readonly params: { readonly measure: MeasureId; readonly score: number; readonly pointsLost: number } }
  | { readonly code: 'onboarding_stalled'; readonly params: { readonly startedOn: string; readonly daysInOnboarding: number; readonly expectedDays: number } }
  | { readonly code: 'exec_quiet_before_qbr'; readonly params: { readonly qbrDate: string; readonly daysToQbr: number; readonly daysSinceExecutive: number } }
  | { readonly code: 'exec_quiet_qbr_due'; readonly params: { readonly daysSinceQbr: number | 'never'; readonly daysSinceExecutive: number } }
  | { readonly code: 'open_escalations'; readonly params: { readonly count: number; readonly oldestDays: number } }
  | { readonly code: 'support_backlog'; readonly params: { readonly openCases: number; readonly maximum: number } }
  | { readonly code: 'champion_quiet'; readonly params: { readonly contact: string; readonly daysQuiet: number; readonly everHeard: 'yes' | 'no' } }
  | { readonly code: 'value_renewal'; readonly params: { readonly amount: number; readonly currency: string; readonly renewalDate: string } }
  | { readonly code: 'value_arr'; readonly params: { readonly amount: number; readonly currency: string } };

export type EvidenceCode = Evidence['code'];

const roleNames: Readonly<Record<ContactRole, string>> = {
  decision_maker: 'decision maker',
  executive_sponsor: 'executive sponsor',
  influencer: 'influencer',
  champion: 'champion',
  user: 'user',
};

const measureNames: Readonly<Record<MeasureId, string>> = {
  relationship_nps: 'relationship NPS',
  csat_top2box: 'CSAT',
  ces_agree: 'customer effort',
  open_escalations: 'open escalations',
  sla_compliance: 'SLA compliance',
  exec_recency: 'executive contact',
  stakeholder_coverage: 'stakeholder coverage',
  onboarding_overdue: 'onboarding',
  renewal_proximity: 'renewal proximity',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Plain English for one piece of evidence. */
export function describeEvidence(evidence: Evidence): string {
  switch (evidence.code) {
    case 'dm_detractor_no_follow_up': {
      const { contact, role, score, hoursOpen, followUpState } = evidence.params;
      const age = hoursOpen < 72 ? plural(hoursOpen, 'hour') : plural(Math.floor(hoursOpen / 24), 'day');
      return `${contact} (${roleNames[role]}) gave an NPS of ${score} ${age} ago and the follow-up is still ${followUpState.replace('_', ' ')}.`;
    }
    case 'renewal_health_falling': {
      const { renewalDate, daysToRenewal, healthNow, healthBefore, trendDays } = evidence.params;
      return `Renewal on ${renewalDate} (in ${plural(daysToRenewal, 'day')}) while health fell from ${healthBefore} to ${healthNow} over ${trendDays} days.`;
    }
    case 'health_driver':
      return `${capitalise(measureNames[evidence.params.measure])} scores ${evidence.params.score} of 100 and costs ${evidence.params.pointsLost} health points.`;
    case 'onboarding_stalled':
      return `Onboarding started on ${evidence.params.startedOn} and is still open after ${evidence.params.daysInOnboarding} days (expected ${evidence.params.expectedDays}).`;
    case 'exec_quiet_before_qbr':
      return `The quarterly business review is on ${evidence.params.qbrDate} (in ${plural(evidence.params.daysToQbr, 'day')}) and no decision maker or executive sponsor has been met for ${evidence.params.daysSinceExecutive} days.`;
    case 'exec_quiet_qbr_due': {
      const since = evidence.params.daysSinceQbr === 'never' ? 'No quarterly business review has been held' : `The last quarterly business review was ${evidence.params.daysSinceQbr} days ago`;
      return `${since} and no decision maker or executive sponsor has been met for ${evidence.params.daysSinceExecutive} days.`;
    }
    case 'open_escalations':
      return `${plural(evidence.params.count, 'escalated case')} open, the oldest for ${plural(evidence.params.oldestDays, 'day')}.`;
    case 'support_backlog':
      return `${plural(evidence.params.openCases, 'support case')} open (more than ${evidence.params.maximum}).`;
    case 'champion_quiet':
      return evidence.params.everHeard === 'yes'
        ? `Champion ${evidence.params.contact} has not been in touch for ${evidence.params.daysQuiet} days.`
        : `Champion ${evidence.params.contact} has never been in touch (${evidence.params.daysQuiet} days as a customer).`;
    case 'value_renewal':
      return `${formatMoney(evidence.params.amount, evidence.params.currency)} renews on ${evidence.params.renewalDate}.`;
    case 'value_arr':
      return `${formatMoney(evidence.params.amount, evidence.params.currency)} annual recurring revenue.`;
  }
}
