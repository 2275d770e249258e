import { assertScorecardConfig, type ScorecardConfig, type ScorecardConfigInput } from './scorecardConfig';

/**
 * The default scorecard as written (before defaults are filled in). Weights sum to 100; thresholds
 * are judgement calls for a B2B programme, meant to be tuned per company:
 *
 * - relationship NPS (role-weighted, 365 days, −100…100): −100 → 0, 0 → 45, 30 → 70, 60 → 90, 100 → 100
 * - CSAT top-2-box (180 days, share): 50 % → 0, 70 % → 40, 85 % → 75, 95 % → 100
 * - CES 2.0 % agree (180 days, share): 30 % → 0, 60 % → 50, 80 % → 85, 90 % → 100
 * - open escalated cases (count, a gate): 0 → 100, 1 → 30, 2 → 10, 3 → 0
 * - SLA compliance (cases opened in 180 days, share): 50 % → 0, 80 % → 50, 90 % → 75, 100 % → 100
 * - days since the last touchpoint with a decision maker or executive sponsor: ≤ 45 → 100, 90 → 60, 180 → 20, 365 → 0
 * - stakeholder coverage (share of decision makers and executive sponsors who gave feedback in 365 days): 0 → 20, 50 % → 70, 100 % → 100
 * - onboarding overdue (days past 60 days, only while onboarding): 0 → 100, 30 → 50, 90 → 0
 *
 * Renewal proximity is available but deliberately left out: it falls by itself as the clock runs,
 * so it would make every renewing account's trend "falling" and feed the renewal playbook with
 * its own input.
 */
export const defaultScorecardInput = {
  measures: [
    {
      id: 'relationship_nps',
      weight: 25,
      minimumN: 3,
      points: [
        { value: -100, score: 0 },
        { value: 0, score: 45 },
        { value: 30, score: 70 },
        { value: 60, score: 90 },
        { value: 100, score: 100 },
      ],
    },
    {
      id: 'csat_top2box',
      weight: 10,
      minimumN: 3,
      points: [
        { value: 0.5, score: 0 },
        { value: 0.7, score: 40 },
        { value: 0.85, score: 75 },
        { value: 0.95, score: 100 },
      ],
    },
    {
      id: 'ces_agree',
      weight: 10,
      minimumN: 3,
      points: [
        { value: 0.3, score: 0 },
        { value: 0.6, score: 50 },
        { value: 0.8, score: 85 },
        { value: 0.9, score: 100 },
      ],
    },
    {
      id: 'open_escalations',
      weight: 15,
      gate: true,
      points: [
        { value: 0, score: 100 },
        { value: 1, score: 30 },
        { value: 2, score: 10 },
        { value: 3, score: 0 },
      ],
    },
    {
      id: 'sla_compliance',
      weight: 15,
      minimumN: 3,
      points: [
        { value: 0.5, score: 0 },
        { value: 0.8, score: 50 },
        { value: 0.9, score: 75 },
        { value: 1, score: 100 },
      ],
    },
    {
      id: 'exec_recency',
      weight: 10,
      points: [
        { value: 45, score: 100 },
        { value: 90, score: 60 },
        { value: 180, score: 20 },
        { value: 365, score: 0 },
      ],
    },
    {
      id: 'stakeholder_coverage',
      weight: 10,
      points: [
        { value: 0, score: 20 },
        { value: 0.5, score: 70 },
        { value: 1, score: 100 },
      ],
    },
    {
      id: 'onboarding_overdue',
      weight: 5,
      points: [
        { value: 0, score: 100 },
        { value: 30, score: 50 },
        { value: 90, score: 0 },
      ],
    },
  ],
} as const satisfies ScorecardConfigInput;

/** The default scorecard, validated, with every default filled in. Bands: ≤ 50 red, ≤ 75 yellow, above green. */
export const defaultScorecardConfig: ScorecardConfig = assertScorecardConfig(defaultScorecardInput);
