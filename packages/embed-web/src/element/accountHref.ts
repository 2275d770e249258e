import { z } from 'zod';

/** Where the account id goes in an `account-href` template. */
export const ACCOUNT_ID_PLACEHOLDER = '{id}';

/**
 * The `account-href` attribute: a URL template with `{id}` where the account's id goes
 * (`/crm/accounts/{id}`, `https://crm.example.com/accounts/{id}/view`). A path, or an http(s)
 * URL: a template with any other scheme (`javascript:`, `data:`) is refused.
 */
export const accountHrefSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((template) => template.includes(ACCOUNT_ID_PLACEHOLDER), `must contain ${ACCOUNT_ID_PLACEHOLDER} where the account id goes`)
  .refine((template) => !/^[a-z][a-z0-9+.-]*:/i.test(template) || /^https?:/i.test(template), 'must be a path or an http(s) URL');

/**
 * The URL an `account-href` template gives for an account, resolved against the page's base URL
 * (the id URL-encoded in place of every `{id}`), or `undefined` when the template is not valid or
 * the result is not an http(s) URL.
 */
export function accountUrl(template: string, accountId: string, baseUrl: string): string | undefined {
  const parsed = accountHrefSchema.safeParse(template);
  if (!parsed.success) return undefined;
  let url: URL;
  try {
    url = new URL(parsed.data.replaceAll(ACCOUNT_ID_PLACEHOLDER, encodeURIComponent(accountId)), baseUrl);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
