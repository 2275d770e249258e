import { describe, expect, it } from 'vitest';
import { datasetKeys, emptyDataset, entityNames } from './index';

describe('emptyDataset', () => {
  it('has an empty list for every entity, new on every call (one caller filling it never fills another)', () => {
    const first = emptyDataset();
    expect(Object.keys(first).sort()).toEqual(entityNames.map((name) => datasetKeys[name]).sort());
    expect(Object.values(first).every((list) => Array.isArray(list) && list.length === 0)).toBe(true);
    const second = emptyDataset();
    for (const name of entityNames) expect(second[datasetKeys[name]]).not.toBe(first[datasetKeys[name]]);
  });
});
