import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EntityName } from '@kizuna/model';
import type { SourceRow } from './sourceRow';

/**
 * Streams a JSON Lines file one line at a time (memory stays bounded whatever the file's size).
 * Blank lines are skipped; a line that is not JSON is a broken row. Line numbers start at 1.
 */
export async function* readJsonl(path: string, entity: EntityName): AsyncGenerator<SourceRow> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() === '') continue;
      yield parseLine(text, line, entity);
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

function parseLine(text: string, line: number, entity: EntityName): SourceRow {
  try {
    const value: unknown = JSON.parse(line === 1 ? stripBom(text) : text);
    return { line, kind: 'value', value, issues: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { line, kind: 'broken', issues: [{ entity, field: '(record)', problem: `is not valid JSON (${reason})` }] };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
