import { objectMappingSchema } from '@kizuna/crm-core';
import { describe, expect, it } from 'vitest';
import { isSalesforceId, selectQuery, soqlStringLiteral } from './soql';

const contactMapping = objectMappingSchema.parse({
  entity: 'contact',
  object: 'Contact',
  fields: { id: 'Id', accountId: 'AccountId', name: 'Name', role: 'Kizuna_Role__c' },
});

describe('soqlStringLiteral', () => {
  it('quotes and escapes so that input stays a value', () => {
    expect(soqlStringLiteral("O'Brien")).toBe("'O\\'Brien'");
    expect(soqlStringLiteral("x' OR Name != '")).toBe("'x\\' OR Name != \\''");
    expect(soqlStringLiteral('back\\slash\nnew')).toBe("'back\\\\slash\\nnew'");
  });
});

describe('selectQuery', () => {
  it('selects exactly the mapped fields and filters by an escaped literal', () => {
    expect(selectQuery({ mapping: contactMapping, where: [{ field: 'AccountId', equals: "001' OR Id != '" }] })).toBe(
      "SELECT Id, AccountId, Name, Kizuna_Role__c FROM Contact WHERE AccountId = '001\\' OR Id != \\''",
    );
  });

  it('joins several conditions with AND and writes null as SOQL null', () => {
    const where = [
      { field: 'AccountId', equals: '001000000000001AAA' },
      { field: 'Kizuna_Role__c', equals: null },
    ];
    expect(selectQuery({ mapping: contactMapping, where, limit: 5 })).toBe(
      "SELECT Id, AccountId, Name, Kizuna_Role__c FROM Contact WHERE AccountId = '001000000000001AAA' AND Kizuna_Role__c = null LIMIT 5",
    );
  });

  it('refuses identifiers that are not CRM API names', () => {
    expect(() => selectQuery({ mapping: contactMapping, where: [{ field: 'Id = 1 OR Id', equals: 'x' }] })).toThrow();
  });
});

describe('isSalesforceId', () => {
  it('accepts 15- and 18-character ids only', () => {
    expect(isSalesforceId('001D000000IRFma')).toBe(true);
    expect(isSalesforceId('001D000000IRFmaIAH')).toBe(true);
    expect(isSalesforceId("001D000000IRFmaIAH' OR")).toBe(false);
    expect(isSalesforceId('001D000000IRFmaI')).toBe(false);
  });
});
