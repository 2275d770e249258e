import { entityNames, type EntityName } from '@kizuna/model';
import { z } from 'zod';

/** A CRM API name: letters, digits and underscores, as Salesforce and Zoho both require. */
export const crmIdentifierSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, 'must be a CRM API name (letters, digits, underscores)');

/** Where one canonical entity lives: an object/module and, per canonical field, the CRM field(s). */
export const objectMappingSchema = z.strictObject({
  entity: z.enum(entityNames as [EntityName, ...EntityName[]]),
  object: crmIdentifierSchema,
  /**
   * Canonical field (dotted for nested ones, e.g. `followUp.state`) → CRM field, or a list of CRM
   * fields tried in order (the first non-empty one wins).
   */
  fields: z.record(z.string().min(1), z.union([crmIdentifierSchema, z.array(crmIdentifierSchema).min(1)])),
  /** Per canonical field: CRM value → canonical value; the key `*` is the value for anything else. */
  values: z.record(z.string().min(1), z.record(z.string(), z.union([z.string(), z.boolean()]))).optional(),
  /** Canonical fields that always take a fixed value for records of this object. */
  constants: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type ObjectMapping = z.infer<typeof objectMappingSchema>;

/** Every CRM field a mapping reads, in a stable order: the allowlist for the queries built from it. */
export function mappedCrmFields(mapping: ObjectMapping): string[] {
  const fields = new Set<string>();
  for (const source of Object.values(mapping.fields)) {
    for (const field of typeof source === 'string' ? [source] : source) fields.add(field);
  }
  return [...fields];
}
