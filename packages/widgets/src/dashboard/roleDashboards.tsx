import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { AccountManagerDashboardProps } from '../account/AccountManagerDashboard';
import type { BusinessUnitDashboardProps } from '../business/BusinessUnitDashboard';
import type { DashboardRole } from './dashboardProps';

/** What a leader role's dashboard receives from the root (data source, language, theme come by context). */
export type RoleDashboardProps = BusinessUnitDashboardProps;

/** Props of each role's dashboard. */
export interface RoleDashboardPropsByRole {
  readonly 'account-manager': AccountManagerDashboardProps;
  readonly 'bu-leader': RoleDashboardProps;
  readonly 'cx-leader': RoleDashboardProps;
}

/**
 * Each role's dashboard, loaded when first shown: a host that bundles with code splitting ships
 * the code of the role it shows and nothing else (the account page never downloads the leaders'
 * analyses). Only types are imported statically here.
 */
const loaders: { readonly [TRole in DashboardRole]: () => Promise<{ default: ComponentType<RoleDashboardPropsByRole[TRole]> }> } = {
  'account-manager': () => import('../account/index').then((module) => ({ default: module.AccountManagerDashboard })),
  'bu-leader': () => import('../business/index').then((module) => ({ default: module.BusinessUnitDashboard })),
  'cx-leader': () => import('../cxLeader/index').then((module) => ({ default: module.CxLeaderDashboard })),
};

/**
 * A lazily loaded dashboard for `role`. Each call makes a new component, so a load that failed
 * (a chunk the network dropped) is tried afresh by the next call; `React.lazy` caches the rest.
 */
export function lazyRoleDashboard<TRole extends DashboardRole>(role: TRole): LazyExoticComponent<ComponentType<RoleDashboardPropsByRole[TRole]>> {
  return lazy(loaders[role]);
}
