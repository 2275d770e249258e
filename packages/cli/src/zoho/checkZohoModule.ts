import { isCrmError, type CrmError } from '@kizuna/crm-core';
import { coqlSelect, FEEDBACK_PERIOD_FIELD, zohoDefaultMapping, type CoqlCondition, type ZohoGateway } from '@kizuna/crm-zoho';
import { zohoPartFields, type ZohoPullPart } from './zohoPullParts';

export type ZohoModuleStatus =
  | { readonly kind: 'ok'; readonly empty: boolean }
  /** INVALID_MODULE: no such module (or not enabled for this user's profile). */
  | { readonly kind: 'missingObject'; readonly message: string }
  /** INVALID_QUERY naming a column: no such field, or the field is hidden from this profile. */
  | { readonly kind: 'missingFields'; readonly fields: readonly string[] }
  | { readonly kind: 'noAccess'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

const moduleCodes = new Set(['INVALID_TYPE', 'INVALID_FIELD', 'INVALID_QUERY', 'PERMISSION_DENIED']);

async function tryCoql(gateway: ZohoGateway, module: string, fields: readonly string[], where: readonly CoqlCondition[], signal: AbortSignal | undefined): Promise<number | CrmError> {
  try {
    const page = await gateway.coql(coqlSelect({ module, fields: fields.length === 0 ? ['id'] : fields, where, limit: 1 }), signal);
    return page.rows.length;
  } catch (error) {
    if (isCrmError(error) && moduleCodes.has(error.code)) return error;
    throw error;
  }
}

/** The refused fields among `fields`, by bisection (Zoho names one column per refusal). */
async function refusedFields(gateway: ZohoGateway, module: string, fields: readonly string[], signal: AbortSignal | undefined): Promise<string[]> {
  if (fields.length <= 1) return [...fields];
  const middle = Math.ceil(fields.length / 2);
  const found: string[] = [];
  for (const half of [fields.slice(0, middle), fields.slice(middle)]) {
    const answer = await tryCoql(gateway, module, half, [], signal);
    if (typeof answer !== 'number' && answer.code === 'INVALID_FIELD') found.push(...(await refusedFields(gateway, module, half, signal)));
  }
  return found;
}

/** Kizuna's own feedback module also stores each answer's quarter, which quarter cuts group by. */
function storesPeriod(part: ZohoPullPart): boolean {
  return part.mappingKey === 'feedback' && part.mapping.object === zohoDefaultMapping.feedback.object && !zohoPartFields(part).includes(FEEDBACK_PERIOD_FIELD);
}

/** `select id from Accounts where id is not null limit 1`: proves the session (a module error still does). */
export async function probeZohoConnection(gateway: ZohoGateway, module: string, signal: AbortSignal | undefined): Promise<void> {
  await tryCoql(gateway, module, ['id'], [], signal);
}

/**
 * One part, checked with the cheapest call that proves it: a COQL select of every field the pull
 * reads, LIMIT 1. A refused column is found by bisection; a missing module is reported as such.
 */
export async function checkZohoModule(gateway: ZohoGateway, part: ZohoPullPart, signal: AbortSignal | undefined): Promise<ZohoModuleStatus> {
  const fields = [...zohoPartFields(part), ...(storesPeriod(part) ? [FEEDBACK_PERIOD_FIELD] : [])];
  const answer = await tryCoql(gateway, part.mapping.object, fields, [], signal);
  if (typeof answer === 'number') return { kind: 'ok', empty: answer === 0 };
  switch (answer.code) {
    case 'INVALID_TYPE':
      return { kind: 'missingObject', message: answer.message };
    case 'PERMISSION_DENIED':
      return { kind: 'noAccess', message: answer.message };
    case 'INVALID_FIELD': {
      const found = await refusedFields(gateway, part.mapping.object, fields, signal);
      return found.length > 0 ? { kind: 'missingFields', fields: found } : { kind: 'refused', message: answer.message };
    }
    default:
      return { kind: 'refused', message: answer.message };
  }
}

function canonicalOf(part: ZohoPullPart, field: string): string[] {
  const fed = Object.entries(part.mapping.fields)
    .filter(([, source]) => (typeof source === 'string' ? source === field : source.includes(field)))
    .map(([canonical]) => canonical);
  if (fed.length === 0 && part.skipWhenSet === field) return ['(filter)'];
  return fed.length === 0 && storesPeriod(part) && field === FEEDBACK_PERIOD_FIELD ? ['the quarter of respondedAt, for period cuts'] : fed;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** What to do about a status, in words; empty when nothing needs doing. */
export function zohoFixFor(part: ZohoPullPart, status: ZohoModuleStatus): string {
  const { object } = part.mapping;
  switch (status.kind) {
    case 'ok':
      return '';
    case 'missingObject':
      return zohoDefaultMapping[part.mappingKey].object === object
        ? `${object} does not exist or this user's profile cannot read it: create Kizuna's layout (docs/crm/zoho-layout.md), or map ${part.datasetKey} to your module in a mapping file (--mapping); then give the profile Read access`
        : `${object} does not exist or this user's profile cannot read it: check the module's API name in the mapping file, and give the profile Read access`;
    case 'missingFields': {
      const named = status.fields.map((field) => {
        const canonical = canonicalOf(part, field);
        return canonical.length === 0 ? `${object}.${field}` : `${object}.${field} (${canonical.join(', ')})`;
      });
      const verb = status.fields.length === 1 ? 'does not exist or is hidden from this profile' : 'do not exist or are hidden from this profile';
      return `${list(named)} ${verb}: create the field(s) as in docs/crm/zoho-layout.md, or map them to your own fields in a mapping file (null un-maps an optional field), and make them visible to the profile`;
    }
    case 'noAccess':
      return `this user may not read ${object}: give the profile Read access (Zoho: ${status.message})`;
    case 'refused':
      return `Zoho refused the query Kizuna builds from the mapping: ${status.message}`;
  }
}

export function zohoStatusWord(status: ZohoModuleStatus): string {
  switch (status.kind) {
    case 'ok':
      return status.empty ? 'ok (no records)' : 'ok';
    case 'missingObject':
      return 'missing module';
    case 'missingFields':
      return status.fields.length === 1 ? 'missing field' : `${status.fields.length} missing fields`;
    case 'noAccess':
      return 'no access';
    case 'refused':
      return 'query refused';
  }
}
