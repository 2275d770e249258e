import type { ValidationIssue } from '@kizuna/model';

/**
 * One row as read from a file, before validation: a value to validate (with any problems found
 * while converting it), or a row that could not be read at all (bad JSON, broken CSV quoting).
 */
export type SourceRow =
  | { readonly line: number; readonly kind: 'value'; readonly value: unknown; readonly issues: readonly ValidationIssue[] }
  | { readonly line: number; readonly kind: 'broken'; readonly issues: readonly ValidationIssue[] };

/** A file-level note: something about the file as a whole (an unknown CSV column …). */
export interface FileNote {
  readonly kind: 'note';
  readonly message: string;
}
