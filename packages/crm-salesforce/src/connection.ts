import { CrmError } from '@kizuna/crm-core';
import { z } from 'zod';

/** Where the org is: `instance_url` from the token response, never the login host. */
export const salesforceConnectionSchema = z.strictObject({
  instanceUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((url) => url.replace(/\/+$/, '')),
  apiVersion: z
    .string()
    .regex(/^v\d{2,3}\.\d$/, 'must look like v66.0')
    .default('v66.0'),
});
export type SalesforceConnection = z.output<typeof salesforceConnectionSchema>;
export type SalesforceConnectionInput = z.input<typeof salesforceConnectionSchema>;

export function parseSalesforceConnection(input: unknown): SalesforceConnection {
  const result = salesforceConnectionSchema.safeParse(input);
  if (result.success) return result.data;
  const detail = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new CrmError('INVALID_INPUT', `Salesforce connection settings are invalid — ${detail}`, { cause: result.error });
}
