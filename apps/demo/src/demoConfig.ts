/**
 * The demo organisation. Tests import these to regenerate exactly the data the demo shows.
 */
export const demoConfig = {
  seed: 20_261_001,
  accounts: 200,
  /** The demo's "now": the generated data ends here, and trailing windows end here. */
  asOf: '2026-10-01T00:00:00.000Z',
  /** A fictional My Domain host; the service worker answers for it, nothing leaves the browser. */
  salesforceInstanceUrl: 'https://kizuna-demo.my.salesforce.com',
  salesforceAccessToken: 'demo-access-token',
} as const;
