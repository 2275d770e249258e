import type { z } from 'zod/mini';
import { entityLabels, entitySchemas, type EntityName, type EntityOf } from './entities';
import { issueMessage } from './issueMessage';

/** One reason a record was rejected: which entity, which field, what is wrong with it. */
export interface ValidationIssue {
  readonly entity: EntityName;
  /** Dotted path of the field, e.g. `followUp.dueAt`; `(record)` when the record itself is wrong. */
  readonly field: string;
  readonly problem: string;
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

export function formatIssue(issue: ValidationIssue): string {
  return `${entityLabels[issue.entity]} ${issue.field}: ${issue.problem}`;
}

/** Thrown by {@link assertEntity}; {@link parseEntity} returns the same issues as data. */
export class ModelValidationError extends Error {
  override readonly name = 'ModelValidationError';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map(formatIssue).join('; '));
  }
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(record)' : path.map(String).join('.');
}

/** A missing field is "required" even where its schema words a wrong value (e.g. a date's format). */
function problemOf(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
}

/** Validates `input` as a canonical `entity`; never throws. */
export function parseEntity<TName extends EntityName>(entity: TName, input: unknown): ParseResult<EntityOf<TName>> {
  const schema = entitySchemas[entity] as unknown as z.ZodMiniType<EntityOf<TName>>;
  // reportInput: without it issues carry no `input`, and a wrong type could not be told from a missing value.
  const result = schema.safeParse(input, { reportInput: true, error: issueMessage });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ entity, field: fieldOf(issue.path), problem: problemOf(issue) })),
  };
}

/** Validates `input` as a canonical `entity` and returns it typed, or throws a {@link ModelValidationError}. */
export function assertEntity<TName extends EntityName>(entity: TName, input: unknown): EntityOf<TName> {
  const result = parseEntity(entity, input);
  if (!result.ok) throw new ModelValidationError(result.issues);
  return result.value;
}
