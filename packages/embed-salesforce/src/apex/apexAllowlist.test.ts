import { gatewayAllowlistOf, salesforceDefaultMapping } from '@kizuna/crm-salesforce';
import { describe, expect, it } from 'vitest';
import { apexAllowlistClass } from './apexAllowlist';

const classFile = new URL('../../force-app/main/default/classes/KizunaAllowlist.cls', import.meta.url).pathname;

describe('apexAllowlistClass', () => {
  const allowlist = gatewayAllowlistOf(salesforceDefaultMapping);

  it('is the deployed KizunaAllowlist class, so the gateway allows exactly what the bridge sends', async () => {
    await expect(apexAllowlistClass(allowlist)).toMatchFileSnapshot(classFile);
  });

  it('lists every mapped object with its fields, the account children and the upsert', () => {
    const apex = apexAllowlistClass(allowlist);
    expect(apex).toContain("'Kizuna_Feedback__c' => new Set<String>{ ");
    expect(apex).toMatch(/'Account' => new Map<String, String>\{ 'Cases' => 'Case', 'Contacts' => 'Contact', 'Opportunities' => 'Opportunity' \}/);
    expect(apex).toMatch(/'Kizuna_Feedback__c' => new Map<String, String>\{ 'Account__r' => 'Account' \}/);
    expect(apex).toContain("UPSERT_KEY_FIELD = 'Kizuna_Action_Key__c'");
    expect(apex).not.toMatch(/'Kizuna_Action_Key__c', [^}]*\}\s*;\s*\}\s*$/);
  });

  it('quotes names so that no text can leave its string literal', () => {
    const apex = apexAllowlistClass({ objects: { "A'b": { fields: ['x\\y'], children: {}, parents: {} } }, upserts: { Task: { externalIdField: 'K__c', fields: [] } } });
    expect(apex).toContain("'A\\'b' => new Set<String>{ 'x\\\\y' }");
  });

  it('refuses an allowlist with other than one upsert', () => {
    expect(() => apexAllowlistClass({ objects: {}, upserts: {} })).toThrow(/exactly one object/);
  });
});
