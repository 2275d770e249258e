import { aggregateFunctions, type AggregateFunction, type CoqlComparator, type CoqlCondition, type CoqlFieldRef, type CoqlLiteral, type CoqlOrder, type CoqlQuery, type CoqlSelectItem } from './coqlAst';
import { ZohoApiError } from '../zohoApiError';
import { coqlSyntaxError, tokenizeCoql, type CoqlToken } from './coqlTokens';

const clauseWords = new Set(['from', 'where', 'group', 'order', 'limit', 'offset']);
const comparators: readonly CoqlComparator[] = ['=', '!=', '<', '>', '<=', '>='];

/**
 * A recursive-descent parser for COQL's `select … from … where … group by … order by … limit
 * [offset,] count [offset n]` (v7/v8 COQL overview; reference §B). Grammar points that matter:
 * keywords are case-insensitive, aggregate names are not (`COUNT`, not `count`); a bracket
 * holds at most one `and`/`or`, so three conditions need `((A and B) and C)`; quoted strings
 * name fields where a field is expected.
 */
export function parseCoql(query: string): CoqlQuery {
  return new CoqlParser(tokenizeCoql(query)).query();
}

class CoqlParser {
  readonly #tokens: readonly CoqlToken[];
  #at = 0;

  constructor(tokens: readonly CoqlToken[]) {
    this.#tokens = tokens;
  }

  #peek(offset = 0): CoqlToken {
    return this.#tokens[Math.min(this.#at + offset, this.#tokens.length - 1)] ?? { kind: 'end', text: '', column: 0 };
  }

  #next(): CoqlToken {
    const token = this.#peek();
    if (token.kind !== 'end') this.#at += 1;
    return token;
  }

  #fail(token: CoqlToken = this.#peek()): never {
    throw coqlSyntaxError({ line: 1, column: token.column, near: token.kind === 'end' ? '' : token.text });
  }

  #isWord(word: string, offset = 0): boolean {
    const token = this.#peek(offset);
    return token.kind === 'word' && token.text.toLowerCase() === word;
  }

  #isSymbol(symbol: string): boolean {
    const token = this.#peek();
    return token.kind === 'symbol' && token.text === symbol;
  }

  #expectWord(word: string): void {
    if (!this.#isWord(word)) this.#fail();
    this.#next();
  }

  #expectSymbol(symbol: string): void {
    if (!this.#isSymbol(symbol)) this.#fail();
    this.#next();
  }

  query(): CoqlQuery {
    // Only SELECT exists in COQL; anything else is "given coql query not supported".
    if (!this.#isWord('select')) throw coqlSyntaxError({}, 'given coql query not supported');
    this.#next();
    const select = this.#list(() => this.#selectItem());
    this.#expectWord('from');
    const moduleToken = this.#next();
    if (moduleToken.kind !== 'word') this.#fail(moduleToken);
    let where: CoqlCondition | null = null;
    if (this.#isWord('where')) {
      this.#next();
      where = this.#condition();
    }
    let groupBy: CoqlFieldRef[] = [];
    if (this.#isWord('group')) {
      this.#next();
      this.#expectWord('by');
      groupBy = this.#list(() => this.#fieldRef());
    }
    let orderBy: CoqlOrder[] = [];
    if (this.#isWord('order')) {
      this.#next();
      this.#expectWord('by');
      orderBy = this.#list(() => this.#orderItem());
    }
    let limit: number | null = null;
    let offset: number | null = null;
    if (this.#isWord('limit')) {
      this.#next();
      const first = this.#integer();
      if (this.#isSymbol(',')) {
        this.#next();
        offset = first;
        limit = this.#integer();
      } else {
        limit = first;
      }
    }
    if (this.#isWord('offset')) {
      if (offset !== null) this.#fail();
      this.#next();
      offset = this.#integer();
    }
    if (this.#peek().kind !== 'end') this.#fail();
    if (where === null) throw coqlSyntaxError({ clause: 'where' }, 'missing clause');
    return { select, module: moduleToken.text, where, groupBy, orderBy, limit, offset };
  }

  #list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.#isSymbol(',')) {
      this.#next();
      items.push(item());
    }
    return items;
  }

  #integer(): number {
    const token = this.#next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) this.#fail(token);
    return Number(token.text);
  }

  #fieldRef(): CoqlFieldRef {
    const token = this.#peek();
    // An aggregate expression may be named in ORDER BY.
    if (token.kind === 'word' && this.#peek(1).kind === 'symbol' && this.#peek(1).text === '(') {
      const fn = this.#aggregate();
      return { text: fn.key, column: token.column };
    }
    if (token.kind === 'string' || (token.kind === 'word' && !clauseWords.has(token.text.toLowerCase()))) {
      this.#next();
      return { text: token.text, column: token.column };
    }
    return this.#fail(token);
  }

  #aggregate(): { fn: AggregateFunction; field: CoqlFieldRef; key: string } {
    const name = this.#next();
    this.#expectSymbol('(');
    const fieldToken = this.#next();
    if (fieldToken.kind !== 'word' && fieldToken.kind !== 'string') this.#fail(fieldToken);
    this.#expectSymbol(')');
    const key = `${name.text}(${fieldToken.text})`;
    // Names are case-sensitive: `count(id)` is as unknown as `TestFunction(Last_Name)` (v8 OAS example).
    const fn = aggregateFunctions.find((candidate) => candidate === name.text);
    if (fn === undefined) throw new ZohoApiError(400, 'INVALID_DATA', 'invalid data', { reason: 'unsupported aggregate function', column: key });
    return { fn, field: { text: fieldToken.text, column: fieldToken.column }, key };
  }

  #alias(): string | null {
    if (!this.#isWord('as')) return null;
    this.#next();
    const token = this.#next();
    if (token.kind !== 'word' && token.kind !== 'string') this.#fail(token);
    return token.text;
  }

  #selectItem(): CoqlSelectItem {
    const token = this.#peek();
    if (token.kind === 'symbol' && token.text === '*') this.#fail(token);
    if (token.kind === 'word' && this.#peek(1).kind === 'symbol' && this.#peek(1).text === '(') {
      const { fn, field, key } = this.#aggregate();
      return { kind: 'aggregate', fn, field, key, alias: this.#alias() };
    }
    const field = this.#fieldRef();
    return { kind: 'field', field, alias: this.#alias() };
  }

  #orderItem(): CoqlOrder {
    const field = this.#fieldRef();
    let direction: 'asc' | 'desc' = 'asc';
    if (this.#isWord('asc') || this.#isWord('desc')) direction = this.#next().text.toLowerCase() === 'desc' ? 'desc' : 'asc';
    return { field, direction };
  }

  /** condition := operand [(and | or) operand] — one connective per bracket level. */
  #condition(): CoqlCondition {
    const left = this.#operand();
    if (this.#isWord('and') || this.#isWord('or')) {
      const op = this.#next().text.toLowerCase() === 'and' ? 'and' : 'or';
      const right = this.#operand();
      if (this.#isWord('and') || this.#isWord('or')) {
        // More than two conditions must be bracketed in pairs (v7/v8 COQL overview).
        throw coqlSyntaxError({ line: 1, column: this.#peek().column, near: this.#peek().text }, 'more than two criteria must be bracketed');
      }
      return { kind: 'logical', op, left, right };
    }
    return left;
  }

  #operand(): CoqlCondition {
    if (this.#isSymbol('(')) {
      this.#next();
      const inner = this.#condition();
      this.#expectSymbol(')');
      return inner;
    }
    return this.#predicate();
  }

  #predicate(): CoqlCondition {
    const field = this.#fieldRef();
    const token = this.#peek();
    const op = token.kind === 'symbol' ? comparators.find((candidate) => candidate === (token.text === '<>' ? '!=' : token.text)) : undefined;
    if (op !== undefined) {
      this.#next();
      return { kind: 'compare', field, op, value: this.#literal() };
    }
    if (this.#isWord('is')) {
      this.#next();
      const negated = this.#isWord('not');
      if (negated) this.#next();
      this.#expectWord('null');
      return { kind: 'null', field, negated };
    }
    const negated = this.#isWord('not');
    if (negated) this.#next();
    if (this.#isWord('like')) {
      this.#next();
      return { kind: 'compare', field, op: negated ? 'not like' : 'like', value: this.#literal() };
    }
    if (this.#isWord('in')) {
      this.#next();
      this.#expectSymbol('(');
      const values = this.#list(() => this.#literal());
      this.#expectSymbol(')');
      return { kind: 'in', field, negated, values };
    }
    if (this.#isWord('between')) {
      this.#next();
      const low = this.#literal();
      this.#expectWord('and');
      return { kind: 'between', field, negated, low, high: this.#literal() };
    }
    return this.#fail();
  }

  #literal(): CoqlLiteral {
    const token = this.#next();
    if (token.kind === 'string') return { kind: 'string', value: token.text };
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text), text: token.text };
    if (token.kind === 'symbol' && token.text === '-') {
      const number = this.#next();
      if (number.kind !== 'number') this.#fail(number);
      return { kind: 'number', value: -Number(number.text), text: `-${number.text}` };
    }
    if (token.kind === 'word' && (token.text.toLowerCase() === 'true' || token.text.toLowerCase() === 'false')) {
      return { kind: 'string', value: token.text.toLowerCase() };
    }
    return this.#fail(token);
  }
}
