import type { LiteralType } from '@jetstreamapp/soql-parser-js';
import { malformedQuery, simUnsupported } from '../salesforceApiError';
import { resolveDateLiteral, type DateRange } from './dateLiterals';

/** A WHERE/HAVING literal, decoded from the parser's text form. */
export type Literal =
  | { readonly kind: 'null' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'datetime'; readonly value: number }
  | { readonly kind: 'range'; readonly value: DateRange };

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/**
 * `'O\'Brien'` → `O'Brien`. `\%` and `\_` stay escaped: they only mean something to LIKE.
 * The documented sequences: `\n \r \t \b \f` (either case), `\" \' \\`, and `\uXXXX`.
 */
export function unquote(raw: string): string {
  const body = raw.slice(1, -1);
  return body.replace(/\\(u[0-9A-Fa-f]{4}|.)/gs, (whole, char: string) => {
    if (char === '%' || char === '_') return whole;
    if (char.length === 5) return String.fromCharCode(Number.parseInt(char.slice(1), 16));
    const replacement = escapes[char] ?? (/^[NRTBF]$/.test(char) ? escapes[char.toLowerCase()] : undefined);
    if (replacement === undefined) throw malformedQuery(`Invalid string literal '${raw}'. Illegal character sequence '${whole}' in string literal.`);
    return replacement;
  });
}

/** Parses a SOQL datetime literal (`2026-05-20T20:49:32Z`, `…+0000`, `…+09:00`) to epoch ms. */
export function parseDateTimeLiteral(raw: string): number {
  const normalised = raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const value = Date.parse(normalised);
  if (Number.isNaN(value)) throw malformedQuery(`line 1:0 no viable alternative at character '${raw}'`);
  return value;
}

export function parseLiteral(raw: string, type: LiteralType | undefined, now: number): Literal {
  switch (type) {
    case 'NULL':
      return { kind: 'null' };
    case 'STRING':
      return { kind: 'string', value: unquote(raw) };
    case 'INTEGER':
    case 'DECIMAL':
      return { kind: 'number', value: Number(raw) };
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
      return { kind: 'number', value: Number(raw.slice(3)) };
    case 'BOOLEAN':
      return { kind: 'boolean', value: raw.toUpperCase() === 'TRUE' };
    case 'DATE':
      return { kind: 'date', value: raw };
    case 'DATETIME':
      return { kind: 'datetime', value: parseDateTimeLiteral(raw) };
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL':
      return { kind: 'range', value: resolveDateLiteral(raw, now) };
    default:
      throw simUnsupported(`literal ${raw} of type ${type ?? 'unknown'}`);
  }
}

/** The parser gives one literal type per value, or one shared by all values of an IN list. */
export function parseLiterals(
  raw: string | readonly string[],
  type: LiteralType | readonly LiteralType[] | undefined,
  now: number,
): Literal[] {
  const values = typeof raw === 'string' ? [raw] : raw;
  return values.map((value, index) => parseLiteral(value, Array.isArray(type) ? type[index] : (type as LiteralType | undefined), now));
}
