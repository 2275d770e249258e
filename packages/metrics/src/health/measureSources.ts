import type { AccountContext, EntityName } from '@kizuna/model';
import type { MeasureId } from './scorecardConfig';

/** The entities each measure reads besides the account itself. */
export const measureSources: Readonly<Record<MeasureId, readonly EntityName[]>> = {
  relationship_nps: ['feedback', 'contact'],
  csat_top2box: ['feedback'],
  ces_agree: ['feedback'],
  open_escalations: ['supportCase'],
  sla_compliance: ['supportCase'],
  exec_recency: ['touchpoint', 'contact'],
  stakeholder_coverage: ['feedback', 'contact'],
  onboarding_overdue: [],
  renewal_proximity: ['opportunity'],
};

/**
 * The first entity a measure needs that the CRM could not read for this account, if any. Such a
 * measure must not be computed from the empty array (no cases read is not "no open escalations").
 */
export function unavailableSource(context: AccountContext, measure: MeasureId): EntityName | undefined {
  const missing = new Set(context.unavailable.map((part) => part.entity));
  return measureSources[measure].find((entity) => missing.has(entity));
}
