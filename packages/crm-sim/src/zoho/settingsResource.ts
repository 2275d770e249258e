import { requireSettingsScope } from './oauth/scopes';
import type { ZohoSession } from './oauth/zohoOAuth';
import { invalidModule, requiredParamMissing } from './zohoApiError';
import type { ZohoFieldSpec, ZohoFieldType } from './zohoModuleSpecs';
import type { ZohoAnswer, ZohoResourceContext } from './zohoResource';

const jsonTypes: Readonly<Record<ZohoFieldType, string>> = {
  id: 'string',
  text: 'string',
  textarea: 'string',
  email: 'string',
  picklist: 'string',
  multiselectpicklist: 'jsonarray',
  date: 'string',
  datetime: 'string',
  integer: 'integer',
  double: 'double',
  currency: 'double',
  boolean: 'boolean',
  lookup: 'jsonobject',
  ownerlookup: 'jsonobject',
  userlookup: 'jsonobject',
  autonumber: 'string',
};

const labelOf = (apiName: string): string => apiName.replace(/^Kizuna_/, 'Kizuna ').replace(/_/g, ' ');

/**
 * `GET /crm/v8/settings/modules`: the modules with `api_name`, labels, `generated_type`
 * (`default` or `custom`) and `api_supported`. A subset of Zoho's keys (see the README).
 */
export function listModules(ctx: ZohoResourceContext, session: ZohoSession): ZohoAnswer {
  requireSettingsScope(session.scopes, 'modules');
  const modules = ctx.org.store.modules().map((module) => ({
    api_name: module.apiName,
    module_name: module.apiName,
    plural_label: module.apiName === 'Events' ? 'Meetings' : labelOf(module.apiName),
    singular_label: module.apiName === 'Events' ? 'Meeting' : labelOf(module.apiName).replace(/s$/, ''),
    id: ctx.org.store.moduleId(module.apiName),
    generated_type: module.custom ? 'custom' : 'default',
    api_supported: true,
    visible: true,
  }));
  return { status: 200, body: { modules } };
}

function fieldMeta(ctx: ZohoResourceContext, module: string, field: ZohoFieldSpec, index: number): Record<string, unknown> {
  const lookups = field.lookupModules ?? [];
  return {
    api_name: field.apiName,
    field_label: field.apiName === 'id' ? 'Record Id' : labelOf(field.apiName),
    // 19 digits: the module id's first 12, then the field's position.
    id: `${(ctx.org.store.moduleId(module) ?? '').slice(0, 12).padEnd(12, '0')}${String(index + 1).padStart(7, '0')}`,
    data_type: field.type === 'id' ? 'bigint' : field.type,
    json_type: jsonTypes[field.type],
    custom_field: field.apiName.startsWith('Kizuna_') || (ctx.org.store.module(module)?.custom === true && !['id', 'Name', 'Owner', 'Created_Time', 'Modified_Time', 'Created_By', 'Modified_By'].includes(field.apiName)),
    read_only: field.readOnly === true,
    system_mandatory: field.mandatory === true,
    length: field.maxLength ?? null,
    pick_list_values: (field.values ?? []).map((value) => ({ display_value: value, actual_value: value })),
    // `{}` when not unique, as in the v8 OAS getFields example; the unique case's keys are the sim's.
    unique: field.unique === true ? { casesensitive: 'false' } : {},
    lookup: lookups.length === 1 ? { module: { api_name: lookups[0], id: ctx.org.store.moduleId(lookups[0] ?? '') } } : {},
  };
}

/**
 * `GET /crm/v8/settings/fields?module={api_name}`: the module's fields with types, picklist
 * values, lookup targets and uniqueness — a subset of the keys of the v8 OAS getFields example.
 */
export function listFields(ctx: ZohoResourceContext, params: URLSearchParams, session: ZohoSession): ZohoAnswer {
  requireSettingsScope(session.scopes, 'fields');
  const name = params.get('module');
  if (name === null) throw requiredParamMissing('module');
  const module = ctx.org.store.module(name);
  if (module === undefined) throw invalidModule();
  return { status: 200, body: { fields: module.fields.map((field, index) => fieldMeta(ctx, module.apiName, field, index)) } };
}
