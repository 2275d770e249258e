import { describe, expect, it } from 'vitest';
import { recordReads } from './recordReads';
import { datasetDataSource } from './testing/datasetDataSource';
import { leaderOrganisation } from './testing/leaderOrganisation';

const organisation = leaderOrganisation();
const window = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };

describe('recordReads', () => {
  it('reads what is asked for in one turn in one readDataset, each part getting only its own records', async () => {
    const source = datasetDataSource(organisation);
    const reads = recordReads(source, window);
    const [pulses, cases] = await Promise.all([reads.read(['employeePulse']), reads.read(['supportCase'])]);
    expect(source.calls.reads).toEqual([{ ...window, entities: ['employeePulse', 'supportCase'] }]);
    expect(pulses.dataset.accounts).toHaveLength(organisation.accounts.length);
    expect(pulses.dataset.employeePulses.length).toBeGreaterThan(0);
    expect(pulses.dataset.supportCases).toEqual([]);
    expect(cases.dataset.supportCases.length).toBeGreaterThan(0);
    expect(cases.dataset.employeePulses).toEqual([]);
  });

  it('never reads an entity twice: later needs are served by the read that holds them, or read alone', async () => {
    const source = datasetDataSource(organisation);
    const reads = recordReads(source, window);
    await reads.read(['supportCase']);
    const again = await reads.read(['supportCase']);
    expect(source.calls.reads).toHaveLength(1);
    const both = await reads.read(['supportCase', 'feedback']);
    expect(source.calls.reads.map((read) => read.entities)).toEqual([['supportCase'], ['feedback']]);
    expect(both.dataset.supportCases).toEqual(again.dataset.supportCases);
    expect(both.dataset.feedback.length).toBeGreaterThan(0);
    expect(both.dataset.accounts).toHaveLength(organisation.accounts.length);
  });

  it('counts each rejected record and unreadable part once, though every read reports the accounts again', async () => {
    const rejectedAccount = { entity: 'account' as const, recordId: '001000000000001AAA', issues: [] };
    const noCases = { entity: 'supportCase' as const, code: 'INVALID_FIELD', message: "No such column 'Kizuna_SLA__c' on entity 'Case'." };
    const source = datasetDataSource(organisation, { rejected: [rejectedAccount], unavailable: [noCases] });
    const reads = recordReads(source, window);
    await reads.read(['supportCase']);
    const feedback = await reads.read(['feedback']);
    expect(source.calls.reads).toHaveLength(2);
    // The second read's own part: its accounts were counted with the first read, and it did not read cases.
    expect(feedback.rejected).toEqual([rejectedAccount]);
    expect(feedback.unavailable).toEqual([]);
    const all = await reads.all();
    expect(all.rejected).toEqual([rejectedAccount]);
    expect(all.unavailable).toEqual([noCases]);
  });

  it('reads nothing until something is asked for', async () => {
    const source = datasetDataSource(organisation);
    const all = await recordReads(source, window).all();
    expect(source.calls.reads).toEqual([]);
    expect(all.dataset.accounts).toEqual([]);
  });
});
