import { describe, expect, it } from 'vitest';
import { canonicalFixture } from '../testing/canonicalFixture';
import { createSalesforceOrg } from './salesforceOrg';

describe('RecordStore savepoints', () => {
  it('undoes creates and updates since begin(), newest first; nested commits stay undoable by the outer rollback', () => {
    const org = createSalesforceOrg(canonicalFixture());
    const accountId = org.salesforceIdOf('account', 'acc-1');
    org.store.begin();
    const created = org.sobjects.create('Account', { Name: 'Temporary' });
    org.store.begin();
    org.sobjects.update('Account', accountId, { Industry: 'Retail', Kizuna_Segment__c: null });
    org.store.commit();
    expect(org.query(`SELECT Industry FROM Account WHERE Id = '${accountId}'`).records[0]).toMatchObject({ Industry: 'Retail' });
    org.store.rollback();
    expect(org.store.recordById(created)).toBeUndefined();
    expect(org.store.recordById(accountId)?.record).toMatchObject({ Industry: 'Manufacturing', Kizuna_Segment__c: 'seg-ent' });
    expect(org.query('SELECT COUNT() FROM Account').totalSize).toBe(3);
  });

  it('continues the seeded id sequence and auto-numbers', () => {
    const org = createSalesforceOrg(canonicalFixture());
    const id = org.sobjects.create('Kizuna_Feedback__c', { Score__c: 10 });
    expect(id > org.salesforceIdOf('feedback', 'fb-3')).toBe(true);
    expect(org.store.recordById(id)?.record['Name']).toBe('FB-000004');
  });
});
