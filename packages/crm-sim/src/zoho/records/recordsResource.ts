import { requireModuleScope } from '../oauth/scopes';
import type { ZohoSession } from '../oauth/zohoOAuth';
import { invalidData, invalidModule, limitExceeded, requiredParamMissing, ZohoApiError } from '../zohoApiError';
import { formatZohoDateTime, parseZohoDateTime } from '../zohoDateTime';
import { isZohoId } from '../zohoIds';
import type { ZohoModuleSpec } from '../zohoModuleSpecs';
import { renderZohoRecord, type JsonObject } from '../zohoRecordJson';
import type { ZohoStoredRecord } from '../zohoRecordStore';
import type { ZohoResourceContext, ZohoAnswer } from '../zohoResource';

// Limits of GET /crm/v8/{module} (v7/v8 get-records; reference §A "Request").
export const maxFieldsPerList = 50;
export const maxPerPage = 200;
/** `page` alone reaches only this many records; past them a page token is needed. */
export const maxDiscreteRecords = 2000;
/** Page tokens reach at most this many records (then Bulk Read). */
export const maxTokenRecords = 100_000;
const sortableFields = ['id', 'Created_Time', 'Modified_Time'] as const;

export function moduleOf(ctx: ZohoResourceContext, name: string): ZohoModuleSpec {
  const module = ctx.org.store.module(name);
  if (module === undefined) throw invalidModule();
  return module;
}

function positiveInteger(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalidData('invalid data', { param_name: name });
  return Number(raw);
}

function compareBy(field: (typeof sortableFields)[number], order: 'asc' | 'desc'): (a: ZohoStoredRecord, b: ZohoStoredRecord) => number {
  const direction = order === 'asc' ? 1 : -1;
  const idOf = (r: ZohoStoredRecord): string => (typeof r['id'] === 'string' ? r['id'] : '');
  // Ids are all 19 digits, so comparing them as text orders them as numbers.
  const byId = (a: ZohoStoredRecord, b: ZohoStoredRecord): number => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
  if (field === 'id') return (a, b) => direction * byId(a, b);
  return (a, b) => {
    const x = typeof a[field] === 'number' ? a[field] : 0;
    const y = typeof b[field] === 'number' ? b[field] : 0;
    return direction * (x - y || byId(a, b));
  };
}

/** The query parameters a page token is bound to: all but `page` and `page_token`, in a stable order. */
function boundParameters(module: string, params: URLSearchParams): string {
  const entries = [...params.entries()].filter(([key]) => key !== 'page' && key !== 'page_token').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${module}?${new URLSearchParams(entries).toString()}`;
}

/**
 * `GET /crm/v8/{module}`: `fields` mandatory (≤ 50), `per_page` ≤ 200, `page` within the first
 * 2,000 records and `page_token` beyond, `sort_by` id/Created_Time/Modified_Time, `ids`.
 * An empty result is `204 No Content` with no body (v8 status-codes).
 */
export function listRecords(
  ctx: ZohoResourceContext,
  moduleName: string,
  params: URLSearchParams,
  session: ZohoSession,
  ifModifiedSince: string | null = null,
): ZohoAnswer {
  const module = moduleOf(ctx, moduleName);
  requireModuleScope(session.scopes, module, 'READ');
  const fieldsParam = params.get('fields');
  if (fieldsParam === null || fieldsParam.trim() === '') throw requiredParamMissing('fields');
  const fields = [...new Set(fieldsParam.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
  if (fields.length > maxFieldsPerList) throw limitExceeded('limit exceeded', { limit: maxFieldsPerList, param_name: 'fields' });
  const perPage = positiveInteger(params, 'per_page') ?? maxPerPage;
  if (perPage > maxPerPage) throw limitExceeded('limit exceeded', { limit: maxPerPage, param_name: 'per_page' });
  const pageToken = params.get('page_token');
  if (pageToken !== null && params.has('page')) {
    throw new ZohoApiError(400, 'AMBIGUITY_DURING_PROCESSING', 'You cannot use both cvid and sort_by, and page and page_token.', { param_name: 'page_token' });
  }
  const sortBy = params.get('sort_by') ?? 'id';
  const sortField = sortableFields.find((name) => name === sortBy);
  if (sortField === undefined) throw invalidData('invalid data', { param_name: 'sort_by', supported_values: [...sortableFields] });
  const sortOrderParam = params.get('sort_order') ?? 'desc';
  if (sortOrderParam !== 'asc' && sortOrderParam !== 'desc') throw invalidData('invalid data', { param_name: 'sort_order', supported_values: ['asc', 'desc'] });
  const boundTo = boundParameters(module.apiName, params);
  const now = ctx.org.store.now();
  let offset: number;
  if (pageToken === null) {
    const page = positiveInteger(params, 'page') ?? 1;
    if (page * perPage > maxDiscreteRecords) {
      throw new ZohoApiError(400, 'DISCRETE_PAGINATION_LIMIT_EXCEEDED', 'You can only get the first 2000 records without using page_token param', {
        limit: maxDiscreteRecords,
      });
    }
    offset = (page - 1) * perPage;
  } else {
    offset = ctx.org.pageTokens.resolve(pageToken, session.userId, boundTo, now).offset;
  }
  if (offset >= maxTokenRecords) {
    throw new ZohoApiError(400, 'PAGINATION_LIMIT_EXCEEDED', 'You can only get upto 100000 records using page_token param', { param_name: 'page_token' });
  }
  // If-Modified-Since: only records modified after it; none → 304 Not Modified (reference §A).
  const since = ifModifiedSince === null ? null : parseZohoDateTime(ifModifiedSince);
  if (ifModifiedSince !== null && since === null) throw invalidData('invalid data', { header_name: 'If-Modified-Since', expected_data_type: 'datetime' });
  const idFilter = params.get('ids');
  const wanted = idFilter === null ? null : new Set(idFilter.split(',').map((id) => id.trim()));
  const rows = ctx.org.store.records(module.apiName).filter((record) => {
    if (wanted !== null && !wanted.has(String(record['id']))) return false;
    const modified = record['Modified_Time'];
    return since === null || (typeof modified === 'number' && modified > since);
  });
  if (since !== null && rows.length === 0) return { status: 304, body: null };
  const sorted = [...rows].sort(compareBy(sortField, sortOrderParam));
  const pageRows = sorted.slice(offset, offset + perPage);
  if (pageRows.length === 0) return { status: 204, body: null };
  const moreRecords = offset + perPage < sorted.length && offset + perPage < maxTokenRecords;
  const expiresAt = now + ctx.org.knobs.pageTokenLifetimeMs;
  const next = moreRecords ? ctx.org.pageTokens.issue(session.userId, boundTo, offset + perPage, expiresAt) : null;
  // On the last page every token key is null (documented samples), so a previous-page token is
  // given only while more records follow.
  const previous = moreRecords && offset > 0 ? ctx.org.pageTokens.issue(session.userId, boundTo, Math.max(0, offset - perPage), expiresAt) : null;
  const data: JsonObject[] = pageRows.map((record) => renderZohoRecord(ctx.org.store, module.apiName, record, fields, ctx.org.timeZone));
  return {
    status: 200,
    body: {
      data,
      info: {
        call: false,
        per_page: perPage,
        next_page_token: next,
        count: data.length,
        sort_by: sortField,
        page: Math.floor(offset / perPage) + 1,
        previous_page_token: previous,
        page_token_expiry: next === null && previous === null ? null : formatZohoDateTime(expiresAt, ctx.org.timeZone),
        sort_order: sortOrderParam,
        email: false,
        more_records: moreRecords,
      },
    },
  };
}

/** `GET /crm/v8/{module}/{id}`: the whole record in `data[0]`; an unknown id is 204. */
export function getRecord(ctx: ZohoResourceContext, moduleName: string, id: string, params: URLSearchParams, session: ZohoSession): ZohoAnswer {
  const module = moduleOf(ctx, moduleName);
  requireModuleScope(session.scopes, module, 'READ');
  if (!isZohoId(id)) throw invalidData('the id given seems to be invalid', { id });
  const found = ctx.org.store.byId(id);
  if (found === undefined || found.module !== module.apiName) return { status: 204, body: null };
  const fieldsParam = params.get('fields');
  const fields = fieldsParam === null ? null : fieldsParam.split(',').map((name) => name.trim()).filter((name) => name !== '');
  return { status: 200, body: { data: [renderZohoRecord(ctx.org.store, module.apiName, found.record, fields, ctx.org.timeZone)] } };
}

/** `GET /crm/v8/{module}/actions/count`: `{"count": N}`, the total `info.count` is not (OAS `Record Count`). */
export function countRecords(ctx: ZohoResourceContext, moduleName: string, session: ZohoSession): ZohoAnswer {
  const module = moduleOf(ctx, moduleName);
  requireModuleScope(session.scopes, module, 'READ');
  return { status: 200, body: { count: ctx.org.store.records(module.apiName).length } };
}
