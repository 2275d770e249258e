// The stand-in SDK's script (served in place of Zoho's CDN SDK, see zohoWidgetPaths.ts): a
// classic script that defines `ZOHO` before the widget's bundle runs, as the real SDK does.
import '../../zodJitless';
import { demoConfig } from '../../demoConfig';
import { createHostChannel } from './hostChannel';
import { createStandInZoho } from './standInZoho';

globalThis.ZOHO = createStandInZoho({
  rest: { apiDomain: demoConfig.zohoApiDomain, accessToken: demoConfig.zohoAccessToken },
  host: createHostChannel(window),
});
