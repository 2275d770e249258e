// Stand-in for `@salesforce/i18n/timeZone`: the simulated user's time zone.
import { demoConfig } from '../../demoConfig';

// eslint-disable-next-line no-restricted-syntax -- Lightning's i18n modules export the value as default
export default demoConfig.salesforceUser.timeZone;
