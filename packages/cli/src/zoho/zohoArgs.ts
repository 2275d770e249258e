import { isAbsolute, resolve } from 'node:path';
import { isCrmError } from '@kizuna/crm-core';
import { accountsServerOf, apiDomainOf, dataCentreOfApiDomain, zohoDataCentres } from '@kizuna/crm-zoho';
import { UsageError } from '../crm/connectionArgs';

/** The Zoho connection options `pull` and `doctor` share, for `node:util` `parseArgs`. */
export const zohoArgOptions = {
  crm: { type: 'string' },
  'api-domain': { type: 'string' },
  'api-version': { type: 'string' },
  'access-token': { type: 'string' },
  'refresh-token': { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'accounts-server': { type: 'string' },
  mapping: { type: 'string' },
} as const;

type ZohoValues = { readonly [Key in keyof typeof zohoArgOptions]?: string | undefined };

/** Environment variables read when the matching flag is absent. */
export const zohoEnv = {
  'api-domain': 'KIZUNA_ZOHO_API_DOMAIN',
  'access-token': 'KIZUNA_ZOHO_ACCESS_TOKEN',
  'refresh-token': 'KIZUNA_ZOHO_REFRESH_TOKEN',
  'client-id': 'KIZUNA_ZOHO_CLIENT_ID',
  'client-secret': 'KIZUNA_ZOHO_CLIENT_SECRET',
  'accounts-server': 'KIZUNA_ZOHO_ACCOUNTS_SERVER',
} as const;

export interface ZohoRefreshGrantOptions {
  readonly accountsServer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export type ZohoAuth =
  | { readonly kind: 'accessToken'; readonly accessToken: string; readonly refresh: ZohoRefreshGrantOptions | undefined }
  | { readonly kind: 'refreshToken'; readonly refresh: ZohoRefreshGrantOptions };

export interface ZohoConnectionOptions {
  readonly crm: 'zoho';
  /** `undefined` only with a refresh token: the token response's `api_domain` is used then. */
  readonly apiDomain: string | undefined;
  readonly apiVersion: string;
  readonly auth: ZohoAuth;
  readonly mapping: { readonly arg: string; readonly path: string } | undefined;
  readonly secrets: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

function valueOf(values: ZohoValues, env: Env, option: keyof typeof zohoEnv): string | undefined {
  const given = values[option] ?? env[zohoEnv[option]];
  return given === undefined || given.trim() === '' ? undefined : given.trim();
}

function checked<T>(option: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isCrmError(error)) throw new UsageError(`--${option}: ${error.message}`);
    throw error;
  }
}

/** The accounts server: as given, else the data centre's of the API domain (a refresh must go to the org's own). */
function accountsServer(values: ZohoValues, env: Env, apiDomain: string | undefined): string {
  const given = valueOf(values, env, 'accounts-server');
  if (given !== undefined) return checked('accounts-server', () => accountsServerOf(given, true));
  const centre = apiDomain === undefined ? undefined : dataCentreOfApiDomain(apiDomain);
  if (centre !== undefined) return zohoDataCentres[centre].accountsServer;
  throw new UsageError(`--accounts-server (or ${zohoEnv['accounts-server']}) is required with a refresh token: the accounts server of your data centre, e.g. https://accounts.zoho.jp`);
}

function authOf(values: ZohoValues, env: Env, apiDomain: string | undefined): ZohoAuth {
  const accessToken = valueOf(values, env, 'access-token');
  const refreshToken = valueOf(values, env, 'refresh-token');
  const clientId = valueOf(values, env, 'client-id');
  const clientSecret = valueOf(values, env, 'client-secret');
  if (refreshToken !== undefined && (clientId === undefined || clientSecret === undefined)) {
    throw new UsageError(`--refresh-token needs --client-id and --client-secret (or ${zohoEnv['client-id']} and ${zohoEnv['client-secret']}): the Zoho client's credentials`);
  }
  const refresh =
    refreshToken === undefined || clientId === undefined || clientSecret === undefined
      ? undefined
      : { accountsServer: accountsServer(values, env, apiDomain), clientId, clientSecret, refreshToken };
  if (accessToken !== undefined) return { kind: 'accessToken', accessToken, refresh };
  if (refresh !== undefined) return { kind: 'refreshToken', refresh };
  throw new UsageError(
    `sign in with --access-token (or ${zohoEnv['access-token']}), or with --client-id, --client-secret and --refresh-token ` +
      `(or ${zohoEnv['client-id']}, ${zohoEnv['client-secret']} and ${zohoEnv['refresh-token']})`,
  );
}

/** Reads and checks the Zoho connection flags (flags first, then the environment); throws UsageError. */
export function readZohoConnectionOptions(values: ZohoValues, env: Env, cwd: string): ZohoConnectionOptions {
  const apiVersion = values['api-version'] ?? 'v8';
  if (!/^v\d{1,2}$/.test(apiVersion)) throw new UsageError(`--api-version must look like v8 (got ${apiVersion})`);
  const domainText = valueOf(values, env, 'api-domain');
  const apiDomain = domainText === undefined ? undefined : checked('api-domain', () => apiDomainOf(domainText, true));
  const auth = authOf(values, env, apiDomain);
  if (apiDomain === undefined && auth.kind === 'accessToken') {
    throw new UsageError(`--api-domain (or ${zohoEnv['api-domain']}) is required with an access token: the api_domain of your org, e.g. https://www.zohoapis.jp`);
  }
  const mappingArg = values.mapping;
  if (mappingArg === '') throw new UsageError('--mapping needs a file name');
  const secrets = [auth.kind === 'accessToken' ? auth.accessToken : undefined, auth.refresh?.refreshToken, auth.refresh?.clientSecret].filter(
    (secret): secret is string => secret !== undefined,
  );
  return {
    crm: 'zoho',
    apiDomain,
    apiVersion,
    auth,
    mapping: mappingArg === undefined ? undefined : { arg: mappingArg, path: isAbsolute(mappingArg) ? mappingArg : resolve(cwd, mappingArg) },
    secrets,
  };
}

/** Whether the arguments ask for Zoho (`--crm zoho` or `--crm=zoho`), read before parsing. */
export function asksForZoho(argv: readonly string[]): boolean {
  return argv.some((arg, index) => arg === '--crm=zoho' || (arg === '--crm' && argv[index + 1] === 'zoho'));
}

const secretOptions = ['--access-token', '--refresh-token', '--client-secret'];

/** Secret values in an argument line that did not parse (to redact its usage error). */
export function zohoSecretsInArgs(argv: readonly string[], env: Env): string[] {
  const found: string[] = [];
  argv.forEach((arg, index) => {
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (name === undefined || !secretOptions.includes(name)) return;
    const value = inline ?? argv[index + 1];
    if (value !== undefined && value !== '') found.push(value);
  });
  for (const name of [zohoEnv['access-token'], zohoEnv['refresh-token'], zohoEnv['client-secret']]) {
    const value = env[name];
    if (value !== undefined && value !== '') found.push(value);
  }
  return found;
}
