import { entitySchemas, type CanonicalDataset } from '@kizuna/model';
import { z } from 'zod';

export { previewDatasetPath } from './previewDataPath';

const datasetSchema = z.strictObject({
  businessUnits: z.array(entitySchemas.businessUnit),
  productLines: z.array(entitySchemas.productLine),
  segments: z.array(entitySchemas.segment),
  teams: z.array(entitySchemas.team),
  accounts: z.array(entitySchemas.account),
  contacts: z.array(entitySchemas.contact),
  touchpoints: z.array(entitySchemas.touchpoint),
  feedback: z.array(entitySchemas.feedback),
  supportCases: z.array(entitySchemas.supportCase),
  opportunities: z.array(entitySchemas.opportunity),
  employeePulses: z.array(entitySchemas.employeePulse),
  actions: z.array(entitySchemas.action),
}) satisfies z.ZodType<CanonicalDataset>;

/** What `kizuna preview` serves: the validated rows of the data directory, and the "now" they end at. */
export const previewPayloadSchema = z.object({
  source: z.string(),
  asOf: z.iso.datetime({ offset: true }),
  dataset: datasetSchema,
});
export type PreviewPayload = z.infer<typeof previewPayloadSchema>;

export function parsePreviewPayload(input: unknown): PreviewPayload {
  const parsed = previewPayloadSchema.safeParse(input);
  if (!parsed.success) throw new Error(`The preview data is not a canonical dataset: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
