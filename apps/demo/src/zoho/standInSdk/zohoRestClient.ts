import { z } from 'zod';

/** Where the stand-in SDK sends its calls: the simulated org's API domain, with the demo user's token. */
export interface ZohoRestTarget {
  /** `https://www.zohoapis.com` for the demo's US org; the service worker answers it. */
  readonly apiDomain: string;
  readonly accessToken: string;
  readonly fetch?: typeof fetch;
}

/** Zoho's request-level error envelope (reference zoho.md, "Errors"): what the stand-in SDK rejects with. */
export const zohoErrorEnvelopeSchema = z.object({
  code: z.string(),
  message: z.string(),
  status: z.literal('error'),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ZohoErrorEnvelope = z.infer<typeof zohoErrorEnvelopeSchema>;

/** A REST answer: `undefined` for an empty body (204), else the parsed JSON. */
export interface ZohoRestAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * One call of Zoho CRM REST API v8 (`{api_domain}/crm/v8/…`, header `Zoho-oauthtoken`). A
 * top-level error envelope rejects with that envelope, as the widget SDK's promises do; record
 * results (`{data: [...]}`, even when all failed) resolve.
 */
export async function zohoRest(target: ZohoRestTarget, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<ZohoRestAnswer> {
  const run = target.fetch ?? fetch;
  const response = await run(`${target.apiDomain}/crm/v8${path}`, {
    method,
    headers: { Authorization: `Zoho-oauthtoken ${target.accessToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw Object.assign(new Error(`Zoho answered ${method} ${path} with a body that is not JSON (HTTP ${String(response.status)}).`), { status: response.status });
  }
  const envelope = zohoErrorEnvelopeSchema.safeParse(parsed);
  if (envelope.success) throw envelope.data;
  if (!response.ok && (typeof parsed !== 'object' || parsed === null || !('data' in parsed))) {
    throw Object.assign(new Error(`Zoho answered ${method} ${path} with HTTP ${String(response.status)}.`), { status: response.status });
  }
  return { status: response.status, body: parsed };
}

/** Checks a REST body against the shape the stand-in reshapes from; a mismatch is a plain Error naming the call. */
export function expectShape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Zoho answered ${what} with an unexpected shape: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}
