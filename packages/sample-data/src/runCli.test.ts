import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, runCli } from './runCli';

describe('parseCliArgs', () => {
  it('reads the generate command', () => {
    expect(parseCliArgs(['generate', '--seed', '3', '--accounts', '500', '--out', 'data', '--effects', 'none'])).toEqual({
      out: 'data',
      options: { seed: 3, accounts: 500, effects: 'none' },
    });
  });

  it('defaults to 200 accounts with planted effects', () => {
    expect(parseCliArgs(['generate', '--seed', '1', '--out', 'x']).options).toEqual({ seed: 1, accounts: 200, effects: 'planted' });
  });

  it.each([
    [['generate', '--out', 'x'], '--seed is required'],
    [['generate', '--seed', '1.5', '--out', 'x'], '--seed must be a whole number'],
    [['generate', '--seed', '1', '--out', 'x', '--effects', 'some'], '--effects must be planted or none'],
    [['make', '--seed', '1', '--out', 'x'], 'the only command is "generate"'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('runCli', () => {
  it('writes the organisation and reports what it wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kizuna-cli-'));
    const lines: string[] = [];
    try {
      const code = await runCli(['generate', '--seed', '2', '--accounts', '10', '--out', dir], {
        log: (line) => lines.push(line),
        error: (line) => lines.push(line),
      });
      expect(code).toBe(0);
      expect((await readFile(join(dir, 'accounts.jsonl'), 'utf8')).trimEnd().split('\n')).toHaveLength(10);
      expect(lines.at(-1)).toMatch(/records, .* MB in/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints the usage and exits with 2 on bad arguments', async () => {
    const errors: string[] = [];
    const code = await runCli(['generate'], { log: () => undefined, error: (line) => errors.push(line) });
    expect(code).toBe(2);
    expect(errors.join('\n')).toContain('Usage: generate --seed N');
  });
});
