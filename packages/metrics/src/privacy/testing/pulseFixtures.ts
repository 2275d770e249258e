import type { EmployeePulse } from '@kizuna/model';
import type { TeamProfile } from '../teamProfiles';

/**
 * A pulse for tests: `respondents` of `invited` (default respondents + 2), engagement 70, eNPS
 * split promoters ≈ 40 %, detractors ≈ 20 %, one item mean.
 */
export function pulse(
  teamId: string,
  period: string,
  respondents: number,
  overrides: Partial<Omit<EmployeePulse, 'teamId' | 'period' | 'respondents'>> = {},
): EmployeePulse {
  const promoters = Math.round(respondents * 0.4);
  const detractors = Math.round(respondents * 0.2);
  return {
    id: `pulse-${teamId}-${period}`,
    teamId,
    period,
    invited: respondents + 2,
    respondents,
    engagement: 70,
    enps: { promoters, passives: respondents - promoters - detractors, detractors },
    itemMeans: { growth: 3.5 },
    ...overrides,
  };
}

/** A success team of `unit`, serving the listed segments. */
export function team(id: string, businessUnitId: string, servingSegmentIds: readonly string[] = []): TeamProfile {
  return { id, businessUnitId, department: 'success', servingSegmentIds };
}
