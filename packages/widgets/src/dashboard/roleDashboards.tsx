import type { ComponentType } from 'react';
import type { AccountManagerDashboardProps } from '../account/AccountManagerDashboard';
import type { BusinessUnitDashboardProps } from '../business/BusinessUnitDashboard';
import { loadMessages, messagesArrived } from '../i18n/catalogue';
import type { Locale, MessageArea } from '../i18n/messages';
import type { DashboardRole } from './dashboardProps';

/** What a leader role's dashboard receives from the root (data source, language, theme come by context). */
export type RoleDashboardProps = BusinessUnitDashboardProps;

/** A role's dashboard component, once its code has arrived. */
export type LoadedRoleDashboard =
  | { readonly role: 'account-manager'; readonly Component: ComponentType<AccountManagerDashboardProps> }
  | { readonly role: 'bu-leader' | 'cx-leader'; readonly Component: ComponentType<RoleDashboardProps> };

/** The messages each role's dashboard needs besides the shared ones (`common`). */
export const roleMessageArea: { readonly [TRole in DashboardRole]: MessageArea } = {
  'account-manager': 'account',
  'bu-leader': 'leaders',
  'cx-leader': 'leaders',
};

/**
 * Each role's dashboard, loaded when first shown: a host that bundles with code splitting ships
 * the code of the role it shows and nothing else (the account page never downloads the leaders'
 * analyses). Only types are imported statically here.
 */
function importRoleDashboard(role: DashboardRole): Promise<LoadedRoleDashboard> {
  switch (role) {
    case 'account-manager':
      return import('../account/index').then((module) => ({ role, Component: module.AccountManagerDashboard }));
    case 'bu-leader':
      return import('../business/index').then((module) => ({ role, Component: module.BusinessUnitDashboard }));
    case 'cx-leader':
      return import('../cxLeader/index').then((module) => ({ role, Component: module.CxLeaderDashboard }));
  }
}

/** Dashboards whose code has arrived; a failed import is not kept, so the next ask tries again. */
const arrived = new Map<DashboardRole, LoadedRoleDashboard>();

/** What `Dashboard` can render: the role's dashboard, or none (a state that needs only the shared words). */
export interface DashboardCode {
  readonly dashboard: LoadedRoleDashboard | undefined;
}

/**
 * Loads what `Dashboard` needs to render `role` in `locale`, all at once: the shared words, and for
 * a role, its code and its words (a user downloads one language of one role). `role` undefined asks
 * for the shared words only.
 */
export async function loadDashboardCode(role: DashboardRole | undefined, locale: Locale): Promise<DashboardCode> {
  const words = [loadMessages(locale, 'common'), ...(role === undefined ? [] : [loadMessages(locale, roleMessageArea[role])])];
  const code = role === undefined ? undefined : (arrived.get(role) ?? importRoleDashboard(role));
  const [dashboard] = await Promise.all([code, ...words]);
  if (dashboard !== undefined) arrived.set(dashboard.role, dashboard);
  return { dashboard };
}

/**
 * The same, when everything has arrived already (a dashboard shown before, another mount, tests that
 * preload): rendered in the first pass, with no loading state in between. `undefined` otherwise.
 */
export function arrivedDashboardCode(role: DashboardRole | undefined, locale: Locale): DashboardCode | undefined {
  if (!messagesArrived(locale, 'common')) return undefined;
  if (role === undefined) return { dashboard: undefined };
  const dashboard = arrived.get(role);
  return dashboard !== undefined && messagesArrived(locale, roleMessageArea[role]) ? { dashboard } : undefined;
}
