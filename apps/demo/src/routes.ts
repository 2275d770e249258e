import { z } from 'zod';

/**
 * The demo's stable routes; tests and people open them directly:
 * `/` (the demo accounts), `/salesforce/account/:id`, `/salesforce/home`, `/zoho/account/:id`,
 * `/zoho/home` and `/web/account/:id`, `/web/home` (a plain page hosting the custom element), each taking
 * `?role=account-manager|bu-leader|cx-leader&lang=ja|en&theme=light|dark`.
 */
export const demoRoles = ['account-manager', 'bu-leader', 'cx-leader'] as const;
export type DemoRole = (typeof demoRoles)[number];
export const demoHosts = ['salesforce', 'zoho', 'web'] as const;
export type DemoHost = (typeof demoHosts)[number];
export type DemoLocale = 'en' | 'ja';
export type DemoScheme = 'light' | 'dark';

export type Route =
  | { readonly page: 'accounts' }
  | { readonly page: 'account'; readonly host: DemoHost; readonly accountId: string }
  | { readonly page: 'home'; readonly host: DemoHost }
  | { readonly page: 'not-found'; readonly path: string };

export interface RouteState {
  readonly route: Route;
  /** Absent when the URL does not say: the CRM user's own locale decides. */
  readonly locale: DemoLocale | undefined;
  readonly role: DemoRole;
  readonly scheme: DemoScheme;
}

/** Record ids each host uses: Salesforce 15/18 characters, Zoho 19-digit numbers. */
const accountIdPatterns: Record<DemoHost, RegExp> = {
  salesforce: /^[A-Za-z0-9]{15}$|^[A-Za-z0-9]{18}$/,
  zoho: /^\d{19}$/,
  web: /^[A-Za-z0-9]{15}$|^[A-Za-z0-9]{18}$|^\d{19}$/,
};

const searchSchema = z.object({
  role: z.enum(demoRoles).optional().catch(undefined),
  lang: z.enum(['en', 'ja']).optional().catch(undefined),
  theme: z.enum(['light', 'dark']).optional().catch(undefined),
});

export function parseRoute(pathname: string, search: string): RouteState {
  const params = new URLSearchParams(search);
  const query = searchSchema.parse({
    role: params.get('role') ?? undefined,
    lang: params.get('lang') ?? undefined,
    theme: params.get('theme') ?? undefined,
  });
  const route = routeOf(pathname.replace(/\/+$/, '') || '/');
  const defaultRole: DemoRole = route.page === 'home' ? 'bu-leader' : 'account-manager';
  return { route, locale: query.lang, role: query.role ?? defaultRole, scheme: query.theme ?? 'light' };
}

function routeOf(path: string): Route {
  if (path === '/') return { page: 'accounts' };
  const match = /^\/(salesforce|zoho|web)\/(home|account\/([^/]+))$/.exec(path);
  const host = demoHosts.find((candidate) => candidate === match?.[1]);
  if (match === null || host === undefined) return { page: 'not-found', path };
  if (match[2] === 'home') return { page: 'home', host };
  const accountId = match[3];
  if (accountId === undefined || !accountIdPatterns[host].test(accountId)) return { page: 'not-found', path };
  return { page: 'account', host, accountId };
}

/** Query parameters that differ from the defaults, so links stay short and stable. */
function searchOf(options: { locale?: DemoLocale | undefined; role?: DemoRole | undefined; scheme?: DemoScheme | undefined }): string {
  const params = new URLSearchParams();
  if (options.role !== undefined) params.set('role', options.role);
  if (options.locale !== undefined) params.set('lang', options.locale);
  if (options.scheme !== undefined && options.scheme !== 'light') params.set('theme', options.scheme);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function accountPath(host: DemoHost, accountId: string, options: Parameters<typeof searchOf>[0] = {}): string {
  return `/${host}/account/${encodeURIComponent(accountId)}${searchOf(options)}`;
}

/**
 * The record page a dashboard opens for an account (from a leader's drill-down): that account on
 * the same host, in the account manager's view, in the page's language and theme. `undefined`
 * when the id is not a record id of that host: nothing else is ever navigated to.
 */
export function openedAccountPath(host: DemoHost, accountId: string, from: { readonly pathname: string; readonly search: string }): string | undefined {
  if (!accountIdPatterns[host].test(accountId)) return undefined;
  const { locale, scheme } = parseRoute(from.pathname, from.search);
  return accountPath(host, accountId, { role: 'account-manager', locale, scheme });
}

export function homePath(host: DemoHost, options: Parameters<typeof searchOf>[0] = {}): string {
  return `/${host}/home${searchOf(options)}`;
}

/** The same page with other switches (role, language, theme): what the shell's switchers link to. */
export function pathOf(route: Route, options: Parameters<typeof searchOf>[0]): string {
  if (route.page === 'account') return accountPath(route.host, route.accountId, options);
  if (route.page === 'home') return homePath(route.host, options);
  if (route.page === 'accounts') return `/${searchOf(options)}`;
  return route.path;
}
