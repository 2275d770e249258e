import { enpsKpi, engagementKpi } from './definitions/exKpis';
import { cesAgreeKpi, cesMeanKpi, csatKpi, npsKpi } from './definitions/feedbackKpis';
import { decisionMakerCoverageKpi, revenueCoverageKpi } from './definitions/coverageKpis';
import { churnRateKpi, onboardingDurationKpi, relationshipHealthKpi } from './definitions/accountKpis';
import { grossRevenueRetentionKpi, netRevenueRetentionKpi, renewalRateKpi } from './definitions/revenueKpis';
import {
  escalationRateKpi,
  slaComplianceKpi,
  timeToFirstResponseMedianKpi,
  timeToFirstResponseP90Kpi,
  timeToResolutionMedianKpi,
  timeToResolutionP90Kpi,
} from './definitions/supportKpis';
import type { KpiDefinition } from './kpiDefinition';

/** Every KPI Kizuna computes, each defined once, by id. */
export const kpiCatalogue = {
  nps: npsKpi,
  csat: csatKpi,
  cesAgree: cesAgreeKpi,
  cesMean: cesMeanKpi,
  enps: enpsKpi,
  engagement: engagementKpi,
  timeToFirstResponseMedian: timeToFirstResponseMedianKpi,
  timeToFirstResponseP90: timeToFirstResponseP90Kpi,
  timeToResolutionMedian: timeToResolutionMedianKpi,
  timeToResolutionP90: timeToResolutionP90Kpi,
  slaCompliance: slaComplianceKpi,
  escalationRate: escalationRateKpi,
  onboardingDuration: onboardingDurationKpi,
  renewalRate: renewalRateKpi,
  grossRevenueRetention: grossRevenueRetentionKpi,
  netRevenueRetention: netRevenueRetentionKpi,
  churnRate: churnRateKpi,
  relationshipHealth: relationshipHealthKpi,
  revenueCoverage: revenueCoverageKpi,
  decisionMakerCoverage: decisionMakerCoverageKpi,
} as const satisfies Record<string, KpiDefinition>;

export type KpiId = keyof typeof kpiCatalogue;
export const kpiIds = Object.keys(kpiCatalogue) as KpiId[];
