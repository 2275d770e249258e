import type { AccountContext } from '@kizuna/model';
import { shareReading, type MeasureReading } from './measureReading';
import { DAY_MS, HOUR_MS, isCaseOpenAt } from './timeline';

/** Escalated cases open at `asOfMs`. Always has a value: no open escalation is a real 0. */
export function openEscalations(context: AccountContext, asOfMs: number): MeasureReading {
  let count = 0;
  let open = 0;
  for (const supportCase of context.supportCases) {
    if (!isCaseOpenAt(supportCase, asOfMs)) continue;
    open += 1;
    if (supportCase.escalated) count += 1;
  }
  return { status: 'value', value: count, n: open, detail: { openCases: open } };
}

/**
 * SLA compliance: share of cases opened in the window whose resolution met `slaResolutionHours`.
 * A case still open past its target counts as a breach; one still open inside it is not yet
 * decided and is left out. Cases without a target are left out.
 */
export function slaCompliance(context: AccountContext, asOfMs: number, windowDays: number): MeasureReading {
  let met = 0;
  let decided = 0;
  for (const supportCase of context.supportCases) {
    const target = supportCase.slaResolutionHours;
    const opened = Date.parse(supportCase.openedAt);
    if (target === undefined || opened <= asOfMs - windowDays * DAY_MS || opened > asOfMs) continue;
    const deadline = opened + target * HOUR_MS;
    if (isCaseOpenAt(supportCase, asOfMs)) {
      if (asOfMs > deadline) decided += 1;
      continue;
    }
    decided += 1;
    if (supportCase.closedAt !== undefined && Date.parse(supportCase.closedAt) <= deadline) met += 1;
  }
  return shareReading(met, decided);
}
