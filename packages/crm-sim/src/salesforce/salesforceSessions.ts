export type SessionStatus = 'valid' | 'expired' | 'unknown';

/**
 * The org's access tokens. A token is valid once issued (or accepted) until it is expired by
 * hand or, when the `tokenExpiresAfterCalls` knob is set, after that many calls with it.
 */
export class SalesforceSessions {
  readonly #calls = new Map<string, number>();
  readonly #expired = new Set<string>();
  readonly #owners = new Map<string, string>();
  #issued = 0;

  /**
   * Accepts `token` (or a fresh one) as a valid access token of `username` and returns it.
   * Without a username the token belongs to the org's default (integration) user.
   */
  issue(token?: string, username?: string): string {
    this.#issued += 1;
    const value = token ?? `00D5g000000SimOrg!simulated-session-${this.#issued}`;
    this.#calls.set(value, 0);
    this.#expired.delete(value);
    if (username === undefined) this.#owners.delete(value);
    else this.#owners.set(value, username);
    return value;
  }

  /** The username a token was issued to, if one was named. */
  ownerOf(token: string): string | undefined {
    return this.#owners.get(token);
  }

  expire(token: string): void {
    if (this.#calls.has(token)) this.#expired.add(token);
  }

  status(token: string | null, expiresAfterCalls: number | null): SessionStatus {
    if (token === null) return 'unknown';
    const calls = this.#calls.get(token);
    if (calls === undefined) return 'unknown';
    if (this.#expired.has(token)) return 'expired';
    if (expiresAfterCalls !== null && calls >= expiresAfterCalls) {
      this.#expired.add(token);
      return 'expired';
    }
    return 'valid';
  }

  /** Counts one call made with a valid token. */
  use(token: string): void {
    this.#calls.set(token, (this.#calls.get(token) ?? 0) + 1);
  }
}
