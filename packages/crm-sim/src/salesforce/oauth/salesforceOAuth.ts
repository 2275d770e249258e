import { createIdSequence } from '../salesforceId';
import type { SalesforceSessions } from '../salesforceSessions';
import { randomToken } from './base64url';

/** What a test registers before a web-server (authorization code) flow completes. */
export interface AuthorizationCodeOptions {
  readonly clientId: string;
  readonly redirectUri: string;
  /** PKCE: base64url(SHA-256(code_verifier)). The token request must then send the matching `code_verifier`. */
  readonly codeChallenge?: string;
  /** The approving user; default `defaultSalesforceUsername` (added as a user if new). */
  readonly username?: string;
  /** Space-separated; default `api refresh_token`. A refresh token is issued when it has `refresh_token` or `offline_access`. */
  readonly scope?: string;
}

/** A connected app allowed to use the JWT bearer flow: its consumer key and certificate's public key. */
export interface JwtClientOptions {
  readonly clientId: string;
  /** The RS256 public key, as a JWK (`crypto.subtle.exportKey('jwk', publicKey)`). */
  readonly publicKeyJwk: JsonWebKey;
  /** Default `api`. */
  readonly scope?: string;
}

/** Who a token was issued to and with which scope. */
export interface OAuthGrant {
  readonly clientId: string;
  readonly username: string;
  readonly userId: string;
  readonly scope: string;
}

export interface AuthorizationCode {
  readonly grant: OAuthGrant;
  readonly redirectUri: string;
  readonly codeChallenge: string | null;
}

interface StoredCode extends AuthorizationCode {
  readonly expiresAt: number;
}

export const defaultSalesforceUsername = 'integration@kizuna-sim.example';

/**
 * A user's settings as the UserInfo endpoint reports them: `locale` and `language` are
 * Salesforce locale keys (`en_US`, `ja_JP`, `ja`), `timeZone` an IANA zone (`zoneinfo`).
 */
export interface SalesforceUserProfile {
  readonly name: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly locale: string;
  readonly language: string;
  readonly timeZone: string;
  /** `user_type`: `STANDARD` for a full Salesforce licence. */
  readonly userType: string;
}

function defaultProfile(username: string): SalesforceUserProfile {
  return {
    name: 'Kizuna Integration',
    givenName: 'Kizuna',
    familyName: 'Integration',
    email: username,
    locale: 'en_US',
    language: 'en_US',
    timeZone: 'America/Los_Angeles',
    userType: 'STANDARD',
  };
}
/** Salesforce authorization codes are valid for 15 minutes. */
const codeLifetimeMs = 15 * 60 * 1000;

/**
 * The org's OAuth state: users, connected apps, authorization codes and refresh tokens. Access
 * tokens it hands out go into the org's sessions, so they work on the REST handlers.
 */
export class SalesforceOAuth {
  /** The org's 18-char id (`00D…`), as in identity URLs and access-token prefixes. */
  readonly orgId = createIdSequence('00D')();
  readonly #nextUserId = createIdSequence('005');
  readonly #users = new Map<string, string>();
  readonly #profiles = new Map<string, SalesforceUserProfile>();
  readonly #clients = new Set<string>();
  readonly #jwtClients = new Map<string, JwtClientOptions>();
  readonly #codes = new Map<string, StoredCode>();
  readonly #refreshTokens = new Map<string, OAuthGrant>();

  constructor(
    readonly sessions: SalesforceSessions,
    readonly now: () => number,
  ) {
    this.addUser(defaultSalesforceUsername);
  }

  /**
   * Adds a user (the JWT bearer flow's `sub` must name one) and returns its `005…` id; `profile`
   * sets (or, for a known user, changes) what UserInfo reports about them.
   */
  addUser(username: string, profile: Partial<SalesforceUserProfile> = {}): string {
    const known = this.#profiles.get(username) ?? defaultProfile(username);
    this.#profiles.set(username, { ...known, ...profile });
    const existing = this.#users.get(username);
    if (existing !== undefined) return existing;
    const id = this.#nextUserId();
    this.#users.set(username, id);
    return id;
  }

  /** A user's id and profile; undefined for a username the org does not have. */
  user(username: string): { readonly userId: string; readonly profile: SalesforceUserProfile } | undefined {
    const userId = this.#users.get(username);
    const profile = this.#profiles.get(username);
    return userId === undefined || profile === undefined ? undefined : { userId, profile };
  }

  userId(username: string): string | undefined {
    return this.#users.get(username);
  }

  /** What the authorize endpoint would redirect back with: a single-use code, valid 15 minutes. */
  issueAuthorizationCode(options: AuthorizationCodeOptions): string {
    const username = options.username ?? defaultSalesforceUsername;
    this.#clients.add(options.clientId);
    const grant = { clientId: options.clientId, username, userId: this.addUser(username), scope: options.scope ?? 'api refresh_token' };
    const code = `aPrx${randomToken(60)}`;
    this.#codes.set(code, {
      grant,
      redirectUri: options.redirectUri,
      codeChallenge: options.codeChallenge ?? null,
      expiresAt: this.now() + codeLifetimeMs,
    });
    return code;
  }

  registerJwtClient(options: JwtClientOptions): void {
    this.#clients.add(options.clientId);
    this.#jwtClients.set(options.clientId, options);
  }

  jwtClient(clientId: string): JwtClientOptions | undefined {
    return this.#jwtClients.get(clientId);
  }

  knowsClient(clientId: string): boolean {
    return this.#clients.has(clientId);
  }

  /** Redeems a code: it is gone afterwards, whatever the outcome. Expired or unknown → undefined. */
  takeCode(code: string): AuthorizationCode | undefined {
    const stored = this.#codes.get(code);
    this.#codes.delete(code);
    return stored === undefined || stored.expiresAt <= this.now() ? undefined : stored;
  }

  /** A new access token (`00D…!AQ…`) of `username`, valid on the REST handlers. */
  issueAccessToken(username?: string): string {
    return this.sessions.issue(`${this.orgId.slice(0, 15)}!AQ${randomToken(96)}`, username);
  }

  issueRefreshToken(grant: OAuthGrant): string {
    const token = `5Aep${randomToken(80)}`;
    this.#refreshTokens.set(token, grant);
    return token;
  }

  /**
   * Uses a refresh token of `clientId`. With rotation the token is spent and a new one comes
   * back (`rotated`); a spent, revoked or unknown token gives undefined.
   */
  redeemRefreshToken(token: string, clientId: string, rotate: boolean): { readonly grant: OAuthGrant; readonly rotated: string | null } | undefined {
    const grant = this.#refreshTokens.get(token);
    if (grant === undefined || grant.clientId !== clientId) return undefined;
    if (!rotate) return { grant, rotated: null };
    this.#refreshTokens.delete(token);
    return { grant, rotated: this.issueRefreshToken(grant) };
  }

  /** What `/services/oauth2/revoke` (or an admin) does: the token stops working. */
  revokeRefreshToken(token: string): void {
    this.#refreshTokens.delete(token);
  }
}
