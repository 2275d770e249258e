import { z } from 'zod/mini';
import { countSchema, idSchema, periodSchema } from './primitives';

/**
 * An employee-pulse result for one team and period. Aggregated only: Kizuna never holds an
 * individual employee's answers. Whether a result may be shown (anonymity threshold) is the
 * metrics core's decision, not the model's.
 */
export const employeePulseSchema = z
  .strictObject({
    id: idSchema,
    teamId: idSchema,
    period: periodSchema,
    invited: countSchema,
    respondents: countSchema,
    /** Mean engagement index, 0–100. */
    engagement: z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(100, 'must be at most 100')),
    enps: z.strictObject({ promoters: countSchema, passives: countSchema, detractors: countSchema }),
    /** Mean of each EX driver item on its 1–5 agreement scale, by item id. */
    itemMeans: z.record(
      z.string().check(z.minLength(1)),
      z.number().check(z.minimum(1, 'must be at least 1'), z.maximum(5, 'must be at most 5')),
    ),
  })
  .check(
    z.superRefine((pulse, ctx) => {
      if (pulse.respondents > pulse.invited) {
        ctx.addIssue({ code: 'custom', path: ['respondents'], message: 'must not exceed invited' });
      }
      const { promoters, passives, detractors } = pulse.enps;
      if (promoters + passives + detractors !== pulse.respondents) {
        ctx.addIssue({
          code: 'custom',
          path: ['enps'],
          message: `promoters + passives + detractors must equal respondents (${pulse.respondents})`,
        });
      }
    }),
  );
export type EmployeePulse = z.infer<typeof employeePulseSchema>;
