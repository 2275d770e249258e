/**
 * The demo organisation. Tests import these to regenerate exactly the data the demo shows.
 */
export const demoConfig = {
  seed: 20_261_001,
  /**
   * The smallest organisation at this seed in which the business-unit dashboard finds the planted
   * weak business unit as a real (false-discovery-controlled) weakness for every "now" from
   * 2026-10-01 to 2027-09-15 (checked twice a month): at 676 accounts some dates show none. About
   * 6,400 answers and 7,700 touchpoints, generated in the page in a second or two.
   */
  accounts: 677,
  /** A fictional My Domain host; the service worker answers for it, nothing leaves the browser. */
  salesforceInstanceUrl: 'https://kizuna-demo.my.salesforce.com',
  salesforceAccessToken: 'demo-access-token',
  /**
   * Where the Salesforce pages' `@salesforce/apex/KizunaGateway.*` stand-ins send their calls (on
   * the simulated instance): the service worker answers them by running the reference gateway
   * over the simulated org, as the deployed Apex class would run over the real one.
   */
  apexGatewayPath: '/kizuna-demo/apex/KizunaGateway',
  /** The simulated Salesforce user the pages run as (Apex `UserInfo`, `@salesforce/i18n/*`). */
  salesforceUser: {
    id: '0055g00000KzDemoAAB',
    name: 'Aiko Tanaka',
    email: 'aiko.tanaka@kizuna-demo.example',
    locale: 'en_US',
    language: 'en_US',
    timeZone: 'Asia/Tokyo',
  },
  /**
   * The simulated Zoho CRM org (US data centre, generated from the same organisation): its REST API
   * answers on this `api_domain` (reference zoho.md, "Accounts servers and API domains"). The Zoho
   * widget's stand-in SDK calls it with this token, standing for the signed-in user's session.
   */
  zohoApiDomain: 'https://www.zohoapis.com',
  /** The locale of the simulated Zoho CRM users: the Zoho pages default to it, as the widget does. */
  zohoUserLocale: 'ja_JP',
  zohoAccessToken: 'demo-zoho-access-token',
  /** Every origin the demo's pages may call (all answered by the simulators in the service worker). */
  crmOrigins: ['https://kizuna-demo.my.salesforce.com', 'https://www.zohoapis.com'],
} as const;

/**
 * The demo's "now": the start of the current day (UTC). The generated organisation ends here, so
 * the embeds, which take their own clock (`new Date()`), always look at recent data.
 */
export function demoAsOf(now: Date = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}
