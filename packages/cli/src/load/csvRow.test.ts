import { describe, expect, it } from 'vitest';
import { compileHeader, CsvFileProblem } from './csvRecord';
import { convertCsvRow } from './csvRow';

const feedbackHeader = [
  'id', 'accountId', 'contactId', 'kind', 'programme', 'scale', 'score', 'respondedAt',
  'driverScores', 'driverScores.product_quality', 'followUp.state', 'followUp.dueAt', 'comment',
];

function feedbackRow(overrides: Readonly<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    id: 'fb-1', accountId: 'acc-1', contactId: '', kind: 'nps', programme: 'relationship', scale: 'nps_0_10',
    score: '9', respondedAt: '2026-03-04T05:06:07.000Z', driverScores: '{"documentation": 7}',
    'driverScores.product_quality': '8.5', 'followUp.state': 'not_required', 'followUp.dueAt': '', comment: '',
  };
  return feedbackHeader.map((name) => overrides[name] ?? base[name] ?? '');
}

describe('CSV rows become model records by the schema', () => {
  const header = compileHeader('feedback', feedbackHeader);

  it('converts numbers, nests dotted columns, merges JSON text with dotted map cells and leaves empty cells out', () => {
    expect(convertCsvRow(header, feedbackRow())).toEqual({
      record: {
        id: 'fb-1', accountId: 'acc-1', kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score: 9,
        respondedAt: '2026-03-04T05:06:07.000Z', driverScores: { documentation: 7, product_quality: 8.5 },
        followUp: { state: 'not_required' },
      },
      issues: [],
    });
  });

  it('names the field and the text when a cell is not what the field holds', () => {
    const { issues } = convertCsvRow(header, feedbackRow({ score: 'nine', driverScores: '{oops', 'driverScores.product_quality': '1,5' }));
    expect(issues).toEqual([
      { entity: 'feedback', field: 'score', problem: 'must be a number (got "nine")' },
      { entity: 'feedback', field: 'driverScores', problem: expect.stringMatching(/^is not valid JSON \(/) },
      { entity: 'feedback', field: 'driverScores.product_quality', problem: 'must be a number (got "1,5")' },
    ]);
  });

  it('reads booleans as true/false or 1/0 in any case, and an empty required text cell as the empty string', () => {
    const caseHeader = compileHeader('supportCase', ['id', 'subject', 'escalated', 'slaResolutionHours']);
    expect(convertCsvRow(caseHeader, ['c-1', '', 'TRUE', ' 24 ']).record).toEqual({ id: 'c-1', subject: '', escalated: true, slaResolutionHours: 24 });
    expect(convertCsvRow(caseHeader, ['c-2', 'x', '0', '']).record).toEqual({ id: 'c-2', subject: 'x', escalated: false });
    expect(convertCsvRow(caseHeader, ['c-3', 'x', 'yes', '']).issues).toEqual([
      { entity: 'supportCase', field: 'escalated', problem: 'must be true or false (got "yes")' },
    ]);
  });

  it('gives map fields with no cell an empty map, and reads arrays as JSON text', () => {
    const actionHeader = compileHeader('action', ['id', 'reasons']);
    expect(convertCsvRow(actionHeader, ['a-1', '["renewal in 30 days","NPS fell"]']).record).toEqual({ id: 'a-1', reasons: ['renewal in 30 days', 'NPS fell'] });
    expect(convertCsvRow(compileHeader('employeePulse', ['id', 'enps.promoters']), ['p-1', '3']).record).toEqual({ id: 'p-1', enps: { promoters: 3 }, itemMeans: {} });
  });

  it('passes unknown columns through (validation rejects the rows that fill them) and lists them once', () => {
    const withExtra = compileHeader('segment', ['id', 'name', 'colour']);
    expect(withExtra.unknownColumns).toEqual(['colour']);
    expect(convertCsvRow(withExtra, ['s-1', 'SMB', 'red']).record).toEqual({ id: 's-1', name: 'SMB', colour: 'red' });
  });

  it('refuses a header that names a column twice or leaves one unnamed', () => {
    expect(() => compileHeader('segment', ['id', 'name', 'id'])).toThrowError(CsvFileProblem);
    expect(() => compileHeader('segment', ['id', ''])).toThrowError(/column 2 has no name/);
  });
});
