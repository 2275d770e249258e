import { describe, expect, it } from 'vitest';
import { zohoDefaultMapping } from './defaultMapping';
import { parseZohoMappingFile } from './mappingFile';

describe('Zoho mapping files', () => {
  it('override only what differs, in the same format as Salesforce', () => {
    const mapping = parseZohoMappingFile({
      version: 1,
      objects: { feedback: { object: 'CX_Feedback', fields: { score: 'NPS_Score', comment: null } }, event: { fields: { teamId: 'Team_Key' } } },
    });
    expect(mapping.feedback.object).toBe('CX_Feedback');
    expect(mapping.feedback.fields['score']).toBe('NPS_Score');
    expect('comment' in mapping.feedback.fields).toBe(false);
    expect(mapping.event.fields['teamId']).toBe('Team_Key');
    expect(mapping.account).toBe(zohoDefaultMapping.account);
  });

  it('names every problem of a bad file', () => {
    expect(() => parseZohoMappingFile({ version: 1, objects: { meetings: {}, feedback: { object: 'bad name' } } })).toThrow(/objects\.meetings|objects: .*meetings/);
    expect(() => parseZohoMappingFile({ version: 2, objects: {} })).toThrow(/version/);
  });
});
