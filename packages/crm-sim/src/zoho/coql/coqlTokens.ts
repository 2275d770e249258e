import { ZohoApiError } from '../zohoApiError';

export type CoqlTokenKind = 'word' | 'string' | 'number' | 'symbol' | 'end';

export interface CoqlToken {
  readonly kind: CoqlTokenKind;
  /** The word or symbol as written; a string's content without quotes. */
  readonly text: string;
  /** 1-based column of its first character (COQL errors name `line`, `column`, `near`). */
  readonly column: number;
}

/**
 * SYNTAX_ERROR as COQL answers it (v8 OAS examples): `{line, column, near}` "unexpected token",
 * `{clause}` "missing clause", `{}` "given coql query not supported".
 */
export function coqlSyntaxError(details: Readonly<Record<string, unknown>>, message = 'unexpected token'): ZohoApiError {
  return new ZohoApiError(400, 'SYNTAX_ERROR', message, details);
}

const wordStart = /[A-Za-z_$]/;
const wordPart = /[A-Za-z0-9_$.]/;
const symbols = ['!=', '<>', '<=', '>=', '=', '<', '>', '(', ')', ',', '*', '-'];

/**
 * Splits a COQL query into words (keywords, field paths such as `Account_Name.Industry`),
 * quoted strings (values, or quoted field names such as `'What_Id->Accounts.Account_Name'`),
 * numbers and symbols. Strings take `\'` or a doubled `''` for a quote inside.
 */
export function tokenizeCoql(query: string): CoqlToken[] {
  const tokens: CoqlToken[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const column = i + 1;
    if (ch === "'" || ch === '"') {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= query.length) throw coqlSyntaxError({ line: 1, column, near: query.slice(i, i + 20) });
        const c = query.charAt(j);
        if (c === '\\' && j + 1 < query.length) {
          text += query.charAt(j + 1);
          j += 2;
        } else if (c === ch && query.charAt(j + 1) === ch) {
          text += ch;
          j += 2;
        } else if (c === ch) {
          j += 1;
          break;
        } else {
          text += c;
          j += 1;
        }
      }
      tokens.push({ kind: 'string', text, column });
      i = j;
    } else if (/\d/.test(ch)) {
      const match = /^\d+(?:\.\d+)?/.exec(query.slice(i));
      const text = match?.[0] ?? ch;
      tokens.push({ kind: 'number', text, column });
      i += text.length;
    } else if (wordStart.test(ch)) {
      let j = i + 1;
      while (j < query.length && wordPart.test(query.charAt(j))) j += 1;
      tokens.push({ kind: 'word', text: query.slice(i, j), column });
      i = j;
    } else {
      const symbol = symbols.find((s) => query.startsWith(s, i));
      if (symbol === undefined) throw coqlSyntaxError({ line: 1, column, near: ch });
      tokens.push({ kind: 'symbol', text: symbol, column });
      i += symbol.length;
    }
  }
  tokens.push({ kind: 'end', text: '', column: query.length + 1 });
  return tokens;
}
