import type { Evidence, PriorityExplanation, ProposedAction, UrgencyBasis } from '@kizuna/metrics';
import type { Contact } from '@kizuna/model';
import type { Translator } from '../../i18n/translator';
import { measureName } from '../measures';

function age(translator: Translator, hours: number): string {
  return hours < 72 ? translator.plural('unit.hours', hours) : translator.plural('unit.days', Math.floor(hours / 24));
}

/** One piece of evidence in the user's language (the metrics core gives codes and figures). */
export function evidenceText(translator: Translator, evidence: Evidence): string {
  const { t } = translator;
  const date = (iso: string) => translator.formatDate(iso);
  switch (evidence.code) {
    case 'dm_detractor_no_follow_up': {
      const { contact, role, score, hoursOpen, followUpState } = evidence.params;
      return t('evidence.dm_detractor_no_follow_up', { contact, role: t(`role.${role}`), score, age: age(translator, hoursOpen), state: t(`reply.state.${followUpState}`) });
    }
    case 'renewal_health_falling': {
      const { renewalDate, daysToRenewal, healthNow, healthBefore, trendDays } = evidence.params;
      return t('evidence.renewal_health_falling', { date: date(renewalDate), days: daysToRenewal, now: Math.round(healthNow), before: Math.round(healthBefore), trendDays });
    }
    case 'health_driver':
      return t('evidence.health_driver', { measure: measureName(translator, evidence.params.measure), score: Math.round(evidence.params.score), points: Math.round(evidence.params.pointsLost) });
    case 'onboarding_stalled':
      return t('evidence.onboarding_stalled', { date: date(evidence.params.startedOn), days: evidence.params.daysInOnboarding, expected: evidence.params.expectedDays });
    case 'exec_quiet_before_qbr':
      return t('evidence.exec_quiet_before_qbr', { date: date(evidence.params.qbrDate), days: evidence.params.daysToQbr, quiet: evidence.params.daysSinceExecutive });
    case 'exec_quiet_qbr_due':
      return evidence.params.daysSinceQbr === 'never'
        ? t('evidence.exec_quiet_qbr_never', { quiet: evidence.params.daysSinceExecutive })
        : t('evidence.exec_quiet_qbr_due', { since: evidence.params.daysSinceQbr, quiet: evidence.params.daysSinceExecutive });
    case 'open_escalations':
      return t('evidence.open_escalations', { count: evidence.params.count, days: evidence.params.oldestDays });
    case 'support_backlog':
      return t('evidence.support_backlog', { count: evidence.params.openCases, maximum: evidence.params.maximum });
    case 'champion_quiet':
      return evidence.params.everHeard === 'yes'
        ? t('evidence.champion_quiet', { contact: evidence.params.contact, days: evidence.params.daysQuiet })
        : t('evidence.champion_never', { contact: evidence.params.contact, days: evidence.params.daysQuiet });
    case 'value_renewal':
      return t('evidence.value_renewal', { amount: translator.formatCurrency(evidence.params.amount, evidence.params.currency), date: date(evidence.params.renewalDate) });
    case 'value_arr':
      return t('evidence.value_arr', { amount: translator.formatCurrency(evidence.params.amount, evidence.params.currency) });
  }
}

/** The action's title in the user's language, from its playbook and evidence. */
export function proposalTitle(translator: Translator, proposal: ProposedAction, contacts: readonly Contact[]): string {
  const { t } = translator;
  const contact = contacts.find((item) => item.id === proposal.action.contactId)?.name ?? t('reply.theCustomer');
  const first = proposal.evidence[0];
  switch (proposal.playbookId) {
    case 'dm_detractor_no_follow_up':
      return t('nba.title.dm_detractor_no_follow_up', { contact, score: first?.code === 'dm_detractor_no_follow_up' ? first.params.score : '' });
    case 'renewal_health_falling':
      return t('nba.title.renewal_health_falling', { date: first?.code === 'renewal_health_falling' ? translator.formatDate(first.params.renewalDate) : '' });
    case 'onboarding_stalled':
      return t('nba.title.onboarding_stalled');
    case 'exec_not_engaged_before_qbr':
      return t('nba.title.exec_not_engaged_before_qbr', { contact });
    case 'support_backlog':
      return proposal.evidence.some((item) => item.code === 'open_escalations') ? t('nba.title.open_escalations') : t('nba.title.support_backlog');
    case 'champion_quiet':
      return t('nba.title.champion_quiet', { contact });
  }
}

function urgencyText(translator: Translator, urgency: UrgencyBasis): string {
  const { clock } = urgency;
  if (urgency.reason === 'renewal_deadline' && clock < 0) return translator.t('urgency.renewal_overdue', { n: -clock });
  return translator.t(`urgency.${urgency.reason}`, { n: clock });
}

/** Why this rank: value at stake × expected effect × urgency, in words and the account's currency. */
export function priorityText(translator: Translator, priority: PriorityExplanation): string {
  const { t } = translator;
  const money = (amount: number) => translator.formatCurrency(amount, priority.value.currency, { maximumFractionDigits: 0 });
  const basis =
    priority.value.basis === 'renewal' && priority.value.renewalDate !== undefined
      ? t('nba.basis.renewal', { date: translator.formatDate(priority.value.renewalDate) })
      : t('nba.basis.arr');
  return t('nba.priority', {
    value: money(priority.value.amount),
    basis,
    effect: translator.formatNumber(priority.expectedEffect, { style: 'percent' }),
    urgency: translator.formatNumber(priority.urgency.value, { maximumFractionDigits: 2 }),
    why: urgencyText(translator, priority.urgency),
    priority: money(priority.priority),
  });
}
