import type { CxDataSource } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { kpiColumns } from './businessColumns';
import { businessCuts, loadBusinessData } from './loadBusinessData';
import { cutKey } from './kpiLoading';
import { datasetDataSource } from './testing/datasetDataSource';
import { deferred } from './testing/deferred';
import { leaderAsOf, leaderOrganisation } from './testing/leaderOrganisation';

const organisation = leaderOrganisation();
const filters = { period: 'last_year' } as const;

describe('loadBusinessData', () => {
  it('reads each object once per load: one record read for structure, pulses and case facts, one batch of plans', async () => {
    const source = datasetDataSource(organisation);
    const data = await loadBusinessData(source, filters, leaderAsOf);
    expect(source.calls.reads).toEqual([{ ...data.window, entities: ['employeePulse', 'supportCase'] }]);
    expect(source.calls.plans).toHaveLength(1);
    expect(data.load.pushed).toEqual(['nps', 'csat', 'cesAgree', 'escalationRate']);
    expect(data.load.inMemory).toEqual(['timeToResolutionMedian', 'slaCompliance']);
    // The structure is what it was: accounts and employee pulses, no facts the plans aggregate.
    expect(data.structure.accounts).toHaveLength(organisation.accounts.length);
    expect(data.structure.employeePulses.length).toBeGreaterThan(0);
    expect(data.structure.supportCases).toEqual([]);
  });

  it('asks for its records while the plans are still out: one round of calls', async () => {
    const inner = datasetDataSource(organisation);
    const plansAnswer = deferred<undefined>();
    const readAsked = deferred<undefined>();
    const events: string[] = [];
    const source: CxDataSource = {
      ...inner,
      runAggregatePlan: (plan, options) => {
        events.push('plan');
        return plansAnswer.promise.then(() => inner.runAggregatePlan(plan, options));
      },
      readDataset: (scope, options) => {
        events.push(`read ${(scope.entities ?? []).join('+')}`);
        readAsked.resolve(undefined);
        return inner.readDataset(scope, options);
      },
    };
    const loading = loadBusinessData(source, filters, leaderAsOf);
    await readAsked.promise;
    expect(events).toEqual(['plan', 'read employeePulse+supportCase']);
    plansAnswer.resolve(undefined);
    const data = await loading;
    expect(events).toHaveLength(2);
    expect(data.load.evaluations.nps?.['']?.groups[0]?.result.n).toBe(organisation.feedback.filter((f) => f.kind === 'nps').length);
  });

  it('counts a rejected record and an unreadable part once, and keeps the rest of the view', async () => {
    const rejectedAccount = { entity: 'account' as const, recordId: '001000000000001AAA', issues: [] };
    const noCases = { entity: 'supportCase' as const, code: 'INVALID_FIELD', message: "No such column 'Kizuna_SLA__c' on entity 'Case'." };
    const source = datasetDataSource({ ...organisation, supportCases: [] }, { rejected: [rejectedAccount], unavailable: [noCases] });
    const data = await loadBusinessData(source, filters, leaderAsOf);
    expect(data.rejected).toEqual([rejectedAccount]);
    expect(data.unavailable).toEqual([noCases]);
    expect(data.load.evaluations.timeToResolutionMedian?.['']?.groups[0]?.result.n ?? 0).toBe(0);
    expect(data.load.evaluations.nps?.['']?.groups[0]?.result.n).toBeGreaterThan(0);
  });

  it('gives the same figures whether the CRM aggregates or every KPI is evaluated in memory', async () => {
    const pushed = await loadBusinessData(datasetDataSource(organisation), filters, leaderAsOf);
    const source = datasetDataSource(organisation, { pushdown: false });
    const inMemory = await loadBusinessData(source, filters, leaderAsOf);
    expect(inMemory.load.inMemory).toEqual(kpiColumns);
    // Every read brings the accounts; the refused KPIs' feedback is the only object read again.
    expect(source.calls.reads.flatMap((read) => read.entities ?? []).sort()).toEqual(['employeePulse', 'feedback', 'supportCase']);
    for (const kpi of kpiColumns) {
      for (const cut of businessCuts) {
        const groups = (data: typeof pushed) => data.load.evaluations[kpi]?.[cutKey(cut)]?.groups.map((group) => [group.keys, group.result.n]);
        expect(groups(inMemory)).toEqual(groups(pushed));
      }
    }
  });
});
