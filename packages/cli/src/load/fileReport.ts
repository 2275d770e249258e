import type { EntityName, ValidationIssue } from '@kizuna/model';

/** Rows kept per file in the report (the counts are always complete). */
export const REPORTED_ROWS_CAP = 1000;

/** A row and what was wrong with it. */
export interface RowReport {
  readonly line: number;
  readonly issues: readonly ValidationIssue[];
}

export type FileFormat = 'jsonl' | 'csv';

/** What reading one file gave: counts, rejected rows, warnings, notes. */
export interface FileReport {
  readonly entity: EntityName;
  /** The path as shown to the user (under the `--data` argument as given). */
  readonly path: string;
  readonly format: FileFormat;
  /** Non-blank rows (records) read, header excluded. */
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsRejected: number;
  /** Rejected rows in line order, the first {@link REPORTED_ROWS_CAP}. */
  readonly rejected: readonly RowReport[];
  /** Rows used despite a problem (unknown references), the first {@link REPORTED_ROWS_CAP}. */
  readonly warningCount: number;
  readonly warnings: readonly RowReport[];
  /** About the file as a whole (unknown columns, references not checked …). */
  readonly notes: readonly string[];
  /** Set when the file could not be used at all (e.g. a CSV header naming a column twice). */
  readonly problem: string | undefined;
}

const byLine = (a: RowReport, b: RowReport) => a.line - b.line;

/** Collects one file's report while it is read. */
export class FileReportBuilder {
  private rowsRead = 0;
  private rowsUsed = 0;
  private rowsRejected = 0;
  private warningCount = 0;
  private readonly rejected: RowReport[] = [];
  private readonly warnings: RowReport[] = [];
  private readonly notes: string[] = [];
  private problem: string | undefined;

  constructor(
    private readonly entity: EntityName,
    private readonly path: string,
    private readonly format: FileFormat,
  ) {}

  reject(line: number, issues: readonly ValidationIssue[]): void {
    this.rowsRead += 1;
    this.rowsRejected += 1;
    if (this.rejected.length < REPORTED_ROWS_CAP) this.rejected.push({ line, issues });
  }

  use(line: number, warnings: readonly ValidationIssue[]): void {
    this.rowsRead += 1;
    this.rowsUsed += 1;
    if (warnings.length === 0) return;
    this.warningCount += 1;
    if (this.warnings.length < REPORTED_ROWS_CAP) this.warnings.push({ line, issues: warnings });
  }

  note(message: string): void {
    this.notes.push(message);
  }

  fail(problem: string): void {
    this.problem = problem;
  }

  build(): FileReport {
    return {
      entity: this.entity,
      path: this.path,
      format: this.format,
      rowsRead: this.rowsRead,
      rowsUsed: this.rowsUsed,
      rowsRejected: this.rowsRejected,
      rejected: [...this.rejected].sort(byLine),
      warningCount: this.warningCount,
      warnings: [...this.warnings].sort(byLine),
      notes: [...this.notes],
      problem: this.problem,
    };
  }
}
