import type { ZohoDataCentre, ZohoDataCentreInfo } from '../dataCentres';
import type { ZohoKnobs } from '../zohoKnobs';

export interface ZohoClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
}

/** An access token's grant: who, which scopes, until when, on which data centre. */
export interface ZohoSession {
  readonly token: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
  readonly refreshToken: string | null;
}

export type ZohoTokenStatus = 'valid' | 'expired' | 'unknown';

interface RefreshGrant {
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  /** When each access token minted from it was issued (for the 10-per-10-minutes budget). */
  readonly minted: number[];
}

interface CodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
  readonly offline: boolean;
}

/** What the authorize step hands back in the redirect (reference §E "Flow" step 2). */
export interface AuthorizationGrant {
  readonly code: string;
  /** The data centre's location, e.g. `jp`. */
  readonly location: string;
  /** Where to exchange the code, e.g. `https://accounts.zoho.jp`. */
  readonly accountsServer: string;
}

export interface AuthorizationCodeOptions {
  readonly clientId: string;
  readonly redirectUri: string;
  /** Granted scopes. Default: `ZohoCRM.modules.ALL`, `ZohoCRM.coql.READ`, `ZohoCRM.users.READ`, `ZohoCRM.settings.READ`. */
  readonly scopes?: readonly string[];
  /** `access_type=offline`: the exchange also returns a refresh token. Default true. */
  readonly offline?: boolean;
  /** The consenting user; default the org's administrator. */
  readonly userId?: string;
}

export interface IssueTokenOptions {
  readonly scopes?: readonly string[];
  readonly userId?: string;
}

export const defaultZohoScopes: readonly string[] = ['ZohoCRM.modules.ALL', 'ZohoCRM.coql.READ', 'ZohoCRM.users.READ', 'ZohoCRM.settings.READ'];

/** Grant tokens (authorization codes) are one-time and valid three minutes (v7 token-validity page). */
const codeLifetimeMs = 3 * 60 * 1000;

/** 32 hex digits derived from `seed` (FNV-1a, four rounds): opaque-looking and deterministic. */
function hex32(seed: string): string {
  let out = '';
  for (let round = 0; round < 4; round += 1) {
    let hash = 0x811c9dc5 ^ round;
    for (const char of `${round}:${seed}`) {
      hash ^= char.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

/**
 * One org's side of Zoho Accounts: registered clients, authorization codes, refresh tokens and
 * access tokens, all bound to the org's data centre. Tokens look like Zoho's
 * (`1000.<32 hex>.<32 hex>`) and are deterministic per org.
 */
export class ZohoOAuth {
  readonly dataCentre: ZohoDataCentre;
  readonly #info: ZohoDataCentreInfo;
  readonly #now: () => number;
  readonly #knobs: () => ZohoKnobs;
  readonly #defaultUser: string;
  readonly #clients = new Map<string, ZohoClient>();
  readonly #codes = new Map<string, CodeGrant>();
  readonly #refresh = new Map<string, RefreshGrant>();
  readonly #sessions = new Map<string, ZohoSession>();
  readonly #calls = new Map<string, number>();
  readonly #revoked = new Set<string>();
  #serial = 0;

  constructor(dataCentre: ZohoDataCentre, info: ZohoDataCentreInfo, defaultUser: string, now: () => number, knobs: () => ZohoKnobs) {
    this.dataCentre = dataCentre;
    this.#info = info;
    this.#defaultUser = defaultUser;
    this.#now = now;
    this.#knobs = knobs;
  }

  now(): number {
    return this.#now();
  }

  get apiDomain(): string {
    return this.#info.apiDomain;
  }
  get accountsServer(): string {
    return this.#info.accountsServer;
  }
  get location(): string {
    return this.#info.location;
  }

  /** A new token of `kind`; the data centre is part of the seed, so no two DCs mint the same. */
  #mint(kind: 'code' | 'access' | 'refresh'): string {
    this.#serial += 1;
    const seed = `${this.dataCentre}:${kind}:${this.#serial}`;
    return `1000.${hex32(seed)}.${hex32(`${seed}:secret`)}`;
  }

  registerClient(client: { readonly clientId: string; readonly clientSecret: string; readonly redirectUris: readonly string[] }): void {
    this.#clients.set(client.clientId, { ...client });
  }

  client(clientId: string): ZohoClient | undefined {
    return this.#clients.get(clientId);
  }

  /** What the authorize step would produce after the user consents. */
  issueAuthorizationCode(options: AuthorizationCodeOptions): AuthorizationGrant {
    const code = this.#mint('code');
    this.#codes.set(code, {
      clientId: options.clientId,
      redirectUri: options.redirectUri,
      userId: options.userId ?? this.#defaultUser,
      scopes: options.scopes ?? defaultZohoScopes,
      expiresAt: this.#now() + codeLifetimeMs,
      offline: options.offline ?? true,
    });
    return { code, location: this.#info.location, accountsServer: this.#info.accountsServer };
  }

  /** Spends a code: the grant when it is known, unexpired, unused; else `undefined`. */
  redeemCode(code: string): CodeGrant | undefined {
    const grant = this.#codes.get(code);
    this.#codes.delete(code);
    return grant !== undefined && grant.expiresAt > this.#now() ? grant : undefined;
  }

  /** Accepts `token` (or a fresh one) as an access token of this data centre. */
  issueAccessToken(token?: string, options: IssueTokenOptions = {}, refreshToken: string | null = null): ZohoSession {
    const value = token ?? this.#mint('access');
    const session: ZohoSession = {
      token: value,
      userId: options.userId ?? this.#defaultUser,
      scopes: options.scopes ?? defaultZohoScopes,
      expiresAt: this.#now() + this.#knobs().accessTokenLifetimeMs,
      refreshToken,
    };
    this.#sessions.set(value, session);
    this.#calls.set(value, 0);
    this.#revoked.delete(value);
    return session;
  }

  issueRefreshToken(clientId: string, userId: string, scopes: readonly string[]): string {
    const token = this.#mint('refresh');
    this.#refresh.set(token, { clientId, userId, scopes, minted: [] });
    return token;
  }

  /**
   * Mints an access token from a refresh token: `'unknown'` for a token this DC never issued
   * (or another client's), `'throttled'` past the refresh budget.
   */
  refresh(refreshToken: string, clientId: string): ZohoSession | 'unknown' | 'throttled' {
    const grant = this.#refresh.get(refreshToken);
    if (grant === undefined || grant.clientId !== clientId) return 'unknown';
    const knobs = this.#knobs();
    const now = this.#now();
    const recent = grant.minted.filter((at) => at > now - knobs.refreshWindowMs);
    grant.minted.splice(0, grant.minted.length, ...recent);
    if (recent.length >= knobs.refreshLimit) return 'throttled';
    grant.minted.push(now);
    return this.issueAccessToken(undefined, { scopes: grant.scopes, userId: grant.userId }, refreshToken);
  }

  /** Revokes a refresh token and every access token minted from it; true when it existed. */
  revoke(refreshToken: string): boolean {
    if (!this.#refresh.delete(refreshToken)) return false;
    for (const session of this.#sessions.values()) if (session.refreshToken === refreshToken) this.#revoked.add(session.token);
    return true;
  }

  /** Expires an access token at once (as if its hour were up). */
  expire(token: string): void {
    if (this.#sessions.has(token)) this.#revoked.add(token);
  }

  session(token: string): ZohoSession | undefined {
    return this.#sessions.get(token);
  }

  status(token: string): ZohoTokenStatus {
    const session = this.#sessions.get(token);
    if (session === undefined) return 'unknown';
    if (this.#revoked.has(token) || session.expiresAt <= this.#now()) return 'expired';
    const limit = this.#knobs().tokenExpiresAfterCalls;
    if (limit !== null && (this.#calls.get(token) ?? 0) >= limit) return 'expired';
    return 'valid';
  }

  /** Counts one call made with a valid token. */
  use(token: string): void {
    this.#calls.set(token, (this.#calls.get(token) ?? 0) + 1);
  }
}
