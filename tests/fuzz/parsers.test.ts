import { generateOrganisation } from '@kizuna/sample-data';
import { afterAll, describe, expect, it } from 'vitest';
import { recordBridge, salesforceBridgeTarget } from './support/bridgeFuzzTargets';
import { recordSalesforce, recordZoho, salesforceResponsesTarget, zohoResponsesTarget } from './support/crmFuzzTargets';
import { fuzz, tallies, type FuzzTally } from './support/fuzzTarget';
import { zohoSdkTarget } from './support/sdkFuzzTargets';
import { recordSalesforcePlans, recordZohoPlans, salesforcePlansTarget, zohoPlansTarget } from './support/planFuzzTargets';
import * as targets from './support/parserTargets';
import { salesforceTokenTarget, zohoTokenTarget } from './support/tokenFuzzTargets';

/**
 * Property-based fuzzing of every parser and mapper at Kizuna's boundaries: each generated input
 * is accepted as valid or refused in the parser's typed way (a CrmError, a usage error, a
 * rejection counted by the message gate, a "not found" route…); nothing throws anything else.
 */
const MINIMUM_TOTAL = 100_000;

afterAll(() => {
  const total = tallies.reduce((sum, tally) => sum + tally.inputs, 0);
  for (const tally of tallies) console.log(`[fuzz] ${tally.target}: ${tally.inputs} inputs (${tally.accepted} accepted, ${tally.rejected} rejected with a typed error), 0 crashes`);
  console.log(`[fuzz] total: ${total} generated inputs over ${tallies.length} parsers, 0 crashes`);
});

describe('CRM responses through the adapters', () => {
  const dataset = generateOrganisation({ seed: 31, accounts: 3 });
  it('Salesforce: every changed answer resolves or rejects with a CrmError', async () => {
    const tally = await fuzz(salesforceResponsesTarget(await recordSalesforce(dataset), 8_000));
    expect(tally.inputs).toBe(8_000);
  });
  it('Zoho: every changed answer resolves or rejects with a CrmError', async () => {
    const tally = await fuzz(zohoResponsesTarget(await recordZoho(dataset), 8_000));
    expect(tally.inputs).toBe(8_000);
  });
  it('Salesforce: every changed aggregate or dataset answer resolves or rejects with a CrmError', async () => {
    const tally = await fuzz(salesforcePlansTarget(await recordSalesforcePlans(dataset), 3_000));
    expect(tally.inputs).toBe(3_000);
  });
  it('Zoho: every changed aggregate or dataset answer resolves or rejects with a CrmError', async () => {
    const tally = await fuzz(zohoPlansTarget(await recordZohoPlans(dataset), 3_000));
    expect(tally.inputs).toBe(3_000);
  });
  it('Zoho widget SDK: every changed or refused SDK answer resolves or rejects with a CrmError', async () => {
    const tally = await fuzz(zohoSdkTarget(await recordZoho(dataset), 4_000));
    expect(tally.inputs).toBe(4_000);
  });
  it('Salesforce LWC bridge: every changed or refused gateway answer resolves or rejects with a CrmError', async () => {
    const tally = await fuzz(salesforceBridgeTarget(await recordBridge(dataset), 4_000));
    expect(tally.inputs).toBe(4_000);
  });
});

const synchronous: ReadonlyArray<readonly [string, number, (runs: number) => Promise<FuzzTally>]> = [
  ['Salesforce error bodies', 8_000, (runs) => fuzz(targets.salesforceErrorTarget(runs))],
  ['Zoho error bodies', 8_000, (runs) => fuzz(targets.zohoErrorTarget(runs))],
  ['Salesforce record mapping', 8_000, (runs) => fuzz(targets.salesforceMapperTarget(runs))],
  ['Zoho record mapping', 8_000, (runs) => fuzz(targets.zohoMapperTarget(runs))],
  ['Salesforce mapping files', 6_000, (runs) => fuzz(targets.salesforceMappingFileTarget(runs))],
  ['Zoho mapping files', 6_000, (runs) => fuzz(targets.zohoMappingFileTarget(runs))],
  ['CLI analyze arguments', 6_000, (runs) => fuzz(targets.analyzeArgsTarget(runs))],
  ['CLI pull arguments', 5_000, (runs) => fuzz(targets.pullArgsTarget(runs))],
  ['CLI doctor arguments', 5_000, (runs) => fuzz(targets.doctorArgsTarget(runs))],
  ['postMessage host to frame', 6_000, (runs) => fuzz(targets.hostMessageTarget(runs))],
  ['postMessage frame to host', 6_000, (runs) => fuzz(targets.frameMessageTarget(runs))],
  ['demo routes', 6_000, (runs) => fuzz(targets.routeTarget(runs))],
  ['filter URL parameters', 5_000, (runs) => fuzz(targets.filterParamsTarget(runs))],
  ['custom element attributes', 5_000, (runs) => fuzz(targets.elementAttributesTarget(runs))],
  ['Zoho PageLoad data', 5_000, (runs) => fuzz(targets.pageLoadTarget(runs))],
  ['Salesforce token responses', 3_000, (runs) => fuzz(salesforceTokenTarget(runs))],
  ['Zoho token responses', 3_000, (runs) => fuzz(zohoTokenTarget(runs))],
];

describe('parsers and mappers', () => {
  it.each(synchronous)('%s: accepted or refused with a typed error, never a crash', async (_name, runs, run) => {
    expect((await run(runs)).inputs).toBe(runs);
  });
});

describe('CLI file readers', () => {
  it.each([
    ['JSONL', () => targets.jsonlReaderTarget(1_500)],
    ['CSV', () => targets.csvReaderTarget(1_500)],
  ] as const)('%s: every file read row by row, never a crash', async (_name, make) => {
    const target = make();
    try {
      expect((await fuzz(target)).inputs).toBe(target.runs);
    } finally {
      target.cleanup();
    }
  });
});

describe('the total', () => {
  it(`feeds at least ${MINIMUM_TOTAL} generated inputs`, () => {
    expect(tallies.reduce((sum, tally) => sum + tally.inputs, 0)).toBeGreaterThanOrEqual(MINIMUM_TOTAL);
  });
});
