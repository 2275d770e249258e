import { isCrmError } from '@kizuna/crm-core';
import { createZohoSdkDataSource, type ZohoSdk } from '@kizuna/crm-zoho';
import type { Action, CxDataSource } from '@kizuna/model';
import fc from 'fast-check';
import type { RecordedAnswer } from './crmAnswers';
import { mutateJson, mutation, nastyJson, type FuzzTarget, type Mutation, type Verdict } from './fuzzTarget';

/**
 * The Zoho widget-SDK gateway: a fake `ZOHO` whose `CRM.API` calls and `CRM.CONFIG.getCurrentUser`
 * resolve to the Zoho simulator's real answers (the SDK hands on REST's `{data, info}`; the user
 * as a flat object) with one node changed, or to other JSON, or reject with anything. The data
 * source must resolve or reject with a CrmError.
 */
const methods = ['view', 'list', 'write', 'user'] as const;
type Method = (typeof methods)[number];

type SdkChange =
  | { readonly kind: 'mutate'; readonly mutation: Mutation }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'reject'; readonly value: unknown }
  | { readonly kind: 'rejectError'; readonly message: string };

const sdkChange: fc.Arbitrary<SdkChange> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('mutate' as const), mutation }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), value: nastyJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), value: nastyJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rejectError' as const), message: fc.string({ maxLength: 40 }) }) },
);

const inputs = fc.record({ method: fc.constantFrom(...methods), change: sdkChange });
type SdkInput = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

export interface RecordedZoho {
  readonly answers: ReadonlyMap<string, RecordedAnswer>;
  readonly accountId: string;
  readonly actions: readonly Action[];
}

function bodyOf(answers: ReadonlyMap<string, RecordedAnswer>, kind: string): unknown {
  const text = answers.get(kind)?.text ?? '';
  return text === '' ? '' : (JSON.parse(text) as unknown);
}

/** `getCurrentUser()` resolves to one flat user, not REST's `{users: [...]}`. */
function flatUser(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('users' in body) || !Array.isArray(body.users)) return body;
  const [first]: unknown[] = body.users;
  return first;
}

function fakeZoho(recorded: RecordedZoho, change: SdkChange): ZohoSdk {
  const answer = (body: unknown): Promise<unknown> => {
    switch (change.kind) {
      case 'mutate':
        return Promise.resolve(mutateJson(body, change.mutation.at, change.mutation.replacement, change.mutation.mode));
      case 'json':
        return Promise.resolve(change.value);
      case 'reject':
        return Promise.reject(change.value as Error);
      case 'rejectError':
        return Promise.reject(new Error(change.message));
    }
  };
  const coql = bodyOf(recorded.answers, 'coql');
  const records = bodyOf(recorded.answers, 'records');
  const upsert = bodyOf(recorded.answers, 'upsert');
  const user = flatUser(bodyOf(recorded.answers, 'users'));
  return {
    embeddedApp: { on: () => undefined, init: () => Promise.resolve() },
    CRM: {
      API: {
        coql: () => answer(coql),
        getRecord: () => answer(records),
        getAllRecords: () => answer(records),
        insertRecord: () => answer(upsert),
        updateRecord: () => answer(upsert),
        upsertRecord: () => answer(upsert),
      },
      CONFIG: { getCurrentUser: () => answer(user) },
    },
  };
}

async function exercise(dataSource: CxDataSource, method: Method, recorded: RecordedZoho): Promise<unknown> {
  switch (method) {
    case 'view':
      return dataSource.getAccountContext(recorded.accountId);
    case 'list':
      return dataSource.listAccounts();
    case 'write':
      return dataSource.writeActions(recorded.actions);
    case 'user':
      return dataSource.currentUser();
  }
}

export function zohoSdkTarget(recorded: RecordedZoho, runs: number): FuzzTarget<SdkInput> {
  return {
    name: 'Zoho widget SDK gateway: mutated ZOHO.CRM.API/CONFIG answers',
    inputs,
    runs,
    isTypedError: isCrmError,
    feed: async ({ method, change }): Promise<Verdict> => {
      await exercise(createZohoSdkDataSource(fakeZoho(recorded, change), { fallbackLocale: 'en-AU' }), method, recorded);
      return 'accepted';
    },
  };
}
