import { createSalesforceDataSource } from '@kizuna/crm-salesforce';
import { createSalesforceKnobs, createSalesforceOrg, salesforceHandlers, type SalesforceKnobs, type SalesforceOrg } from '@kizuna/crm-sim';
import { entityNames, type Account, type CanonicalDataset, type CxDataSource, type EntityName } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import type { CrmStoryParameters, StoryAccount, StoryCrm, StoryOrganisation } from '../../packages/widgets/src/testing/storyCrm';
import { delay, getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';

/**
 * The simulated CRM behind every story: a small generated organisation served as a Salesforce org
 * by crm-sim's MSW handlers, read by the real Salesforce adapter. A story declares what it needs as
 * `parameters.crm` (see `CrmStoryParameters`); this module turns that into the org, the conditions
 * on its answers, and the data source the story reads.
 */

/** The organisation's "now", and so every story's `asOf`. */
export const storyAsOf = '2026-10-01T00:00:00.000Z';
const instanceUrl = 'https://kizuna-stories.my.salesforce.com';
const accessToken = 'stories-access-token';
const seed = 20_261_001;

/** An account signed for next month: nothing recorded yet (the empty states). */
const newAccountId = 'acc-new';

function withNewAccount(dataset: CanonicalDataset): CanonicalDataset {
  const template = dataset.accounts[0];
  if (template === undefined) throw new Error('The generated organisation has no accounts.');
  const account: Account = { ...template, id: newAccountId, name: 'Aoba Logistics', arr: 3_600_000, customerSince: '2026-11-01' };
  return { ...dataset, accounts: [...dataset.accounts, account] };
}

function withoutFacts(dataset: CanonicalDataset): CanonicalDataset {
  return { ...dataset, touchpoints: [], feedback: [], supportCases: [], opportunities: [], employeePulses: [], actions: [] };
}

let organisations: Readonly<Record<StoryOrganisation, CanonicalDataset>> | undefined;

/** The organisations, generated once per run (48 accounts take a few tens of milliseconds). */
export function storyOrganisations(): Readonly<Record<StoryOrganisation, CanonicalDataset>> {
  if (organisations === undefined) {
    const generated = withNewAccount(generateOrganisation({ seed, accounts: 48, asOf: storyAsOf }));
    organisations = {
      generated,
      withoutFacts: withoutFacts(generated),
      fewAccounts: generateOrganisation({ seed, accounts: 6, asOf: storyAsOf }),
    };
  }
  return organisations;
}

const yearMs = 365 * 86_400_000;

/** The canonical id of the account a story asked for. */
export function storyAccountOf(dataset: CanonicalDataset, account: StoryAccount): string {
  if (account === 'new') return newAccountId;
  const counts = new Map<string, number>();
  for (const row of dataset.feedback) {
    const recent = row.kind === 'nps' && Date.parse(storyAsOf) - Date.parse(row.respondedAt) < yearMs;
    if (account === 'busiest' || recent) counts.set(row.accountId, (counts.get(row.accountId) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => (account === 'busiest' ? b[1] - a[1] : a[1] - b[1]) || a[0].localeCompare(b[0]));
  const chosen = ranked[0]?.[0] ?? dataset.accounts[0]?.id;
  if (chosen === undefined) throw new Error('The organisation has no accounts.');
  return chosen;
}

const parametersSchema = z.strictObject({
  account: z.enum(['busiest', 'fewAnswers', 'new']).optional(),
  organisation: z.enum(['generated', 'withoutFacts', 'fewAccounts']).optional(),
  answers: z.literal('never').optional(),
  allowanceSpent: z.literal(true).optional(),
  noAccessTo: z.array(z.enum(entityNames as [EntityName, ...EntityName[]])).optional(),
  malformedFeedback: z.number().int().positive().optional(),
  writes: z.literal('refused').optional(),
  pushdown: z.literal(false).optional(),
  readMinutesAgo: z.number().positive().optional(),
});

/** A story's `parameters.crm`, checked: a misspelt condition fails the story instead of being ignored. */
export function crmParametersOf(value: unknown): CrmStoryParameters | undefined {
  if (value === undefined) return undefined;
  const parsed = parametersSchema.safeParse(value);
  if (!parsed.success) throw new Error(`parameters.crm: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** Which Salesforce objects hold each part the org can refuse (docs/crm/salesforce-layout.md). */
const objectsOf: Readonly<Record<EntityName, readonly string[]>> = {
  businessUnit: [],
  productLine: [],
  segment: [],
  team: [],
  account: ['Account'],
  contact: ['Contact'],
  // Meetings and calls; task-like touchpoints share Task with Kizuna's actions.
  touchpoint: ['Event'],
  feedback: ['Kizuna_Feedback__c'],
  supportCase: ['Case'],
  opportunity: ['Opportunity'],
  employeePulse: ['Kizuna_Employee_Pulse__c'],
  action: ['Task'],
};

/** The object a SOQL statement reads (its own FROM, not a subquery's). */
function objectOfSoql(soql: string): string | undefined {
  const outer = soql.replace(/\((?:[^()]|\([^()]*\))*\)/g, '');
  return /\bFROM\s+(\w+)/i.exec(outer)?.[1];
}

function objectOfUrl(url: string): string | undefined {
  const soql = new URL(url, instanceUrl).searchParams.get('q');
  return soql === null ? undefined : objectOfSoql(soql);
}

const insufficientAccess = [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' }];

const compositeRequestSchema = z.object({ compositeRequest: z.array(z.object({ referenceId: z.string(), url: z.string() })) });
const compositeResponseSchema = z.object({ compositeResponse: z.array(z.looseObject({ referenceId: z.string() })) });

function isWrite(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return (request.method === 'PATCH' || request.method === 'POST' || request.method === 'DELETE') && /\/(sobjects|composite\/sobjects)\b/.test(path);
}

/**
 * The one handler a story's requests meet: the story's conditions around crm-sim's real answers
 * (an answer that never comes, the allowance spent, objects the user may not read, writes refused).
 * Until `arm()`, the answers are the simulator's own (the stale state's earlier read).
 */
function conditionsHandler(org: SalesforceOrg, knobs: SalesforceKnobs, parameters: CrmStoryParameters): { handler: RequestHandler; arm(): void } {
  const simulator = salesforceHandlers(org, { instanceUrl, accessTokens: [accessToken], knobs });
  const refused = new Set((parameters.noAccessTo ?? []).flatMap((entity) => objectsOf[entity]));
  let armed = false;
  const arm = () => {
    armed = true;
    if (parameters.allowanceSpent === true) knobs.dailyLimit = 0;
  };
  const handler = http.all(`${instanceUrl}/*`, async ({ request }) => {
    if (armed && parameters.answers === 'never') await delay('infinite');
    if (armed && parameters.writes === 'refused' && isWrite(request)) knobs.dailyLimit = Math.min(knobs.dailyLimit, org.calls.apiUsage);
    const queried = request.method === 'GET' ? objectOfUrl(request.url) : undefined;
    if (armed && queried !== undefined && refused.has(queried)) return HttpResponse.json(insufficientAccess, { status: 403 });
    const composite = armed && request.method === 'POST' && new URL(request.url).pathname.endsWith('/composite') && refused.size > 0;
    const refusedParts = composite
      ? new Set(
          compositeRequestSchema
            .parse(await request.clone().json())
            .compositeRequest.filter((part) => refused.has(objectOfUrl(part.url) ?? ''))
            .map((part) => part.referenceId),
        )
      : new Set<string>();
    const answer = await getResponse(simulator, request);
    if (answer === undefined) return HttpResponse.json([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], { status: 404 });
    if (refusedParts.size === 0 || answer.status !== 200) return answer;
    const body = compositeResponseSchema.parse(await answer.json());
    const compositeResponse = body.compositeResponse.map((part) =>
      refusedParts.has(part.referenceId) ? { ...part, httpStatusCode: 403, body: insufficientAccess } : part,
    );
    return HttpResponse.json({ compositeResponse }, { headers: answer.headers });
  });
  return { handler, arm };
}

/** Scores outside every scale on `count` of the account's feedback records, as a careless import leaves them. */
function spoilFeedback(org: SalesforceOrg, dataset: CanonicalDataset, accountId: string, count: number): void {
  for (const row of dataset.feedback.filter((candidate) => candidate.accountId === accountId).slice(0, count)) {
    org.sobjects.update('Kizuna_Feedback__c', org.salesforceIdOf('feedback', row.id), { Score__c: 42 });
  }
}

/** What the story's requests go through (MSW: a service worker in Storybook, msw/node in the stories test). */
export interface StoryInterception {
  use(...handlers: RequestHandler[]): void;
}

/**
 * Serves a fresh simulated org for one story with its conditions, and gives the story the
 * Salesforce data source reading it, the account to show and "now".
 */
export async function simulateCrm(parameters: CrmStoryParameters, interception: StoryInterception): Promise<StoryCrm> {
  const dataset = storyOrganisations()[parameters.organisation ?? 'generated'];
  const org = createSalesforceOrg(dataset, { now: () => Date.parse(storyAsOf) });
  const canonicalAccountId = storyAccountOf(dataset, parameters.account ?? 'busiest');
  const accountId = org.salesforceIdOf('account', canonicalAccountId);
  if (parameters.malformedFeedback !== undefined) spoilFeedback(org, dataset, canonicalAccountId, parameters.malformedFeedback);
  const knobs = createSalesforceKnobs();
  const { businessUnits, productLines, segments, teams } = dataset;
  const salesforce = createSalesforceDataSource({
    connection: { instanceUrl },
    tokens: () => accessToken,
    structure: { businessUnits, productLines, segments, teams },
  });
  const dataSource: CxDataSource =
    parameters.pushdown === false
      ? { ...salesforce, runAggregatePlan: async () => ({ pushed: false, unsupported: 'This host evaluates metrics plans in memory.' }) }
      : salesforce;
  const conditions = conditionsHandler(org, knobs, parameters);
  interception.use(conditions.handler);
  // The context read earlier, before the story's conditions began (the stale state's cache).
  const cached =
    parameters.readMinutesAgo === undefined
      ? undefined
      : { context: await dataSource.getAccountContext(accountId), ageMinutes: parameters.readMinutesAgo };
  conditions.arm();
  current = { heal: () => Object.assign(knobs, createSalesforceKnobs()) };
  return { dataSource, accountId, asOf: storyAsOf, ...(cached === undefined ? {} : { cached }) };
}

let current: { heal(): void } | undefined;

/**
 * Lifts the conditions on the answers of the story last loaded (the allowance is back, as at the turn
 * of the day), so a test can take the retry a failed widget offers.
 */
export function restoreDailyAllowance(): void {
  if (current === undefined) throw new Error('No story has loaded the simulated CRM yet.');
  current.heal();
}

/** Whether a loaded value is the simulated CRM the loader gave (loaders' results are untyped). */
export function isStoryCrm(value: unknown): value is StoryCrm {
  return typeof value === 'object' && value !== null && 'dataSource' in value && 'accountId' in value && typeof value.accountId === 'string';
}
