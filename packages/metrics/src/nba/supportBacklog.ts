import { DAY_MS, isCaseOpenAt } from '../health/timeline';
import type { Evidence } from './evidence';
import type { PlaybookSettings } from './playbookConfig';
import type { Candidate, PlaybookInput, UrgencyBasis } from './candidate';
import { overdueUrgency } from './urgency';

/** An open escalation is urgent from the start. */
const escalationUrgency = 0.85;

/**
 * (e) Escalated cases open (when `escalations` is on), or more than `maxOpenCases` cases open.
 * Key: the triggering cases (the escalated ones, or every open case for a backlog), so a new
 * escalation or a changed backlog is a new situation. Urgency: 0.85 for an escalation, else from
 * 0.4 rising with the size of the backlog.
 */
export function supportBacklog({ context, asOfMs, settings }: PlaybookInput<PlaybookSettings<'support_backlog'>>): Candidate[] {
  const open = context.supportCases.filter((supportCase) => isCaseOpenAt(supportCase, asOfMs));
  const escalated = settings.escalations ? open.filter((supportCase) => supportCase.escalated) : [];
  const backlog = open.length > settings.maxOpenCases;
  if (escalated.length === 0 && !backlog) return [];
  const evidence: Evidence[] = [];
  if (escalated.length > 0) {
    const oldestMs = Math.min(...escalated.map((supportCase) => Date.parse(supportCase.openedAt)));
    evidence.push({ code: 'open_escalations', params: { count: escalated.length, oldestDays: Math.floor((asOfMs - oldestMs) / DAY_MS) } });
  }
  if (backlog) evidence.push({ code: 'support_backlog', params: { openCases: open.length, maximum: settings.maxOpenCases } });
  const excess = open.length - settings.maxOpenCases;
  const urgency: UrgencyBasis =
    escalated.length > 0
      ? { value: escalationUrgency, reason: 'escalation_open', clock: escalated.length, unit: 'cases' }
      : { value: overdueUrgency(excess, Math.max(1, settings.maxOpenCases), 0.4), reason: 'backlog_size', clock: open.length, unit: 'cases' };
  const triggers = (backlog ? open : escalated).map((supportCase) => supportCase.id).sort();
  return [
    {
      playbookId: 'support_backlog',
      title: escalated.length > 0 ? 'Take ownership of the open escalations' : 'Clear the support backlog',
      evidence,
      expectedEffect: settings.expectedEffect,
      urgency,
      triggers: [backlog ? 'backlog' : 'escalations', ...triggers],
    },
  ];
}
