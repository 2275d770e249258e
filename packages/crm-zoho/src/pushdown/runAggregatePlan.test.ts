import { compileKpi, kpiCatalogue } from '@kizuna/metrics';
import type { AggregatePlan } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { parseZohoConnection } from '../dataCentres';
import { zohoDefaultMapping } from '../defaultMapping';
import { parseZohoMappingFile } from '../mappingFile';
import { createRestGateway } from '../restGateway';
import { answering, coqlOf, jsonResponse } from '../testing/fakeTransport';
import { runAggregatePlan } from './runAggregatePlan';

const connection = parseZohoConnection({ apiDomain: 'https://www.zohoapis.jp' });
const window = { from: '2025-10-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

describe('pushing aggregate plans down as COQL', () => {
  it('compiles an NPS plan to grouped COQL over the account join, and reads rows by their expression keys', async () => {
    const plan = compileKpi(kpiCatalogue.nps, { groupBy: ['businessUnitId'], window });
    if ('unsupported' in plan) throw new Error('nps has a plan');
    const { transport, requests } = answering(() =>
      jsonResponse(200, { data: [{ 'Account.Kizuna_Business_Unit': 'bu-1', 'COUNT(id)': 40 }, { 'Account.Kizuna_Business_Unit': null, 'COUNT(id)': 2 }], info: { count: 2, more_records: false } }),
    );
    const result = await runAggregatePlan(plan, { gateway: createRestGateway(transport, connection), mapping: zohoDefaultMapping });
    if (!result.pushed) throw new Error(result.unsupported);
    const promoters = requests.map(coqlOf).find((query) => query?.includes('Score >= 9'));
    expect(promoters).toBe(
      "select Account.Kizuna_Business_Unit, COUNT(id) from Kizuna_Feedback where (((Scale = 'nps_0_10' and Responded_At >= '2025-10-01T00:00:00+00:00') and Responded_At < '2026-04-01T00:00:00+00:00') and Score >= 9) group by Account.Kizuna_Business_Unit limit 2000",
    );
    expect(Object.values(result.totals)[0]).toEqual([
      { keys: { businessUnitId: 'bu-1' }, values: { [Object.values(plan.queries)[0]?.measures[0]?.id ?? '']: 40 } },
      { keys: {}, values: { [Object.values(plan.queries)[0]?.measures[0]?.id ?? '']: 2 } },
    ]);
  });

  it('selects each expression once, splits more than five and joins them on the group', async () => {
    const measures = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, op: 'sum' as const, field: 'score' }));
    const plan: AggregatePlan = { kpi: 'test', queries: { q: { source: 'feedback', where: [], groupBy: ['segmentId'], measures } } };
    const { transport, requests } = answering((request) => {
      const query = coqlOf(request) ?? '';
      const sums = query.match(/SUM\(Score\)/g) ?? [];
      return jsonResponse(200, { data: [{ 'Account.Kizuna_Segment': 'ent', 'SUM(Score)': sums.length }], info: { count: 1, more_records: false } });
    });
    // COQL refuses the same expression twice (DUPLICATE_DATA): it is selected once and read for each measure.
    const same = await runAggregatePlan(plan, { gateway: createRestGateway(transport, connection), mapping: zohoDefaultMapping });
    expect(requests.map(coqlOf)).toEqual(["select Account.Kizuna_Segment, SUM(Score) from Kizuna_Feedback where id is not null group by Account.Kizuna_Segment limit 2000"]);
    expect(same).toEqual({ pushed: true, totals: { q: [{ keys: { segmentId: 'ent' }, values: { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 } }] } });
    const distinct: AggregatePlan = {
      kpi: 'test',
      queries: { q: { source: 'opportunity', where: [], groupBy: ['segmentId'], measures: [
        { id: 'n', op: 'count' }, { id: 'amount', op: 'sum', field: 'amount' }, { id: 'renewing', op: 'sum', field: 'renewingAmount' },
        { id: 'min', op: 'min', field: 'amount' }, { id: 'max', op: 'max', field: 'amount' }, { id: 'first', op: 'min', field: 'closeDate' },
      ] } },
    };
    const answers = answering((request) => {
      const query = coqlOf(request) ?? '';
      const row: Record<string, unknown> = { 'Account_Name.Kizuna_Segment': 'ent' };
      for (const key of query.match(/[A-Z]+\([A-Za-z_.]+\)/g) ?? []) row[key] = key.length;
      return jsonResponse(200, { data: [row], info: { count: 1, more_records: false } });
    });
    const result = await runAggregatePlan(distinct, { gateway: createRestGateway(answers.transport, connection), mapping: zohoDefaultMapping });
    expect(answers.requests).toHaveLength(2);
    expect(result).toEqual({ pushed: true, totals: { q: [{ keys: { segmentId: 'ent' }, values: { n: 9, amount: 11, renewing: 27, min: 11, max: 11, first: 17 } }] } });
  });

  it('cuts by period with the stored quarter (Kizuna_Feedback.Period) in one query, and one query per quarter where the module has none', async () => {
    const plan = compileKpi(kpiCatalogue.nps, { groupBy: ['period'], window });
    if ('unsupported' in plan) throw new Error('nps has a plan');
    const grouped = answering(() => jsonResponse(200, { data: [{ Period: '2025-Q4', 'COUNT(id)': 5 }, { Period: '2026-Q1', 'COUNT(id)': 7 }], info: { count: 2, more_records: false } }));
    const stored = await runAggregatePlan(plan, { gateway: createRestGateway(grouped.transport, connection), mapping: zohoDefaultMapping });
    if (!stored.pushed) throw new Error(stored.unsupported);
    expect(grouped.requests).toHaveLength(Object.keys(plan.queries).length);
    expect(coqlOf(grouped.requests[0])).toMatch(/^select Period, COUNT\(id\) from Kizuna_Feedback where .* group by Period limit 2000$/);
    expect(Object.values(stored.totals)[0]?.map((row) => row.keys.period)).toEqual(['2025-Q4', '2026-Q1']);

    // Feedback in the org's own module (no stored quarter): COQL has no date functions, so one query per quarter.
    const ownModule = parseZohoMappingFile({ version: 1, objects: { feedback: { object: 'CX_Survey_Answers' } } });
    const { transport, requests } = answering(() => jsonResponse(200, { data: [{ 'COUNT(id)': 5 }], info: { count: 1, more_records: false } }));
    const result = await runAggregatePlan(plan, { gateway: createRestGateway(transport, connection), mapping: ownModule });
    if (!result.pushed) throw new Error(result.unsupported);
    expect(requests).toHaveLength(2 * Object.keys(plan.queries).length);
    expect(Object.values(result.totals)[0]?.map((row) => row.keys.period)).toEqual(['2025-Q4', '2026-Q1']);
    expect(coqlOf(requests[0])).toContain("Responded_At >= '2025-10-01T00:00:00+00:00'");
  });

  it('groups by a breakdown field and reads its values back as canonical values', async () => {
    const plan: AggregatePlan = { kpi: 'test', queries: { q: { source: 'opportunity', where: [], groupBy: ['segmentId'], measures: [{ id: 'n', op: 'count' }], breakdown: ['status', 'type'] } } };
    const { transport, requests } = answering(() =>
      jsonResponse(200, { data: [{ 'Account_Name.Kizuna_Segment': 'ent', Kizuna_Outcome: null, Type: 'Renewal', 'COUNT(id)': 3 }], info: { count: 1, more_records: false } }),
    );
    const result = await runAggregatePlan(plan, { gateway: createRestGateway(transport, connection), mapping: zohoDefaultMapping });
    expect(coqlOf(requests[0])).toBe('select Account_Name.Kizuna_Segment, Kizuna_Outcome, Type, COUNT(id) from Deals where id is not null group by Account_Name.Kizuna_Segment, Kizuna_Outcome, Type limit 2000');
    // An empty outcome reads as `open` and `Renewal` as `renewal`, through the mapping's value tables.
    expect(result).toEqual({ pushed: true, totals: { q: [{ keys: { segmentId: 'ent' }, values: { n: 3 }, breakdown: { status: 'open', type: 'renewal' } }] } });
  });

  it('says which plans the mapping cannot express', async () => {
    const plan = compileKpi(kpiCatalogue.engagement, { groupBy: ['businessUnitId'] });
    if ('unsupported' in plan) throw new Error('engagement has a plan');
    const { transport } = answering(() => jsonResponse(204));
    expect(await runAggregatePlan(plan, { gateway: createRestGateway(transport, connection), mapping: zohoDefaultMapping })).toEqual({ pushed: false, unsupported: 'no Zoho field holds businessUnitId' });
  });
});
