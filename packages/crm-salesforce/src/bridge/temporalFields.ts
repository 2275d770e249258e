import { entitySchemas, type EntityName } from '@kizuna/model';
import { z } from 'zod';

export type TemporalKind = 'date' | 'dateTime';

/**
 * Whether a canonical field holds a calendar date or an instant, read from the model's own
 * schemas (so there is no second list to keep in step): a value compared with it must be sent
 * to Apex tagged `{ date }` or `{ dateTime }`, or Apex could not type the bind variable.
 */
export function temporalKindOf(entity: EntityName, field: string): TemporalKind | undefined {
  let schema: unknown = entitySchemas[entity];
  for (const part of field.split('.')) {
    if (!(schema instanceof z.ZodObject)) return undefined;
    schema = (schema.shape as Readonly<Record<string, unknown>>)[part];
    while (schema instanceof z.ZodOptional) schema = schema.unwrap();
  }
  if (schema instanceof z.ZodISODate) return 'date';
  if (schema instanceof z.ZodISODateTime) return 'dateTime';
  return undefined;
}
