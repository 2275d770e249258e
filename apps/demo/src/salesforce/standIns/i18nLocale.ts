// Stand-in for `@salesforce/i18n/locale`: a value fixed when the page loads, as in Lightning.
import { userLocale } from './userLocale';

// eslint-disable-next-line no-restricted-syntax -- Lightning's i18n modules export the value as default
export default userLocale(window.location);
