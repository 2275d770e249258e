import { salesforceDefaultMapping } from '@kizuna/crm-salesforce';
import type { PullPart } from '../crm/pullParts';
import type { ObjectStatus } from './checkObject';

/** The canonical fields a CRM field feeds, for messages: `Score__c` → `score`. */
function canonicalOf(part: PullPart, field: string): string[] {
  const fed = Object.entries(part.mapping.fields)
    .filter(([, source]) => (typeof source === 'string' ? source === field : source.includes(field)))
    .map(([canonical]) => canonical);
  if (fed.length === 0 && part.filters.some((filter) => filter.field === field)) return ['(filter)'];
  return fed;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function missingObjectFix(part: PullPart): string {
  const { object } = part.mapping;
  const isDefault = salesforceDefaultMapping[part.mappingKey].object === object;
  if (!isDefault) {
    return `${object} does not exist or this user cannot read it: check the object's API name in the mapping file, and give the user Read access to it`;
  }
  if (object.endsWith('__c')) {
    return `${object} does not exist or this user cannot read it: deploy Kizuna's package (docs/crm/salesforce-layout.md), or map ${part.datasetKey} to your object in a mapping file (--mapping); then give the user Read access to it`;
  }
  return `this user cannot read ${object}: give it Read access to ${object} (profile or permission set)`;
}

function missingFieldsFix(part: PullPart, fields: readonly string[]): string {
  const { object } = part.mapping;
  const named = fields.map((field) => {
    const canonical = canonicalOf(part, field);
    return canonical.length === 0 ? `${object}.${field}` : `${object}.${field} (${canonical.join(', ')})`;
  });
  const verb = fields.length === 1 ? 'does not exist or field-level security hides it' : 'do not exist or field-level security hides them';
  return `${list(named)} ${verb}: deploy Kizuna's package, or map ${fields.length === 1 ? 'it' : 'them'} to your own fields in a mapping file (null un-maps an optional field), and give the user read access`;
}

/** What to do about a status, in words; empty when nothing needs doing. */
export function fixFor(part: PullPart, status: ObjectStatus): string {
  switch (status.kind) {
    case 'ok':
      return '';
    case 'missingObject':
      return missingObjectFix(part);
    case 'missingFields':
      return missingFieldsFix(part, status.fields);
    case 'noAccess':
      return `this user may not read ${part.mapping.object}: give it Read access in a permission set (Salesforce: ${status.message})`;
    case 'refused':
      return `Salesforce refused the query Kizuna builds from the mapping: ${status.message}`;
  }
}

export function statusWord(status: ObjectStatus): string {
  switch (status.kind) {
    case 'ok':
      return status.empty ? 'ok (no records)' : 'ok';
    case 'missingObject':
      return 'missing object';
    case 'missingFields':
      return status.fields.length === 1 ? 'missing field' : `${status.fields.length} missing fields`;
    case 'noAccess':
      return 'no access';
    case 'refused':
      return 'query refused';
  }
}
