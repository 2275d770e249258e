export { startZohoWidget } from './widget/startZohoWidget';
export type { WidgetOutcome, ZohoWidget, ZohoWidgetOptions } from './widget/startZohoWidget';
export { planFor, widgetSettings, ACCOUNT_LOOKUP_MODULES, ACCOUNT_LOOKUP_FIELD } from './widget/widgetSettings';
export type { WidgetPlacement, WidgetPlan } from './widget/widgetSettings';
export { accountOfRecord, AccountLookupError } from './widget/accountOfRecord';
export { openAccountRecord, OpenAccountError } from './widget/openAccountRecord';
export type { OpenAccountFailure, ZohoSdkRecordUi, ZohoWidgetSdk, ZohoWidgetUi } from './widget/openAccountRecord';
export { autoResize, MIN_WIDGET_HEIGHT } from './widget/autoResize';
export type { AutoResize, AutoResizeOptions } from './widget/autoResize';
