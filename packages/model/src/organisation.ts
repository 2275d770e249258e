import { z } from 'zod/mini';
import { departments } from './vocabulary';
import { idSchema, nameSchema } from './primitives';

export const businessUnitSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
});
export type BusinessUnit = z.infer<typeof businessUnitSchema>;

export const productLineSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  businessUnitId: idSchema,
});
export type ProductLine = z.infer<typeof productLineSchema>;

/** A customer type: enterprise, mid-market, public sector … */
export const segmentSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
});
export type Segment = z.infer<typeof segmentSchema>;

/** A team that serves accounts. Employee pulse is reported per team, never per person. */
export const teamSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  businessUnitId: idSchema,
  department: z.enum(departments),
});
export type Team = z.infer<typeof teamSchema>;
