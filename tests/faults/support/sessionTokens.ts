import { CrmError, type TokenSource } from '@kizuna/crm-core';

/**
 * A token source as a host holds one: the current access token, and a refresh that asks the CRM's
 * session store for a new one — or fails, as a revoked refresh token does, when `refreshFails` is set.
 */
export function sessionTokens(first: string, issue: () => string) {
  let token = first;
  const state = { refreshFails: false, refreshes: 0 };
  const source: TokenSource = {
    current: async () => token,
    refresh: async (rejected) => {
      state.refreshes += 1;
      if (state.refreshFails) throw new CrmError('AUTH_INVALID', 'The refresh token was revoked: sign in again.', { crmCode: 'invalid_grant', status: 400 });
      if (rejected !== undefined && rejected !== token) return token;
      token = issue();
      return token;
    },
  };
  return { source, state, reset: () => Object.assign(state, { refreshFails: false, refreshes: 0 }) };
}
