/** What the tests read from a simulated Zoho answer: status, headers, the raw text and its JSON. */
export interface ZohoReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON, or null for an empty body (204). */
  readonly body: unknown;
}

export interface ZohoRequestOptions {
  /** Access token; `null` sends no Authorization header. Default: the client's token. */
  readonly token?: string | null;
  /** The whole Authorization header, to send another scheme (e.g. `Bearer …`). */
  readonly authorization?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

async function replyOf(response: Response): Promise<ZohoReply> {
  const text = await response.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = null;
    }
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** A small REST client over the global fetch (which msw/node intercepts), for the tests' examples. */
export function zohoTestClient(apiDomain: string, token: string) {
  const base = `${apiDomain}/crm/v8`;
  const send = async (method: string, path: string, body?: unknown, options: ZohoRequestOptions = {}): Promise<ZohoReply> => {
    const headers: Record<string, string> = { ...options.headers };
    const access = options.token === undefined ? token : options.token;
    if (options.authorization !== undefined) headers['Authorization'] = options.authorization;
    else if (access !== null) headers['Authorization'] = `Zoho-oauthtoken ${access}`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    return replyOf(await fetch(`${base}${path}`, init));
  };
  return {
    send,
    get: (path: string, options?: ZohoRequestOptions) => send('GET', path, undefined, options),
    coql: (selectQuery: string, options?: ZohoRequestOptions) => send('POST', '/coql', { select_query: selectQuery }, options),
    insert: (module: string, body: unknown, options?: ZohoRequestOptions) => send('POST', `/${module}`, body, options),
    update: (module: string, body: unknown, options?: ZohoRequestOptions) => send('PUT', `/${module}`, body, options),
  };
}

/** A form-encoded POST to `{accountsServer}/oauth/v2/token`. */
export async function zohoTokenRequest(accountsServer: string, form: Readonly<Record<string, string>>): Promise<ZohoReply> {
  return replyOf(
    await fetch(`${accountsServer}/oauth/v2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    }),
  );
}

/** Narrows a reply body for assertions (tests only). */
export function objectOf(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function arrayOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected a JSON array, got ${JSON.stringify(value)}`);
  return value;
}

/** `body.data` as records (tests only). */
export function dataOf(reply: ZohoReply): Record<string, unknown>[] {
  return arrayOf(objectOf(reply.body)['data']).map(objectOf);
}
