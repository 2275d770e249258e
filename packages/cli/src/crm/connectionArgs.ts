import { isAbsolute, resolve } from 'node:path';
import { isCrmError } from '@kizuna/crm-core';
import { loginOrigin, parseSalesforceConnection } from '@kizuna/crm-salesforce';

/** The option table both CRM commands share, for `node:util` `parseArgs`. */
export const connectionArgOptions = {
  crm: { type: 'string' },
  'instance-url': { type: 'string' },
  'api-version': { type: 'string' },
  'access-token': { type: 'string' },
  'refresh-token': { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'login-url': { type: 'string' },
  mapping: { type: 'string' },
} as const;

type ConnectionValues = { readonly [Key in keyof typeof connectionArgOptions]?: string | undefined };

/** Environment variables read when the matching flag is absent. */
export const connectionEnv = {
  'instance-url': 'KIZUNA_SF_INSTANCE_URL',
  'access-token': 'KIZUNA_SF_ACCESS_TOKEN',
  'refresh-token': 'KIZUNA_SF_REFRESH_TOKEN',
  'client-id': 'KIZUNA_SF_CLIENT_ID',
  'client-secret': 'KIZUNA_SF_CLIENT_SECRET',
  'login-url': 'KIZUNA_SF_LOGIN_URL',
} as const;

export const defaultLoginUrl = 'https://login.salesforce.com';
export const defaultApiVersion = 'v66.0';

/** How to renew the session: the refresh-token grant of a connected app. */
export interface RefreshGrant {
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly refreshToken: string;
}

export type SalesforceAuth =
  /** An access token (from `sf org display` or a sign-in), renewed with `refresh` when given. */
  | { readonly kind: 'accessToken'; readonly accessToken: string; readonly refresh: RefreshGrant | undefined }
  /** No access token yet: one is obtained with the refresh token first. */
  | { readonly kind: 'refreshToken'; readonly refresh: RefreshGrant };

/** What `pull` and `doctor` need to reach the org; secrets are kept apart so they can be redacted. */
export interface ConnectionOptions {
  readonly crm: 'salesforce';
  /** `undefined` only with a refresh token: the token response's `instance_url` is used then. */
  readonly instanceUrl: string | undefined;
  readonly apiVersion: string;
  readonly auth: SalesforceAuth;
  /** The mapping file as given, and absolute. */
  readonly mapping: { readonly arg: string; readonly path: string } | undefined;
  /** Every secret given (tokens, client secret): never printed, logged or written. */
  readonly secrets: readonly string[];
}

export class UsageError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

function valueOf(values: ConnectionValues, env: Env, option: keyof typeof connectionEnv): string | undefined {
  const given = values[option] ?? env[connectionEnv[option]];
  return given === undefined || given.trim() === '' ? undefined : given.trim();
}

function localHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** The instance URL, checked: https (http only for a local simulator), no path, no credentials. */
function instanceUrlOf(text: string, apiVersion: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--instance-url must be a URL such as https://acme.my.salesforce.com (got ${text})`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && localHost(url.hostname));
  if (!secure || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new UsageError(`--instance-url must be an https URL with no credentials or query, such as https://acme.my.salesforce.com (got ${url.origin})`);
  }
  return parseSalesforceConnection({ instanceUrl: url.origin, apiVersion }).instanceUrl;
}

function loginUrlOf(text: string): string {
  try {
    return loginOrigin(text);
  } catch (error) {
    if (isCrmError(error)) throw new UsageError(`--login-url: ${error.message}`);
    throw error;
  }
}

function authOf(values: ConnectionValues, env: Env): SalesforceAuth {
  const accessToken = valueOf(values, env, 'access-token');
  const refreshToken = valueOf(values, env, 'refresh-token');
  const clientId = valueOf(values, env, 'client-id');
  if (refreshToken !== undefined && clientId === undefined) {
    throw new UsageError(`--refresh-token needs --client-id (or ${connectionEnv['client-id']}): the connected app's consumer key`);
  }
  const refresh: RefreshGrant | undefined =
    refreshToken === undefined || clientId === undefined
      ? undefined
      : {
          loginUrl: loginUrlOf(valueOf(values, env, 'login-url') ?? defaultLoginUrl),
          clientId,
          clientSecret: valueOf(values, env, 'client-secret'),
          refreshToken,
        };
  if (accessToken !== undefined) return { kind: 'accessToken', accessToken, refresh };
  if (refresh !== undefined) return { kind: 'refreshToken', refresh };
  throw new UsageError(
    `sign in with --access-token (or ${connectionEnv['access-token']}), or with --client-id and --refresh-token ` +
      `(or ${connectionEnv['client-id']} and ${connectionEnv['refresh-token']})`,
  );
}

function secretsOf(auth: SalesforceAuth): string[] {
  const secrets = [auth.kind === 'accessToken' ? auth.accessToken : undefined, auth.refresh?.refreshToken, auth.refresh?.clientSecret];
  return secrets.filter((secret): secret is string => secret !== undefined);
}

/** Reads and checks the connection flags (flags first, then the environment); throws UsageError. */
export function readConnectionOptions(values: ConnectionValues, env: Env, cwd: string): ConnectionOptions {
  if (values.crm === undefined) throw new UsageError('--crm is required (salesforce or zoho)');
  if (values.crm !== 'salesforce') throw new UsageError(`--crm ${values.crm} is not supported: salesforce or zoho`);
  const apiVersion = values['api-version'] ?? defaultApiVersion;
  if (!/^v\d{2,3}\.\d$/.test(apiVersion)) throw new UsageError(`--api-version must look like v66.0 (got ${apiVersion})`);
  const auth = authOf(values, env);
  const instanceText = valueOf(values, env, 'instance-url');
  if (instanceText === undefined && auth.kind === 'accessToken') {
    throw new UsageError(`--instance-url (or ${connectionEnv['instance-url']}) is required with an access token`);
  }
  const mappingArg = values.mapping;
  if (mappingArg === '') throw new UsageError('--mapping needs a file name');
  return {
    crm: 'salesforce',
    instanceUrl: instanceText === undefined ? undefined : instanceUrlOf(instanceText, apiVersion),
    apiVersion,
    auth,
    mapping: mappingArg === undefined ? undefined : { arg: mappingArg, path: isAbsolute(mappingArg) ? mappingArg : resolve(cwd, mappingArg) },
    secrets: secretsOf(auth),
  };
}

const secretOptions = ['--access-token', '--refresh-token', '--client-secret'];

/**
 * The values given to secret options (and secret environment variables), found without trusting the
 * parse: used to redact a usage error about an argument line that did not parse.
 */
export function secretsInArgs(argv: readonly string[], env: Env): string[] {
  const found: string[] = [];
  argv.forEach((arg, index) => {
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (name === undefined || !secretOptions.includes(name)) return;
    const value = inline ?? argv[index + 1];
    if (value !== undefined && value !== '') found.push(value);
  });
  for (const name of [connectionEnv['access-token'], connectionEnv['refresh-token'], connectionEnv['client-secret']]) {
    const value = env[name];
    if (value !== undefined && value !== '') found.push(value);
  }
  return found;
}
