import { describe, expect, it } from 'vitest';
import { journalEntries, recordWrite } from './writeJournal';

/** sessionStorage as a Map, for Node. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('the write journal', () => {
  it('keeps the writes of the tab in order, for replay after a reload', () => {
    const storage = memoryStorage();
    expect(journalEntries(storage)).toEqual([]);
    recordWrite({ kind: 'apex', planJson: '{"version":1}' }, storage);
    recordWrite({ kind: 'rest', method: 'PATCH', url: 'https://kizuna-demo.my.salesforce.com/services/data/v66.0/sobjects/Task/Kizuna_Action_Key__c/k1', body: '{}' }, storage);
    expect(journalEntries(storage).map((entry) => entry.kind)).toEqual(['apex', 'rest']);
  });

  it('drops a journal it cannot read instead of replaying part of it', () => {
    const storage = memoryStorage();
    storage.setItem('kizuna-demo:writes', JSON.stringify([{ kind: 'apex', planJson: '{}' }, { kind: 'soap' }]));
    expect(journalEntries(storage)).toEqual([]);
  });
});
