import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import type { EntityName } from '@kizuna/model';
import { parse, type CsvError } from 'csv-parse';
import { compileHeader, type CsvHeader } from './csvRecord';
import { convertCsvRow } from './csvRow';
import type { FileNote, SourceRow } from './sourceRow';

function isCells(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((cell) => typeof cell === 'string');
}

/**
 * Line numbers as an editor shows them. csv-parse counts lines up to a record's end, and counts a
 * CRLF inside a quoted cell as two lines: the counter takes that drift out and steps back over
 * the record's own line breaks to the line it starts on. Called in parse order (csv-parse's
 * synchronous `on_record` and `on_skip` hooks), so the drift is always up to date.
 */
class LineCounter {
  private drift = 0;

  startOf(cells: readonly string[], lines: number): number {
    let breaks = 0;
    for (const cell of cells) {
      breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
      this.drift += cell.match(/\r\n/g)?.length ?? 0;
    }
    return lines - this.drift - breaks;
  }

  atError(lines: number): number {
    return lines - this.drift;
  }
}

function brokenRow(entity: EntityName, error: CsvError | undefined, line: number): SourceRow {
  const reason = error?.message ?? 'unreadable CSV record';
  return { line, kind: 'broken', issues: [{ entity, field: '(record)', problem: `is not a readable CSV record (${reason})` }] };
}

function unknownColumnsNote(header: CsvHeader): FileNote[] {
  if (header.unknownColumns.length === 0) return [];
  const names = header.unknownColumns.join(', ');
  return [{ kind: 'note', message: `column(s) ${names} are not fields of the model; rows that fill them are rejected` }];
}

/** Removes and returns the broken rows that come before `line` (they are queued in line order). */
function brokenBefore(queue: SourceRow[], line: number): SourceRow[] {
  const count = queue.findIndex((row) => row.line >= line);
  return queue.splice(0, count < 0 ? queue.length : count);
}

/**
 * Streams a CSV file through csv-parse (quoted fields may span lines, so records are not split on
 * newlines by hand). The first record is the header of the model's field names; every later record
 * becomes a {@link SourceRow}. Records csv-parse cannot read (wrong number of cells, broken
 * quoting) are broken rows with their line; reading goes on with the next record.
 * Throws {@link CsvFileProblem} for a header that cannot be used.
 */
export async function* readCsv(path: string, entity: EntityName): AsyncGenerator<SourceRow | FileNote> {
  const broken: SourceRow[] = [];
  const lines = new LineCounter();
  /** The line each record starts on, noted as csv-parse emits it (records are the arrays it yields). */
  const startLines = new WeakMap<readonly string[], number>();
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (cells, context) => {
      startLines.set(cells, lines.startOf(cells, context.lines));
      return cells;
    },
    on_skip: (error) => {
      const at = typeof error?.['lines'] === 'number' ? error['lines'] : 0;
      broken.push(brokenRow(entity, error, lines.atError(at)));
      return undefined;
    },
  });
  // pipeline (unlike pipe) destroys the parser when the file cannot be read, so the loop below throws.
  pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), parser, () => undefined);
  let header: CsvHeader | undefined;
  for await (const cells of parser as AsyncIterable<unknown>) {
    if (!isCells(cells)) continue;
    const line = startLines.get(cells) ?? 0;
    yield* brokenBefore(broken, line);
    if (header === undefined) {
      header = compileHeader(entity, cells);
      yield* unknownColumnsNote(header);
      continue;
    }
    const { record, issues } = convertCsvRow(header, cells);
    yield { line, kind: 'value', value: record, issues };
  }
  yield* broken.splice(0);
}
