export { AccountManagerDashboard } from './AccountManagerDashboard';
export type { AccountManagerDashboardProps } from './AccountManagerDashboard';
