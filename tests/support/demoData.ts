import { createSalesforceOrg, type SalesforceOrg } from '@kizuna/crm-sim';
import type { CanonicalDataset, Feedback } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import type { Page } from 'playwright-core';
import { demoAsOf, demoConfig } from '../../apps/demo/src/demoConfig';

export interface DemoData {
  /** The demo's "now" today; pages under test run with their clock fixed at it. */
  readonly asOf: string;
  readonly dataset: CanonicalDataset;
  /** The org as the demo seeds it: canonical ids → Salesforce ids. */
  readonly org: SalesforceOrg;
}

/** Exactly the organisation the demo generates today. */
export function demoData(): DemoData {
  const asOf = demoAsOf();
  const dataset = generateOrganisation({ seed: demoConfig.seed, accounts: demoConfig.accounts, asOf });
  return { asOf, dataset, org: createSalesforceOrg(dataset) };
}

/** Pins the page's clock to the demo's "now", so the embeds (which read `new Date()`) see the same windows as the test. */
export async function pinClock(page: Page, asOf: string): Promise<void> {
  await page.clock.setFixedTime(new Date(asOf));
}

/** NPS answers of an account in the 365 days up to `asOf`, computed here without the metrics package. */
export function npsAnswersOf(data: DemoData, accountId: string): Feedback[] {
  const end = Date.parse(data.asOf);
  const start = end - 365 * 86_400_000;
  return data.dataset.feedback.filter((answer) => {
    const at = Date.parse(answer.respondedAt);
    return answer.kind === 'nps' && answer.accountId === accountId && at > start && at <= end;
  });
}

export function expectedNps(answers: readonly Feedback[]): { text: string; n: number } {
  const promoters = answers.filter((answer) => answer.score >= 9).length;
  const detractors = answers.filter((answer) => answer.score <= 6).length;
  const nps = ((promoters - detractors) / answers.length) * 100;
  return { text: new Intl.NumberFormat('en', { signDisplay: 'exceptZero' }).format(Math.round(nps)), n: answers.length };
}

/** The account with the most NPS answers in the window (ties by id), and its Salesforce id. */
export function busiestAccount(data: DemoData) {
  const ranked = data.dataset.accounts
    .map((account) => ({ account, answers: npsAnswersOf(data, account.id) }))
    .filter((entry) => entry.answers.length > 0)
    .sort((a, b) => b.answers.length - a.answers.length || a.account.id.localeCompare(b.account.id));
  const busiest = ranked[0];
  if (busiest === undefined) throw new Error('The demo data has no NPS answers.');
  return { ...busiest, salesforceId: data.org.salesforceIdOf('account', busiest.account.id) };
}
