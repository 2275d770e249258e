import type { z } from 'zod/mini';

/**
 * Plain-English wording for a validation issue whose schema gives no message of its own, phrased
 * to follow a field name: "score: must be a number, not text". Pass it as the `error` of a parse
 * (`schema.safeParse(input, { error: issueMessage })`): a message written on a schema or check
 * still wins. Kizuna's schemas use `zod/mini`, which ships no wording of its own, so every parse
 * whose messages reach a person goes through this.
 */
export const issueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${kindName(issue.expected)}, not ${kindName(kindOf(issue.input))}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return `must ${bound(issue.origin, issue.exact === true ? 'exactly' : issue.inclusive === false ? 'less than' : 'at most', issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1 && issue.inclusive !== false && issue.exact !== true) return 'must not be empty';
      return `must ${bound(issue.origin, issue.exact === true ? 'exactly' : issue.inclusive === false ? 'more than' : 'at least', issue.minimum)}`;
    case 'invalid_format':
      return formatWords[issue.format] ?? (issue.pattern === undefined ? `must be a valid ${issue.format}` : `must match ${issue.pattern}`);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'is not a valid key';
    case 'invalid_element':
      return 'holds an invalid value';
    case 'invalid_union':
      return issue.inclusive === false ? 'matches more than one allowed form' : 'matches none of the allowed forms';
    default:
      return 'is not valid';
  }
};

const formatWords: Readonly<Record<string, string>> = {
  email: 'must be an e-mail address',
  datetime: 'must be an ISO 8601 date-time',
  date: 'must be a date YYYY-MM-DD',
  time: 'must be a time HH:MM[:SS]',
  url: 'must be a URL',
};

const kindNames: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  tuple: 'a list',
  null: 'null',
  nan: 'NaN',
  date: 'a date',
  bigint: 'a big integer',
};

function kindName(kind: string): string {
  return kindNames[kind] ?? kind;
}

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

/** What a size counts, singular and plural, by the kind of value measured. */
const units: Readonly<Record<string, readonly [string, string]>> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  map: ['entry', 'entries'],
  file: ['byte', 'bytes'],
};

/** "be at most 64" or, for sizes, "have at most 64 characters". */
function bound(origin: string, relation: string, limit: number | bigint): string {
  const unit = units[origin];
  return unit === undefined ? `be ${relation} ${limit}` : `have ${relation} ${limit} ${unit[Number(limit) === 1 ? 0 : 1]}`;
}
