import { describe, expect, it } from 'vitest';
import { parsePageLoad } from './pageLoad';

describe('the PageLoad payload', () => {
  it('takes EntityId as a string (related list) or an array (buttons)', () => {
    expect(parsePageLoad({ Entity: 'Accounts', EntityId: '6012345000000399001' })).toEqual({ entity: 'Accounts', entityIds: ['6012345000000399001'], buttonPosition: undefined });
    expect(parsePageLoad({ EntityId: ['3000000032096', '3000000032097'], Entity: 'Leads', ButtonPosition: 'ListView' })).toEqual({
      entity: 'Leads',
      entityIds: ['3000000032096', '3000000032097'],
      buttonPosition: 'ListView',
    });
  });

  it('reads a web tab (no entity) as an empty context', () => {
    expect(parsePageLoad(undefined)).toEqual({ entity: undefined, entityIds: [], buttonPosition: undefined });
  });

  it('refuses ids that lost digits as numbers, and values that are not ids', () => {
    expect(() => parsePageLoad({ Entity: 'Accounts', EntityId: Number('6012345000000399001') })).toThrow(/unsafe number/);
    expect(parsePageLoad({ Entity: 'Accounts', EntityId: 3000000032096 }).entityIds).toEqual(['3000000032096']);
    expect(() => parsePageLoad({ Entity: 'Accounts', EntityId: "1' or 1=1" })).toThrow(/not a Zoho id/);
    expect(() => parsePageLoad({ Entity: 'Accounts; x', EntityId: '1' })).toThrow(/unexpected shape/);
  });
});
