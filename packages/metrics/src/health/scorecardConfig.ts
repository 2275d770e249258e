import { contactRoles } from '@kizuna/model';
import { z } from 'zod/mini';
import { ConfigError, parseWithSchema, type ConfigParseResult } from './configIssues';

/** One point of a threshold curve: a raw measure value and the 0–100 score it earns. */
const thresholdPointSchema = z.strictObject({
  value: z.number({ error: 'must be a number' }),
  score: z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(100, 'must be at most 100')),
});

/**
 * Threshold curve: raw value → score by linear interpolation between points (clamped outside).
 * Points are in ascending order of value; two points with the same value make a step.
 */
const pointsSchema = z.array(thresholdPointSchema).check(
  z.minLength(2, 'needs at least two points'),
  z.superRefine((points, ctx) => {
    points.forEach((point, index) => {
      const previous = points[index - 1];
      if (previous !== undefined && point.value < previous.value) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'value'],
          message: `must not be lower than the previous point's value (${previous.value}); list points in ascending order`,
        });
      }
    });
  }),
);

const roles = z.enum(contactRoles);
const execRoles = () => z._default(z.array(roles).check(z.minLength(1)), ['decision_maker', 'executive_sponsor']);
const windowDays = (days: number) =>
  z._default(z.number().check(z.int('must be a whole number of days'), z.positive('must be positive')), days);

/** Settings every measure has: how much it counts, how a raw value becomes a score, and whether it gates. */
const common = {
  weight: z.number().check(z.positive('must be positive (remove the measure to switch it off)')),
  points: pointsSchema,
  /** A gate: when this measure is red, the overall score is capped at the top of yellow. */
  gate: z._default(z.boolean(), false),
  /** Fewer observations than this add a `small_sample` warning. */
  minimumN: z._default(z.number().check(z.int(), z.nonnegative()), 0),
};

const roleWeight = (weight: number) => z._default(z.number().check(z.nonnegative()), weight);
const roleWeightsSchema = z.strictObject({
  decision_maker: roleWeight(3),
  executive_sponsor: roleWeight(3),
  champion: roleWeight(2),
  influencer: roleWeight(2),
  user: roleWeight(1),
});

export const measureDefinitionSchema = z.discriminatedUnion(
  'id',
  [
    z.strictObject({ id: z.literal('relationship_nps'), ...common, windowDays: windowDays(365), roleWeights: z._default(roleWeightsSchema, roleWeightsSchema.parse({})) }),
    z.strictObject({ id: z.literal('csat_top2box'), ...common, windowDays: windowDays(180) }),
    z.strictObject({ id: z.literal('ces_agree'), ...common, windowDays: windowDays(180) }),
    z.strictObject({ id: z.literal('open_escalations'), ...common }),
    z.strictObject({ id: z.literal('sla_compliance'), ...common, windowDays: windowDays(180) }),
    z.strictObject({ id: z.literal('exec_recency'), ...common, roles: execRoles() }),
    z.strictObject({
      id: z.literal('stakeholder_coverage'),
      ...common,
      windowDays: windowDays(365),
      roles: execRoles(),
    }),
    z.strictObject({ id: z.literal('onboarding_overdue'), ...common, expectedDays: windowDays(60) }),
    z.strictObject({ id: z.literal('renewal_proximity'), ...common }),
  ],
  { error: 'must be one of the known measures: relationship_nps, csat_top2box, ces_agree, open_escalations, sla_compliance, exec_recency, stakeholder_coverage, onboarding_overdue, renewal_proximity' },
);

const score = (fallback: number) => z._default(z.number().check(z.minimum(0), z.maximum(100)), fallback);
const bandsSchema = z
  .strictObject({
    /** Scores up to and including this are red (default 50). */
    redMax: score(50),
    /** Scores above red and up to and including this are yellow (default 75); above, green. */
    yellowMax: score(75),
  })
  .check(z.refine((bands) => bands.redMax < bands.yellowMax, { path: ['yellowMax'], error: 'must be greater than redMax' }));

export const scorecardConfigSchema = z
  .strictObject({
    measures: z.array(measureDefinitionSchema).check(z.minLength(1, 'needs at least one measure')),
    bands: z._default(bandsSchema, { redMax: 50, yellowMax: 75 }),
    /** Below this share of the applicable weight having data, the score is flagged `thin_basis`. */
    minimumCoverage: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.6),
    /** Fewer measures with data than this also flag `thin_basis`. */
    minimumMeasures: z._default(z.number().check(z.int(), z.minimum(1)), 3),
    /** The trend compares with the score this many days before `asOf`. */
    trendDays: z._default(z.number().check(z.int(), z.positive()), 90),
    /** Changes smaller than this many points count as flat. */
    flatWithin: z._default(z.number().check(z.nonnegative()), 5),
  })
  .check(
    z.superRefine((config, ctx) => {
      const seen = new Set<string>();
      config.measures.forEach((measure, index) => {
        if (seen.has(measure.id)) {
          ctx.addIssue({ code: 'custom', path: ['measures', index, 'id'], message: `${measure.id} is listed twice` });
        }
        seen.add(measure.id);
      });
    }),
  );

export type ScorecardConfigInput = z.input<typeof scorecardConfigSchema>;
export type ScorecardConfig = z.output<typeof scorecardConfigSchema>;
export type MeasureDefinition = z.output<typeof measureDefinitionSchema>;
export type MeasureId = MeasureDefinition['id'];
export type ThresholdPoint = z.output<typeof thresholdPointSchema>;
export type HealthBands = ScorecardConfig['bands'];

/** Validates a scorecard configuration and fills in defaults; never throws. */
export function parseScorecardConfig(input: unknown): ConfigParseResult<ScorecardConfig> {
  return parseWithSchema(scorecardConfigSchema, input);
}

/** Validates a scorecard configuration, or throws a {@link ConfigError} naming every bad setting. */
export function assertScorecardConfig(input: unknown): ScorecardConfig {
  const result = parseScorecardConfig(input);
  if (!result.ok) throw new ConfigError('scorecard config', result.issues);
  return result.config;
}
