import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { buildFactTables } from '../buildFactTables';
import type { EvaluationContext, TimeWindow } from '../kpiDefinition';
import { heardFrom } from './heardFrom';

const dataset = generateOrganisation({ seed: 5, accounts: 60 });
const tables = buildFactTables(dataset);

function contextOf(window: TimeWindow | undefined): EvaluationContext {
  return { tables, window, shared: (_key, compute) => compute() };
}

/** Who gave relationship feedback in the window, straight from the records (the reference). */
function heardInRecords(field: 'accountId' | 'contactId', window: TimeWindow | undefined): Set<string> {
  const heard = new Set<string>();
  for (const answer of dataset.feedback) {
    const at = Date.parse(answer.respondedAt);
    const id = answer[field];
    if (answer.programme === 'relationship' && id !== undefined && (window === undefined || (at >= window.from && at < window.to))) heard.add(id);
  }
  return heard;
}

const windows: Array<TimeWindow | undefined> = [
  undefined,
  { from: Date.UTC(2025, 9, 1), to: Date.UTC(2026, 9, 1) },
  { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 3, 1) },
  { from: Date.UTC(2010, 0, 1), to: Date.UTC(2011, 0, 1) },
];

describe('who gave relationship feedback in a window', () => {
  for (const field of ['accountId', 'contactId'] as const) {
    it(`marks exactly the ${field === 'accountId' ? 'accounts' : 'contacts'} with a relationship answer in the window, for any window`, () => {
      const target = field === 'accountId' ? tables.account.categorical['accountId'] : tables.contact.categorical['contactId'];
      if (target === undefined) throw new Error(`no ${field} column`);
      for (const window of windows) {
        const marks = heardFrom(contextOf(window), field, target);
        const marked = new Set(target.dictionary.filter((_, code) => marks[code + 1] === 1));
        const expected = new Set([...heardInRecords(field, window)].filter((id) => target.dictionary.includes(id)));
        expect(marked, JSON.stringify(window)).toEqual(expected);
        expect(marks[0]).toBe(0);
      }
      expect(heardInRecords(field, windows[1]).size).toBeGreaterThan(0);
    });
  }
});
