import type { AccountContext } from '@kizuna/model';
import { cesAgree, csatTop2Box, roleWeightedNps } from './feedbackMeasures';
import { onboardingOverdue, renewalProximity } from './lifecycleMeasures';
import type { MeasureReading } from './measureReading';
import { execRecency, stakeholderCoverage } from './relationshipMeasures';
import type { MeasureDefinition } from './scorecardConfig';
import { openEscalations, slaCompliance } from './supportMeasures';

/** Reads one configured measure from the account's data as it stood at `asOfMs`. */
export function readMeasure(definition: MeasureDefinition, context: AccountContext, asOfMs: number): MeasureReading {
  switch (definition.id) {
    case 'relationship_nps':
      return roleWeightedNps(context, asOfMs, definition.windowDays, definition.roleWeights);
    case 'csat_top2box':
      return csatTop2Box(context, asOfMs, definition.windowDays);
    case 'ces_agree':
      return cesAgree(context, asOfMs, definition.windowDays);
    case 'open_escalations':
      return openEscalations(context, asOfMs);
    case 'sla_compliance':
      return slaCompliance(context, asOfMs, definition.windowDays);
    case 'exec_recency':
      return execRecency(context, asOfMs, definition.roles);
    case 'stakeholder_coverage':
      return stakeholderCoverage(context, asOfMs, definition.windowDays, definition.roles);
    case 'onboarding_overdue':
      return onboardingOverdue(context, asOfMs, definition.expectedDays);
    case 'renewal_proximity':
      return renewalProximity(context, asOfMs);
  }
}
