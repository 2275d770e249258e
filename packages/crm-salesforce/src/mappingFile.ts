import { CrmError, crmIdentifierSchema, objectMappingSchema, type ObjectMapping } from '@kizuna/crm-core';
import { z } from 'zod';
import { salesforceDefaultMapping, type SalesforceMapping } from './defaultMapping';

type MappingKey = keyof SalesforceMapping;
const mappingKeys = Object.keys(salesforceDefaultMapping) as [MappingKey, ...MappingKey[]];

const fieldSource = z.union([crmIdentifierSchema, z.array(crmIdentifierSchema).min(1)]);

/** One object's overrides: its API name, and fields (null un-maps an optional field), values, constants. */
const objectOverrideSchema = z.strictObject({
  object: crmIdentifierSchema.optional(),
  fields: z.record(z.string().min(1), fieldSource.nullable()).optional(),
  values: z.record(z.string().min(1), z.record(z.string(), z.union([z.string(), z.boolean()]))).optional(),
  constants: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/**
 * A mapping file: where an org keeps Kizuna's data when it differs from the default layout
 * (docs/crm/salesforce-layout.md). Only what differs needs saying.
 */
export const salesforceMappingFileSchema = z.strictObject({
  version: z.literal(1),
  objects: z.partialRecord(z.enum(mappingKeys), objectOverrideSchema),
});
export type SalesforceMappingFile = z.infer<typeof salesforceMappingFileSchema>;

function merge(base: ObjectMapping, override: z.infer<typeof objectOverrideSchema>): ObjectMapping {
  const overrides = override.fields ?? {};
  const fields = Object.fromEntries(
    [...Object.entries(base.fields), ...Object.entries(overrides)].filter(([field]) => overrides[field] !== null || !(field in overrides)),
  );
  for (const [field, source] of Object.entries(overrides)) if (source !== null) fields[field] = source;
  return objectMappingSchema.parse({
    entity: base.entity,
    object: override.object ?? base.object,
    fields,
    values: { ...base.values, ...override.values },
    constants: { ...base.constants, ...override.constants },
  });
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
}

/** The default mapping with a mapping file's overrides applied; a bad file is an INVALID_INPUT error naming each problem. */
export function parseSalesforceMappingFile(input: unknown): SalesforceMapping {
  const parsed = salesforceMappingFileSchema.safeParse(input);
  if (!parsed.success) {
    throw new CrmError('INVALID_INPUT', `The mapping file is not valid — ${describeIssues(parsed.error)}`, { cause: parsed.error });
  }
  const mapping: Record<string, ObjectMapping> = { ...salesforceDefaultMapping };
  for (const key of mappingKeys) {
    const override = parsed.data.objects[key];
    if (override !== undefined) mapping[key] = merge(salesforceDefaultMapping[key], override);
  }
  return mapping as SalesforceMapping;
}
