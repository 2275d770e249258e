import { describe, expect, it } from 'vitest';
import { parsePreviewArgs } from './previewArgs';

describe('parsePreviewArgs', () => {
  it('resolves --data against the working directory and defaults to the demo port and the data’s own "now"', () => {
    expect(parsePreviewArgs(['--data', 'export'], '/home/analyst')).toEqual({
      kind: 'options',
      options: { dataArg: 'export', dataDir: '/home/analyst/export', port: 5173, asOf: undefined },
    });
    expect(parsePreviewArgs(['--data', '/srv/org', '--port', '0', '--to', '2026-09-30'], '/x')).toEqual({
      kind: 'options',
      options: { dataArg: '/srv/org', dataDir: '/srv/org', port: 0, asOf: '2026-09-30T00:00:00.000Z' },
    });
  });

  it('says what is wrong with the command line', () => {
    expect(parsePreviewArgs([], '/x')).toEqual({ kind: 'usageError', message: '--data DIR is required' });
    expect(parsePreviewArgs(['--data', 'd', '--port', '99999'], '/x')).toMatchObject({ kind: 'usageError', message: expect.stringContaining('--port') });
    expect(parsePreviewArgs(['--data', 'd', '--to', 'soon'], '/x')).toMatchObject({ kind: 'usageError', message: expect.stringContaining('--to') });
    expect(parsePreviewArgs(['--data', 'd', '--open'], '/x')).toMatchObject({ kind: 'usageError' });
    expect(parsePreviewArgs(['--help'], '/x')).toEqual({ kind: 'help' });
  });
});
