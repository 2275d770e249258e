import { mappedCrmFields, type ObjectMapping } from '@kizuna/crm-core';
import { ACTION_KEY_FIELD, type ZohoMapping, type ZohoMappingKey } from '@kizuna/crm-zoho';
import { datasetKeys, type EntityName } from '@kizuna/model';

/** The parts a Zoho pull reads, in order: one module each. Tasks, calls and meetings all become touchpoints. */
export const zohoPartIds = ['accounts', 'contacts', 'tasks', 'calls', 'events', 'feedback', 'supportCases', 'opportunities', 'employeePulses', 'actions'] as const;
export type ZohoPartId = (typeof zohoPartIds)[number];

export interface ZohoPullPart {
  readonly id: ZohoPartId;
  readonly entity: EntityName;
  readonly datasetKey: (typeof datasetKeys)[EntityName];
  readonly mappingKey: ZohoMappingKey;
  readonly mapping: ObjectMapping;
  /** A field whose rows are skipped when it holds a value (Tasks that carry an action key are actions). */
  readonly skipWhenSet: string | undefined;
}

function part(id: ZohoPartId, entity: EntityName, mappingKey: ZohoMappingKey, mapping: ZohoMapping, skipWhenSet?: string): ZohoPullPart {
  return { id, entity, datasetKey: datasetKeys[entity], mappingKey, mapping: mapping[mappingKey], skipWhenSet };
}

/** Every part for a mapping. */
export function zohoPullPartsOf(mapping: ZohoMapping): ZohoPullPart[] {
  return [
    part('accounts', 'account', 'account', mapping),
    part('contacts', 'contact', 'contact', mapping),
    part('tasks', 'touchpoint', 'task', mapping, mapping.task.object === 'Tasks' ? ACTION_KEY_FIELD : undefined),
    part('calls', 'touchpoint', 'call', mapping),
    part('events', 'touchpoint', 'event', mapping),
    part('feedback', 'feedback', 'feedback', mapping),
    part('supportCases', 'supportCase', 'supportCase', mapping),
    part('opportunities', 'opportunity', 'opportunity', mapping),
    part('employeePulses', 'employeePulse', 'employeePulse', mapping),
    part('actions', 'action', 'action', mapping),
  ];
}

/** The fields a part reads: the mapping's, and its skip field (`id` comes with every record). */
export function zohoPartFields(pullPart: ZohoPullPart): string[] {
  return [...new Set([...mappedCrmFields(pullPart.mapping), ...(pullPart.skipWhenSet === undefined ? [] : [pullPart.skipWhenSet])])].filter((field) => field !== 'id');
}
