import type { ConditionWithValueQuery, HavingClause, WhereClause } from '@jetstreamapp/soql-parser-js';
import { unexpectedToken } from '../salesforceApiError';
import type { Predicate } from './conditions';

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { readonly condition: ConditionWithValueQuery };
type Clause = WhereClause | HavingClause;

function repeat(token: '(' | ')', count: number | undefined): Token[] {
  return Array.from({ length: count ?? 0 }, () => token);
}

type ParenthesisedCondition = ConditionWithValueQuery & { openParen?: number; closeParen?: number };

function isCondition(left: unknown): left is ParenthesisedCondition {
  return typeof left === 'object' && left !== null && ('field' in left || 'fn' in left);
}

/**
 * The parser returns WHERE as a right-leaning chain with paren counts on each condition;
 * this turns it back into the token sequence the user wrote.
 */
function tokensOf(clause: Clause): Token[] {
  const tokens: Token[] = [];
  let node: Clause | undefined = clause;
  while (node !== undefined) {
    const left: unknown = node.left;
    if (isCondition(left)) {
      tokens.push(...repeat('(', left.openParen), { condition: left }, ...repeat(')', left.closeParen));
    } else if (typeof left === 'object' && left !== null && 'openParen' in left) {
      tokens.push(...repeat('(', (left as { openParen: number }).openParen));
    }
    const operator = 'operator' in node ? node.operator : undefined;
    if (operator !== undefined) tokens.push(operator);
    node = 'right' in node ? node.right : undefined;
  }
  return tokens;
}

function describe(token: Token | undefined): string | null {
  if (token === undefined) return null;
  return typeof token === 'string' ? token : 'condition';
}

/**
 * Builds the predicate of a WHERE or HAVING clause with SOQL's rules: AND and OR may not be
 * mixed without parentheses, NOT may only open the clause or a parenthesised group, and NOT
 * applies to the condition or group right after it.
 */
export function compileBooleanExpression<TRow>(
  clause: Clause,
  compileCondition: (condition: ConditionWithValueQuery) => Predicate<TRow>,
): Predicate<TRow> {
  const tokens = tokensOf(clause);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];

  const primary = (groupStart: boolean): Predicate<TRow> => {
    const token = peek();
    position += 1;
    if (token === 'NOT' && groupStart) {
      const inner = primary(false);
      return (row) => !inner(row);
    }
    if (token === '(') {
      const inner = expression();
      if (peek() !== ')') throw unexpectedToken(describe(peek()));
      position += 1;
      return inner;
    }
    if (token === undefined || typeof token === 'string') throw unexpectedToken(describe(token));
    return compileCondition(token.condition);
  };

  const expression = (): Predicate<TRow> => {
    const operands = [primary(true)];
    let joiner: 'AND' | 'OR' | undefined;
    for (let next = peek(); next === 'AND' || next === 'OR'; next = peek()) {
      if (joiner !== undefined && next !== joiner) throw unexpectedToken(next);
      joiner = next;
      position += 1;
      operands.push(primary(false));
    }
    if (operands.length === 1 && operands[0] !== undefined) return operands[0];
    return joiner === 'OR' ? (row) => operands.some((p) => p(row)) : (row) => operands.every((p) => p(row));
  };

  const predicate = expression();
  if (position !== tokens.length) throw unexpectedToken(describe(peek()));
  return predicate;
}
