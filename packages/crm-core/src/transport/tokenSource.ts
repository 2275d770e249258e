import { type CrmError, toCrmError } from '../crmError';

/**
 * Where a transport gets its access token. Tokens live in memory only and never appear in
 * error messages or logs.
 */
export interface TokenSource {
  /** The access token to send now (obtained first if the source holds none yet). */
  current(): Promise<string>;
  /**
   * A fresh access token. `rejected` is the token the CRM just refused: when the source already
   * holds a different one (another request refreshed meanwhile) that one is returned and no new
   * grant is made. Concurrent calls share one grant (single flight).
   */
  refresh(rejected?: string): Promise<string>;
}

/** What a grant hands back. A `refreshToken` present means the CRM rotated it. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken?: string | undefined;
}

export interface TokenSourceOptions {
  readonly accessToken?: string;
  readonly refreshToken?: string;
  /**
   * Obtains new tokens, given the refresh token held now (`undefined` for grants that need none,
   * such as a JWT bearer assertion). Never called twice at once.
   */
  readonly grant: (refreshToken: string | undefined) => Promise<IssuedTokens>;
  /**
   * Told of a rotated refresh token (the old one is now invalid), so a host that keeps refresh
   * tokens server-side can store it. Awaited before any other refresh may start.
   */
  readonly onRefreshTokenRotated?: (refreshToken: string) => void | Promise<void>;
}

/**
 * A TokenSource with single-flight refresh and serialised refresh-token rotation: one grant at a
 * time, and a rotated refresh token replaces the old one before the grant's promise settles, so
 * the next grant always uses the newest. A grant refused as AUTH_INVALID (revoked or expired
 * refresh token) is remembered: later refreshes fail the same way without asking the CRM again —
 * a person has to sign in, and a new source is made for the new session.
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  let accessToken = options.accessToken;
  let refreshToken = options.refreshToken;
  let inFlight: Promise<string> | undefined;
  let refused: CrmError | undefined;

  async function runGrant(): Promise<string> {
    if (refused !== undefined) throw refused;
    try {
      const issued = await options.grant(refreshToken);
      accessToken = issued.accessToken;
      const rotated = issued.refreshToken;
      if (rotated !== undefined && rotated !== refreshToken) {
        refreshToken = rotated;
        await options.onRefreshTokenRotated?.(rotated);
      }
      return issued.accessToken;
    } catch (error) {
      const crmError = toCrmError(error);
      if (crmError.code === 'AUTH_INVALID') refused = crmError;
      throw crmError;
    }
  }

  function refresh(rejected?: string): Promise<string> {
    if (inFlight !== undefined) return inFlight;
    if (rejected !== undefined && accessToken !== undefined && accessToken !== rejected) {
      return Promise.resolve(accessToken);
    }
    const flight = runGrant().finally(() => {
      inFlight = undefined;
    });
    inFlight = flight;
    return flight;
  }

  return {
    current: () => (accessToken === undefined ? refresh() : Promise.resolve(accessToken)),
    refresh,
  };
}
