/** What the tests read from a simulated Salesforce answer: status, headers, parsed JSON body. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or null for an empty body (204). */
  readonly body: unknown;
}

export interface RequestOptions {
  /** Bearer token; `null` sends none. Default: the client's token. */
  readonly token?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

async function replyOf(response: Response): Promise<Reply> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** A tiny REST client over the global fetch (which msw/node intercepts), for the tests' examples. */
export function salesforceTestClient(instanceUrl: string, token: string, version = 'v66.0') {
  const data = `${instanceUrl}/services/data/${version}`;
  const send = async (method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = { ...options.headers };
    const bearer = options.token === undefined ? token : options.token;
    if (bearer !== null) headers['Authorization'] = `Bearer ${bearer}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    return replyOf(await fetch(path.startsWith('/services/') ? `${instanceUrl}${path}` : `${data}${path}`, init));
  };
  return {
    /** `path` is relative to `/services/data/vXX.X` unless it starts with `/services/`. */
    send,
    get: (path: string, options?: RequestOptions) => send('GET', path, undefined, options),
    query: (soql: string, options?: RequestOptions) => send('GET', `/query?q=${encodeURIComponent(soql)}`, undefined, options),
    /** A form-encoded POST to `{loginUrl}/services/oauth2/token`. */
    token: async (loginUrl: string, form: Readonly<Record<string, string>>): Promise<Reply> =>
      replyOf(
        await fetch(`${loginUrl}/services/oauth2/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form).toString(),
        }),
      ),
  };
}
