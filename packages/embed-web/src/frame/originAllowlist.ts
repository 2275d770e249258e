import { z } from 'zod';

/** A configuration mistake made by the page that embeds Kizuna (not a message from outside). */
export class EmbedConfigError extends Error {
  override readonly name = 'EmbedConfigError';
}

/**
 * An origin as `URL.origin` serialises it: scheme, host and port only (`https://crm.example.com`,
 * `http://127.0.0.1:5173`). Paths, trailing slashes, wildcards, `null` and non-http(s) schemes
 * are refused, because the browser compares `event.origin` to exactly this string.
 */
export const originSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    // The URL parser lets `*` through in host names; a wildcard is never an origin.
    const hostName = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/;
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value && hostName.test(url.hostname);
  } catch {
    return false;
  }
}, 'must be an exact origin such as https://crm.example.com (scheme, host and port; no path, no wildcard)');

/** The origins a side of the bridge talks to; membership is exact string equality. */
export interface OriginAllowlist {
  readonly origins: readonly string[];
  allows(origin: string): boolean;
}

/** Checks the configured origins once, at setup; a wrong entry throws `EmbedConfigError` naming it. */
export function createOriginAllowlist(origins: readonly string[]): OriginAllowlist {
  if (origins.length === 0) throw new EmbedConfigError('The origin allowlist is empty: name the origins allowed to talk to Kizuna.');
  for (const origin of origins) {
    const parsed = originSchema.safeParse(origin);
    if (!parsed.success) {
      throw new EmbedConfigError(`The origin ${JSON.stringify(origin)} ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
    }
  }
  const allowed = new Set(origins);
  return { origins: [...allowed], allows: (origin) => allowed.has(origin) };
}
