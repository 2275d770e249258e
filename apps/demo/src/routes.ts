import type { Locale } from '@kizuna/widgets';

/** The demo's stable routes; tests and people open them directly. */
export type Route =
  | { readonly page: 'accounts' }
  | { readonly page: 'salesforce-account'; readonly accountId: string }
  | { readonly page: 'not-found'; readonly path: string };

export interface RouteState {
  readonly route: Route;
  readonly locale: Locale;
}

export function parseRoute(pathname: string, search: string): RouteState {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  const locale: Locale = lang === 'ja' ? 'ja' : 'en';
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { route: { page: 'accounts' }, locale };
  const account = /^\/salesforce\/account\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})$/.exec(path);
  if (account?.[1] !== undefined) return { route: { page: 'salesforce-account', accountId: account[1] }, locale };
  return { route: { page: 'not-found', path }, locale };
}

export function accountPath(accountId: string, locale: Locale): string {
  return `/salesforce/account/${encodeURIComponent(accountId)}${locale === 'en' ? '' : `?lang=${locale}`}`;
}
