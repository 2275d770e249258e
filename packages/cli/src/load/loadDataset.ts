import { entityLabels, parseEntity, type CanonicalDataset, type EntityName, type EntityOf, type ValidationIssue } from '@kizuna/model';
import { CsvFileProblem } from './csvRecord';
import { FileReportBuilder, type FileReport } from './fileReport';
import { locateFiles, NoInputError, type IgnoredFile, type LocatedFile } from './locateFiles';
import { readCsv } from './readCsv';
import { readJsonl } from './readJsonl';
import { IdIndex, loadOrder, referenceIssues, uncheckedTargets } from './references';
import type { FileNote, SourceRow } from './sourceRow';

/** What was read from the data directory, file by file. */
export interface LoadReport {
  /** The data directory as given. */
  readonly dir: string;
  /** One report per file read, in the order read. */
  readonly files: readonly FileReport[];
  /** Entities with no file (their data is empty). */
  readonly missing: readonly EntityName[];
  /** `.jsonl`/`.csv` files in the directory that are not a dataset's file. */
  readonly ignored: readonly IgnoredFile[];
}

export interface LoadedData {
  readonly dataset: CanonicalDataset;
  readonly report: LoadReport;
}

type Sinks = { readonly [TName in EntityName]: EntityOf<TName>[] };

function emptySinks(): Sinks {
  return {
    businessUnit: [], productLine: [], segment: [], team: [], account: [], contact: [],
    touchpoint: [], feedback: [], supportCase: [], opportunity: [], employeePulse: [], action: [],
  };
}

function datasetOf(sinks: Sinks): CanonicalDataset {
  return {
    businessUnits: sinks.businessUnit, productLines: sinks.productLine, segments: sinks.segment, teams: sinks.team,
    accounts: sinks.account, contacts: sinks.contact, touchpoints: sinks.touchpoint, feedback: sinks.feedback,
    supportCases: sinks.supportCase, opportunities: sinks.opportunity, employeePulses: sinks.employeePulse, actions: sinks.action,
  };
}

function rowsOf(file: LocatedFile): AsyncGenerator<SourceRow | FileNote> {
  return file.format === 'csv' ? readCsv(file.path, file.entity) : readJsonl(file.path, file.entity);
}

/** Conversion problems first; validation issues about the same fields would only repeat them. */
function mergeIssues(conversion: readonly ValidationIssue[], validation: readonly ValidationIssue[]): ValidationIssue[] {
  const fields = new Set(conversion.map((issue) => issue.field));
  return [...conversion, ...validation.filter((issue) => !fields.has(issue.field))];
}

function acceptRow<TName extends EntityName>(entity: TName, row: SourceRow, sink: EntityOf<TName>[], index: IdIndex, report: FileReportBuilder): void {
  if (row.kind === 'broken') return report.reject(row.line, row.issues);
  const result = parseEntity(entity, row.value);
  if (!result.ok || row.issues.length > 0) return report.reject(row.line, mergeIssues(row.issues, result.ok ? [] : result.issues));
  const record = result.value;
  const { id } = record;
  if (!index.add(entity, id)) {
    return report.reject(row.line, [{ entity, field: 'id', problem: `${id} is already on an earlier row (duplicate not used)` }]);
  }
  report.use(row.line, referenceIssues(entity, record, index));
  sink.push(record);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readFile<TName extends EntityName>(entity: TName, file: LocatedFile, sinks: Sinks, index: IdIndex): Promise<FileReport> {
  const report = new FileReportBuilder(entity, file.shownPath, file.format);
  const sink: EntityOf<TName>[] = sinks[entity];
  for (const target of uncheckedTargets(entity, index)) {
    report.note(`references to ${entityLabels[target].toLowerCase()}s not checked: none were loaded`);
  }
  try {
    for await (const row of rowsOf(file)) {
      if (row.kind === 'note') report.note(row.message);
      else acceptRow(entity, row, sink, index, report);
    }
  } catch (error) {
    if (!(error instanceof CsvFileProblem)) throw new NoInputError(`cannot read ${file.shownPath}: ${describeError(error)}`);
    report.fail(error.message);
  }
  return report.build();
}

/**
 * Reads every entity's file in `dir` (JSONL or CSV), streaming, validating each row with the model:
 * valid rows are used, invalid ones reported with their line and reasons, unknown references kept
 * and reported as warnings. Throws {@link NoInputError} when the directory or a file cannot be read.
 */
export async function loadDataset(dir: string, shownDir: string): Promise<LoadedData> {
  const located = await locateFiles(dir, shownDir);
  const sinks = emptySinks();
  const index = new IdIndex();
  const files: FileReport[] = [];
  for (const entity of loadOrder) {
    const file = located.files.get(entity);
    if (file !== undefined) files.push(await readFile(entity, file, sinks, index));
  }
  return { dataset: datasetOf(sinks), report: { dir: shownDir, files, missing: located.missing, ignored: located.ignored } };
}
