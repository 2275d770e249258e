import { issueMessage } from '@kizuna/model';
import { z } from 'zod/mini';

/** One problem in a configuration: the dotted path of the setting and what is wrong with it. */
export interface ConfigIssue {
  /** e.g. `measures.2.points.1.value`; `(config)` when the whole configuration is wrong. */
  readonly path: string;
  readonly message: string;
}

export type ConfigParseResult<T> =
  | { readonly ok: true; readonly config: T }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/** Thrown by the `assert…Config` functions; the `parse…Config` functions return the issues as data. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly subject: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(`Invalid ${subject}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown setting(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}

/** Turns zod's issues into path + message pairs a person can act on. */
export function configIssuesOf(error: z.core.$ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(config)' : issue.path.map(String).join('.'),
    message: messageOf(issue),
  }));
}

/**
 * Validates `input` against `schema` (a `zod/mini` or classic zod schema); never throws. Issues
 * without a message of their own are worded by the model's `issueMessage`.
 */
export function parseWithSchema<TSchema extends z.core.$ZodType>(
  schema: TSchema,
  input: unknown,
): ConfigParseResult<z.output<TSchema>> {
  // reportInput: without it issues carry no `input`, and a wrong type could not be told from a missing value.
  const result = z.safeParse(schema, input, { reportInput: true, error: issueMessage });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, issues: configIssuesOf(result.error) };
}
