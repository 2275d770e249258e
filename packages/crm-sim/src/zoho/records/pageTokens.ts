import { invalidData, ZohoApiError } from '../zohoApiError';

interface PageTokenEntry {
  readonly userId: string;
  readonly boundTo: string;
  readonly offset: number;
  readonly expiresAt: number;
}

/** What a page token resolves to. */
export interface PageTokenPosition {
  readonly offset: number;
  readonly expiresAt: number;
}

/**
 * Records-API page tokens (`info.next_page_token`): user-specific, bound to the other query
 * parameters, valid 24 h (reference §A "Request"; v7/v8 get-records). Opaque to clients.
 */
export class ZohoPageTokens {
  readonly #tokens = new Map<string, PageTokenEntry>();
  #serial = 0;

  issue(userId: string, boundTo: string, offset: number, expiresAt: number): string {
    this.#serial += 1;
    const token = `${(this.#serial * 2654435761).toString(16).slice(-8)}${this.#serial.toString(16).padStart(4, '0')}`;
    this.#tokens.set(token, { userId, boundTo, offset, expiresAt });
    return token;
  }

  /**
   * The position of `token` for this user and these parameters, or the documented error:
   * unknown or another user's → INVALID_DATA, expired → EXPIRED_VALUE, other parameters →
   * TOKEN_BOUND_DATA_MISMATCH.
   */
  resolve(token: string, userId: string, boundTo: string, now: number): PageTokenPosition {
    const entry = this.#tokens.get(token);
    if (entry === undefined || entry.userId !== userId) throw invalidData('invalid data', { param_name: 'page_token' });
    if (entry.expiresAt <= now) throw new ZohoApiError(400, 'EXPIRED_VALUE', 'Page token expired', { api_name: 'page_token', json_path: '$.query.page_token' });
    if (entry.boundTo !== boundTo) {
      throw new ZohoApiError(400, 'TOKEN_BOUND_DATA_MISMATCH', 'The page_token given seems to be invalid or input param is added or altered or deleted', {
        param_name: 'page_token',
      });
    }
    return { offset: entry.offset, expiresAt: entry.expiresAt };
  }

  /** Expires every token issued so far (as if a day had passed). */
  expireAll(): void {
    for (const [token, entry] of this.#tokens) this.#tokens.set(token, { ...entry, expiresAt: Number.NEGATIVE_INFINITY });
  }
}
