/**
 * Where the demo serves the Zoho CRM widget, shared by the dev server (Node) and the pages.
 * `appPath` holds what `pnpm build:zoho` lays out in `dist/kizuna_zoho/app/` (as Zoho serves an
 * Internal widget's zip); `standInSdkPath` is the script `widget.html` is served with in place of
 * Zoho's CDN SDK (`zohoSdkCdnUrl`), which the demo's `script-src 'self'` would refuse and which is
 * not to be reached anyway.
 */
export const zohoWidgetPaths = {
  appPath: '/zoho-widget/app/',
  page: 'widget.html',
  standInSdkPath: '/zoho-widget/js-sdk/ZohoEmbededAppSDK.js',
  zohoSdkCdnUrl: 'https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js',
} as const;
