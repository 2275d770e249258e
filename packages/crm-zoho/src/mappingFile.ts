import { CrmError, crmIdentifierSchema, objectMappingSchema, type ObjectMapping } from '@kizuna/crm-core';
import { z } from 'zod';
import { zohoDefaultMapping, type ZohoMapping, type ZohoMappingKey } from './defaultMapping';

const mappingKeys = Object.keys(zohoDefaultMapping) as [ZohoMappingKey, ...ZohoMappingKey[]];
const fieldSource = z.union([crmIdentifierSchema, z.array(crmIdentifierSchema).min(1)]);

/** One module's overrides: its API name, and fields (null un-maps an optional field), values, constants. */
const objectOverrideSchema = z.strictObject({
  object: crmIdentifierSchema.optional(),
  fields: z.record(z.string().min(1), fieldSource.nullable()).optional(),
  values: z.record(z.string().min(1), z.record(z.string(), z.union([z.string(), z.boolean()]))).optional(),
  constants: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/**
 * A Zoho mapping file: the same format as Salesforce's (`{ version: 1, objects: { <key>: override } }`),
 * keyed by this adapter's parts — `account`, `contact`, `task`, `call`, `event`, `feedback`,
 * `supportCase`, `opportunity`, `action`, `employeePulse`. Only what differs needs saying.
 */
export const zohoMappingFileSchema = z.strictObject({
  version: z.literal(1),
  objects: z.partialRecord(z.enum(mappingKeys), objectOverrideSchema),
});
export type ZohoMappingFile = z.infer<typeof zohoMappingFileSchema>;

function merge(base: ObjectMapping, override: z.infer<typeof objectOverrideSchema>): ObjectMapping {
  const overrides = override.fields ?? {};
  const fields: Record<string, string | string[]> = {};
  for (const [field, source] of Object.entries(base.fields)) if (!(field in overrides)) fields[field] = source;
  for (const [field, source] of Object.entries(overrides)) if (source !== null) fields[field] = source;
  return objectMappingSchema.parse({
    entity: base.entity,
    object: override.object ?? base.object,
    fields,
    values: { ...base.values, ...override.values },
    constants: { ...base.constants, ...override.constants },
  });
}

/** The default mapping with a file's overrides applied; a bad file is INVALID_INPUT naming each problem. */
export function parseZohoMappingFile(input: unknown): ZohoMapping {
  const parsed = zohoMappingFileSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    throw new CrmError('INVALID_INPUT', `The mapping file is not valid — ${detail}`, { cause: parsed.error });
  }
  const mapping: Record<string, ObjectMapping> = { ...zohoDefaultMapping };
  for (const key of mappingKeys) {
    const override = parsed.data.objects[key];
    if (override !== undefined) mapping[key] = merge(zohoDefaultMapping[key], override);
  }
  return mapping as ZohoMapping;
}
