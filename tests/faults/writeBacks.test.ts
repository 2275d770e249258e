import { createSalesforceDataSource } from '@kizuna/crm-salesforce';
import { createSalesforceKnobs, createSalesforceOrg, createZohoKnobs, createZohoOrg, type SalesforceFault, type ZohoFault } from '@kizuna/crm-sim';
import { startSalesforceServer, startZohoServer, type SalesforceSimServer, type ZohoSimServer } from '@kizuna/crm-sim/node';
import { createZohoDataSource } from '@kizuna/crm-zoho';
import { generateOrganisation } from '@kizuna/sample-data';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, createWireFaults, networkDown, timedOut, type RequestMatcher, type WireFault } from './support/wireFaults';
import { emptyTotals, runWriteBack, writeBackRun, type RunEnvironment } from './support/writeBackRuns';

/**
 * No lost or doubled write-backs: 1,000 generated runs per CRM of accepting actions through the
 * dashboard's persisted outbox, over the real adapter and simulator, under random faults and
 * reloads. Every run ends with exactly one task per accepted action and none for the others,
 * counted in the simulator's store.
 */
const RUNS = 1_000;
const dataset = generateOrganisation({ seed: 23, accounts: 6 });
const noWait = { sleep: () => Promise.resolve() };

/** Faults on the wire that neither simulator has as a knob: the answer lost after the write happened, and the like. */
type WireKind = 'answerLost' | 'timeoutBefore' | 'networkDown' | 'http429' | 'http502';
const wireKinds: readonly WireKind[] = ['answerLost', 'timeoutBefore', 'networkDown', 'http429', 'http502'];
function wireFault(kind: WireKind, when: RequestMatcher): WireFault {
  const apply: Record<WireKind, WireFault['apply']> = {
    answerLost: async (real) => {
      await real();
      return timedOut();
    },
    timeoutBefore: () => timedOut(),
    networkDown: () => networkDown(),
    http429: async () => answer(429, '', { 'Retry-After': '0' }),
    http502: async () => answer(502, '<html>Bad gateway</html>', { 'Content-Type': 'text/html' }),
  };
  return { when, apply: apply[kind] };
}

type Fault<TSim> = { readonly sim: TSim } | { readonly wire: WireKind };

let closeServer: (() => void) | undefined;
afterEach(() => closeServer?.());

async function check<TSim>(name: string, faults: fc.Arbitrary<Fault<TSim>>, environment: RunEnvironment<Fault<TSim>>) {
  const totals = emptyTotals();
  let runId = 0;
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(writeBackRun(faults), async (run) => {
      runId += 1;
      const outcome = await runWriteBack(run, runId, environment, totals);
      expect(outcome.unsent, 'every accepted action is sent once the CRM is healthy').toEqual([]);
      for (const { key, tasks } of outcome.accepted) expect(tasks, `tasks for accepted ${key}`).toBe(1);
      for (const { key, tasks } of outcome.others) expect(tasks, `tasks for not accepted ${key}`).toBe(0);
    }),
    { numRuns: RUNS, seed: 20261201, endOnFailure: true },
  );
  console.log(
    `[write-backs] ${name}: ${totals.runs} runs, ${totals.accepted} accepted and ${totals.notAccepted} not accepted actions, ` +
      `${totals.acceptClicks} accept clicks, ${totals.faults} faults, ${totals.reloads} reloads (${totals.reloadsWhileSending} while sending), ` +
      `${totals.writeCalls} write calls, 0 lost, 0 doubled, ${Date.now() - started} ms`,
  );
  expect(totals.runs).toBe(RUNS);
}

describe('write-backs under random faults and reloads', () => {
  it(`Salesforce: ${RUNS} runs end with exactly one Task per accepted action`, async () => {
    const org = createSalesforceOrg(dataset);
    const instanceUrl = 'https://writebacks.my.salesforce.com';
    const knobs = createSalesforceKnobs();
    const sim: SalesforceSimServer = startSalesforceServer(org, { instanceUrl, accessTokens: ['wb-token'], knobs });
    closeServer = () => sim.close();
    const wire = createWireFaults();
    const isWrite: RequestMatcher = (url, method) => method === 'PATCH' || (method === 'POST' && url.includes('/composite'));
    const simFaults: readonly SalesforceFault[] = ['serverError', 'serviceUnavailable', 'malformedBody'];
    const faults = fc.oneof(fc.record({ sim: fc.constantFrom(...simFaults) }), fc.record({ wire: fc.constantFrom(...wireKinds) }));
    await check<SalesforceFault>('Salesforce', faults, {
      dataSource: createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 'wb-token', transport: wire.transport, retry: noWait }),
      accountIds: dataset.accounts.map((account) => org.salesforceIdOf('account', account.id)),
      inject: (fault) => ('sim' in fault ? knobs.failNext.push(fault.sim) : wire.inject(wireFault(fault.wire, isWrite))),
      heal: () => {
        knobs.failNext = [];
        wire.clear();
      },
      tasksWithKey: (key) => org.records('Task').filter((task) => task['Kizuna_Action_Key__c'] === key).length,
    });
  });

  it(`Zoho CRM: ${RUNS} runs end with exactly one Task per accepted action`, async () => {
    const knobs = createZohoKnobs({ timeoutMs: 5 });
    const org = createZohoOrg(dataset, { dataCentre: 'EU', knobs });
    const sim: ZohoSimServer = startZohoServer(org, { accessTokens: ['wb-token'] });
    closeServer = () => sim.close();
    const wire = createWireFaults();
    const isWrite: RequestMatcher = (url, method) => method === 'POST' || method === 'PUT';
    const simFaults: readonly ZohoFault[] = ['internalError', 'serviceUnavailable', 'tooManyRequests', 'timeout', 'malformedBody', 'truncatedBody'];
    const faults = fc.oneof(fc.record({ sim: fc.constantFrom(...simFaults) }), fc.record({ wire: fc.constantFrom(...wireKinds) }));
    await check<ZohoFault>('Zoho CRM', faults, {
      dataSource: createZohoDataSource({ connection: { apiDomain: org.apiDomain }, tokens: () => 'wb-token', transport: wire.transport, retry: noWait }),
      accountIds: dataset.accounts.map((account) => org.zohoIdOf('account', account.id)),
      inject: (fault) => ('sim' in fault ? knobs.failNext.push(fault.sim) : wire.inject(wireFault(fault.wire, isWrite))),
      heal: () => {
        knobs.failNext = [];
        wire.clear();
      },
      tasksWithKey: (key) => org.records('Tasks').filter((task) => task['Kizuna_Action_Key'] === key).length,
    });
  });
});
