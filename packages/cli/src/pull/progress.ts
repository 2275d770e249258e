import type { TextSink } from '../cliIo';
import { formatCount } from '../output/formatKpi';

/** What a pull tells about its progress. */
export interface PullProgress {
  /** A part starts; `before` rows were written by an earlier, interrupted run. */
  start(label: string, before: number): void;
  /** The rows this run's read will return (Salesforce's `totalSize`); for the bar only, never for paging. */
  expect(rows: number): void;
  advance(rows: number): void;
  /** The part is done: one line that stays. */
  done(line: string): void;
}

const barWidth = 24;
const redrawEveryMs = 100;

function bar(done: number, total: number | undefined): string {
  if (total === undefined || total <= 0) return '';
  const filled = Math.min(barWidth, Math.round((done / total) * barWidth));
  return `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] `;
}

/**
 * Progress on stderr. On a terminal: a bar redrawn in place (at most ten times a second) while a
 * part is read, replaced by the part's summary line when it is done. Anywhere else (CI logs, a
 * file): no bar, no carriage returns — only the summary line of each part.
 */
export function createProgress(sink: TextSink, now: () => number = Date.now): PullProgress {
  const tty = sink.isTTY === true;
  let label = '';
  let rows = 0;
  let total: number | undefined;
  let drawnAt = 0;
  const draw = (force: boolean): void => {
    if (!tty || (!force && now() - drawnAt < redrawEveryMs)) return;
    drawnAt = now();
    const counts = total === undefined ? `${formatCount(rows)} rows` : `${formatCount(rows)} / ${formatCount(total)} rows`;
    const line = `  ${label.padEnd(15)} ${bar(rows, total)}${counts}`;
    sink.write(`\r\x1b[2K${line.slice(0, Math.max(20, (sink.columns ?? 80) - 1))}`);
  };
  let before = 0;
  return {
    start(name, already) {
      label = name;
      before = already;
      rows = already;
      total = undefined;
      draw(true);
    },
    expect(count) {
      total = before + count;
      draw(true);
    },
    advance(count) {
      rows += count;
      draw(false);
    },
    done(line) {
      sink.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
  };
}
