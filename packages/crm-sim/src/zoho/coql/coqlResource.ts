import { requireCoqlScope, requireModuleScope } from '../oauth/scopes';
import type { ZohoSession } from '../oauth/zohoOAuth';
import { ZohoApiError } from '../zohoApiError';
import type { ZohoAnswer, ZohoResourceContext } from '../zohoResource';
import { executeCoql } from './executeCoql';
import { tokenizeCoql } from './coqlTokens';

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Credits by LIMIT: 1–200 → 1, 201–1000 → 2, 1001–2000 → 3 (reference §B, indicative). */
export function coqlCredits(limit: number): number {
  return limit <= 200 ? 1 : limit <= 1000 ? 2 : 3;
}

/** The module a query reads, for the scope check before it runs (the word after `from`). */
function moduleNamed(query: string): string | null {
  const tokens = tokenizeCoql(query);
  const from = tokens.findIndex((token) => token.kind === 'word' && token.text.toLowerCase() === 'from');
  const next = from < 0 ? undefined : tokens[from + 1];
  return next?.kind === 'word' ? next.text : null;
}

/**
 * `POST /crm/v8/coql` with `{"select_query": "…"}`: needs `ZohoCRM.coql.READ` and read access
 * to the module; answers `{data, info: {count, more_records}}`, or 204 with no body when
 * nothing matches (reference §B).
 */
export function runCoql(ctx: ZohoResourceContext, body: unknown, session: ZohoSession): ZohoAnswer {
  requireCoqlScope(session.scopes);
  const query = isObject(body) ? body['select_query'] : undefined;
  // v8 OAS example: MANDATORY_NOT_FOUND `{api_name: "select_query"}` "mandatory key not found".
  if (query === undefined) throw new ZohoApiError(400, 'MANDATORY_NOT_FOUND', 'mandatory key not found', { api_name: 'select_query' });
  if (typeof query !== 'string') throw new ZohoApiError(400, 'INVALID_DATA', 'invalid data', { expected_data_type: 'string', api_name: 'select_query' });
  const moduleName = moduleNamed(query);
  const module = moduleName === null ? undefined : ctx.org.store.module(moduleName);
  if (module !== undefined) requireModuleScope(session.scopes, module, 'READ');
  const result = executeCoql(ctx.org.store, query, ctx.org.timeZone);
  const credits = coqlCredits(result.limit);
  if (result.data.length === 0) return { status: 204, body: null, credits };
  return { status: 200, body: { data: result.data, info: { count: result.data.length, more_records: result.moreRecords } }, credits };
}
