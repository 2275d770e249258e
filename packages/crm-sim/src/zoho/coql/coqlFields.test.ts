import { describe, expect, it } from 'vitest';
import { ZohoApiError } from '../zohoApiError';
import { createZohoIdSequence } from '../zohoIds';
import type { ZohoModuleSpec } from '../zohoModuleSpecs';
import { ZohoRecordStore } from '../zohoRecordStore';
import { columnValue, resolveColumn } from './coqlFields';

/** A chain A → B → C → D of lookups, to show the two-relation limit. */
const chain: ZohoModuleSpec[] = ['A', 'B', 'C', 'D'].map((name, i, all) => ({
  apiName: name,
  scopeName: name.toLowerCase(),
  displayField: 'Name',
  custom: true,
  fields: [
    { apiName: 'id', type: 'id' },
    { apiName: 'Name', type: 'text' },
    ...(all[i + 1] === undefined ? [] : [{ apiName: 'Next', type: 'lookup' as const, lookupModules: [all[i + 1] ?? ''] }]),
  ],
}));

describe('resolveColumn', () => {
  const store = new ZohoRecordStore(chain, [], createZohoIdSequence('1234567'), () => 0);
  const d = store.add('D', { id: store.nextId(), Name: 'dee' });
  const c = store.add('C', { id: store.nextId(), Name: 'cee', Next: d['id'] ?? null });
  const b = store.add('B', { id: store.nextId(), Name: 'bee', Next: c['id'] ?? null });
  const a = store.add('A', { id: store.nextId(), Name: 'ay', Next: b['id'] ?? null });

  it('follows up to two relations', () => {
    const column = resolveColumn(store, 'A', { text: 'Next.Next.Name', column: 8 });
    expect(columnValue(store, column, a)).toBe('cee');
  });

  it('refuses a third with LIMIT_EXCEEDED', () => {
    const attempt = (): unknown => resolveColumn(store, 'A', { text: 'Next.Next.Next.Name', column: 8 });
    expect(attempt).toThrow(ZohoApiError);
    expect(attempt).toThrow(/at most 2 relations/);
  });

  it('refuses an unknown field anywhere on the path with INVALID_QUERY', () => {
    expect(() => resolveColumn(store, 'A', { text: 'Next.Nope', column: 8 })).toThrow(/column given seems to be invalid/);
  });
});
