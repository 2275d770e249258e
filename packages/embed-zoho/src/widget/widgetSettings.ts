import type { PageContext } from '@kizuna/crm-zoho';
import { dashboardRoles, dashboardSettingsSchema, type DashboardRole, type DashboardSettings, type Locale } from '@kizuna/widgets';

/**
 * Modules whose records point at an account through the standard `Account_Name` lookup
 * (reference: Zoho CRM field API names of Contacts, Deals, Cases): on their pages the widget
 * shows the dashboard of that account.
 */
export const ACCOUNT_LOOKUP_MODULES = ['Contacts', 'Deals', 'Cases'] as const;
export const ACCOUNT_LOOKUP_FIELD = 'Account_Name';

export interface WidgetPlacement {
  /** The API name of the accounts module (renamed modules keep `Accounts`). */
  readonly accountsModule: string;
  /** The role asked for in the widget's URL (`widget.html?role=cx-leader`), for pages without a record. */
  readonly roleHint: string | null;
}

/** What the widget should do on the page it was loaded in. */
export type WidgetPlan =
  | { readonly kind: 'account'; readonly accountId: string; readonly selected: number }
  | { readonly kind: 'lookup-account'; readonly entity: string; readonly recordId: string }
  | { readonly kind: 'portfolio'; readonly role: Exclude<DashboardRole, 'account-manager'> }
  | { readonly kind: 'unsupported'; readonly entity: string };

function portfolioRole(hint: string | null): Exclude<DashboardRole, 'account-manager'> {
  const role = dashboardRoles.find((candidate) => candidate === hint);
  return role === undefined || role === 'account-manager' ? 'bu-leader' : role;
}

/**
 * Where the widget sits decides the dashboard. On an account (record page, related list, detail
 * button: one id; list-view button: several, the first is shown) — that account's dashboard. On
 * a contact, deal or case — the dashboard of its account, once looked up. Without a record (web
 * tab, home page) — the portfolio dashboard of the role in the URL, the business-unit leader's by
 * default. Other modules have no account to show.
 */
export function planFor(page: PageContext, placement: WidgetPlacement): WidgetPlan {
  const [first] = page.entityIds;
  if (page.entity === undefined || first === undefined) return { kind: 'portfolio', role: portfolioRole(placement.roleHint) };
  if (page.entity === placement.accountsModule) return { kind: 'account', accountId: first, selected: page.entityIds.length };
  if ((ACCOUNT_LOOKUP_MODULES as readonly string[]).includes(page.entity)) return { kind: 'lookup-account', entity: page.entity, recordId: first };
  return { kind: 'unsupported', entity: page.entity };
}

/** The dashboard settings for a plan resolved to a role (and account), in the user's language. */
export function widgetSettings(
  target: { readonly role: DashboardRole; readonly accountId?: string },
  context: { readonly locale: Locale; readonly asOf: string },
): DashboardSettings {
  return dashboardSettingsSchema.parse({
    role: target.role,
    ...(target.accountId === undefined ? {} : { accountId: target.accountId }),
    locale: context.locale,
    theme: 'zoho',
    colourScheme: 'light',
    asOf: context.asOf,
  });
}
