import { describe, expect, it } from 'vitest';
import { salesforceDefaultMapping } from './defaultMapping';
import { parseSalesforceMappingFile } from './mappingFile';

describe('parseSalesforceMappingFile', () => {
  it('applies only what the file changes to the default layout', () => {
    const mapping = parseSalesforceMappingFile({
      version: 1,
      objects: {
        feedback: { object: 'Survey_Answer__c', fields: { score: 'Rating__c', comment: null } },
        contact: { values: { role: { 'Decision Maker': 'decision_maker', '': 'user' } } },
      },
    });
    expect(mapping.feedback.object).toBe('Survey_Answer__c');
    expect(mapping.feedback.fields['score']).toBe('Rating__c');
    expect(mapping.feedback.fields['comment']).toBeUndefined();
    expect(mapping.feedback.fields['respondedAt']).toBe(salesforceDefaultMapping.feedback.fields['respondedAt']);
    expect(mapping.contact.values?.['role']?.['Decision Maker']).toBe('decision_maker');
    expect(mapping.account).toBe(salesforceDefaultMapping.account);
  });

  it('names every problem with its path', () => {
    const attempt = () =>
      parseSalesforceMappingFile({ version: 1, objects: { feedback: { fields: { score: 'Score__c; DELETE' } }, widgets: {} } });
    expect(attempt).toThrowError(/objects\.feedback\.fields\.score: must be a CRM API name/);
    expect(attempt).toThrowError(/unrecognized key|widgets/i);
    expect(() => parseSalesforceMappingFile({ objects: {} })).toThrowError(/version/);
  });
});
