/** Names for people; a KPI added to the catalogue without one here shows its id. */
const kpiNames: Readonly<Record<string, string>> = {
  nps: 'NPS',
  csat: 'CSAT (top-2-box)',
  cesAgree: 'CES 2.0 agreement',
  cesMean: 'CES 2.0 mean (1–7)',
  enps: 'eNPS',
  engagement: 'Engagement (0–100)',
  timeToFirstResponseMedian: 'Time to first response, median',
  timeToFirstResponseP90: 'Time to first response, p90',
  timeToResolutionMedian: 'Time to resolution, median',
  timeToResolutionP90: 'Time to resolution, p90',
  slaCompliance: 'SLA compliance',
  escalationRate: 'Escalation rate',
  onboardingDuration: 'Onboarding duration, median',
  renewalRate: 'Renewal rate',
  grossRevenueRetention: 'Gross revenue retention',
  netRevenueRetention: 'Net revenue retention',
  churnRate: 'Churn rate',
  revenueCoverage: 'Revenue coverage (share of ARR heard from)',
  decisionMakerCoverage: 'Decision-maker coverage',
};

export function kpiName(id: string): string {
  return kpiNames[id] ?? id;
}
