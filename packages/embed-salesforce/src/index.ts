// @kizuna/embed-salesforce: what the static-resource bundle runs, and the build that makes it.
export { mountDashboard, EMBED_ERROR_EVENT } from './bundle/mountDashboard';
export type { KizunaMountHandle, MountOptions } from './bundle/mountDashboard';
export { installKizunaEmbed } from './bundle/installKizunaEmbed';
export type { KizunaEmbedApi } from './bundle/installKizunaEmbed';
export { dashboardPropsOf } from './bundle/dashboardPropsOf';
export type { HostDashboardProps } from './bundle/dashboardPropsOf';
export { hostSettingsSchema } from './bundle/hostSettings';
export type { HostSettings } from './bundle/hostSettings';
export { asOfForPeriod, dashboardPeriods } from './bundle/periodAsOf';
export type { DashboardPeriod } from './bundle/periodAsOf';
export { lwcGatewayOf, lwcGatewaySchema } from './bundle/lwcGateway';
export { lwcAccountOpenerOf, lwcNavigationSchema } from './bundle/lwcNavigation';
export type { AccountOpener } from './bundle/lwcNavigation';
export { salesforceIdSchema } from './bundle/salesforceId';
export { KizunaEmbedError, embedErrorCodes } from './bundle/embedError';
export type { EmbedErrorCode } from './bundle/embedError';
export { apexAllowlistClass } from './apex/apexAllowlist';
