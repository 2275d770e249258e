import { describe, expect, it } from 'vitest';
import { exportFileName, toCsv } from './csv';

const table = {
  columns: [
    { key: 'name', label: 'Name' },
    { key: 'score', label: 'Score, 0–10' },
  ],
  rows: [
    { name: 'Sato "Ken"', score: 9 },
    { name: '=HYPERLINK("http://x")', score: null },
    { name: '田中\n花子', score: -3 },
  ],
};

describe('toCsv', () => {
  it('writes RFC 4180 CSV with a byte-order mark, quoting commas, quotes and line breaks', () => {
    expect(toCsv(table)).toBe(
      '\uFEFFName,"Score, 0–10"\r\n"Sato ""Ken""",9\r\n"\'=HYPERLINK(""http://x"")",\r\n"田中\n花子",-3\r\n',
    );
  });

  it('keeps numbers raw (negative numbers are not mistaken for formulas)', () => {
    expect(toCsv({ columns: [{ key: 'v', label: 'v' }], rows: [{ v: -1.5 }, { v: Number.NaN }] })).toBe('\uFEFFv\r\n-1.5\r\n\r\n');
  });
});

describe('exportFileName', () => {
  it('makes a portable name from the title and the date', () => {
    expect(exportFileName('Account health / trend', 'csv', '2026-10-01T00:00:00.000Z')).toBe('Account-health-trend-2026-10-01.csv');
    expect(exportFileName('取引先の健全性', 'png')).toBe('取引先の健全性.png');
    expect(exportFileName('///', 'png')).toBe('kizuna.png');
  });
});
