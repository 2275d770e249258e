import { demoConfig } from '../../demoConfig';
import { parseRoute } from '../../routes';

/**
 * The locale Lightning gives the component (`@salesforce/i18n/locale`): the simulated user's
 * (`en_US` → `en-US`), or the page's `?lang=` when it says, as if the user had changed theirs.
 */
export function userLocale(location: { readonly pathname: string; readonly search: string }): string {
  const { locale } = parseRoute(location.pathname, location.search);
  if (locale === 'ja') return 'ja-JP';
  if (locale === 'en') return 'en-US';
  return demoConfig.salesforceUser.locale.replace('_', '-');
}
