import { entitySchemas, type EntityName } from '@kizuna/model';
import { z } from 'zod';

export type TemporalKind = 'date' | 'dateTime';

/**
 * Whether a canonical field holds a calendar date or an instant, read from the model's own
 * schemas (so there is no second list to keep in step): a value compared with it must be sent
 * to Apex tagged `{ date }` or `{ dateTime }`, or Apex could not type the bind variable.
 */
export function temporalKindOf(entity: EntityName, field: string): TemporalKind | undefined {
  // The model's schemas are `zod/mini` ones: only zod's core classes are common to both APIs.
  let schema: unknown = entitySchemas[entity];
  for (const part of field.split('.')) {
    if (!(schema instanceof z.core.$ZodObject)) return undefined;
    schema = (schema._zod.def.shape as Readonly<Record<string, unknown>>)[part];
    while (schema instanceof z.core.$ZodOptional) schema = schema._zod.def.innerType;
  }
  if (schema instanceof z.core.$ZodISODate) return 'date';
  if (schema instanceof z.core.$ZodISODateTime) return 'dateTime';
  return undefined;
}
