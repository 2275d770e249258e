export { defineKizunaDashboard, createKizunaDashboardElementClass, KIZUNA_DASHBOARD_TAG, OPEN_ACCOUNT_EVENT } from './element/kizunaDashboardElement';
export type { KizunaDashboardElement, KizunaDashboardElementOptions, KizunaErrorDetail, KizunaOpenAccountDetail } from './element/kizunaDashboardElement';
export { accountHrefSchema, accountUrl } from './element/accountHref';
export { elementAttributeNames, parseElementAttributes } from './element/elementSettings';
export type { ElementAttributes, ElementDefaults, ElementSettingsResult } from './element/elementSettings';
export { createDataSourceRegistry, defaultDataSourceRegistry, registerDataSourceFactory } from './dataSourceRegistry';
export type { DataSourceFactory, DataSourceRegistry } from './dataSourceRegistry';
export { withAcceptedActionListener } from './actionNotifications';
export type { AcceptedAction } from './actionNotifications';
export { createFrameHost } from './frame/frameHost';
export type { FrameHost, FrameHostOptions } from './frame/frameHost';
export { createFrameBridge } from './frame/frameBridge';
export type { FrameBridge, FrameBridgeOptions } from './frame/frameBridge';
export { startFramedDashboard } from './frame/startFramedDashboard';
export type { FramedDashboard, FramedDashboardOptions } from './frame/startFramedDashboard';
export { createOriginAllowlist, EmbedConfigError, originSchema } from './frame/originAllowlist';
export type { OriginAllowlist } from './frame/originAllowlist';
export type { Rejection, RejectionCounts, RejectionReason } from './frame/messageGate';
export {
  PROTOCOL,
  PROTOCOL_VERSION,
  MAX_FRAME_PIXELS,
  accountIdSchema,
  hostToFrameMessageSchema,
  frameToHostMessageSchema,
} from './frame/protocol';
export type { HostToFrameMessage, FrameToHostMessage } from './frame/protocol';
export { mountDashboard } from './mountDashboard';
export type { DashboardHost, DashboardMount } from './mountDashboard';
