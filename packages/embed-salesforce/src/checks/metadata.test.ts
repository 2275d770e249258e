// The SFDX metadata against the mapping and the model it serves: every field the gateway may read
// or write exists, picklists hold exactly the canonical vocabulary, and each role's permission set
// grants what that role's dashboard reads (and, for account managers, writes) — no more.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_TASK_WRITE_FIELDS, ACTION_KEY_FIELD, gatewayAllowlistOf, salesforceDefaultMapping } from '@kizuna/crm-salesforce';
import {
  accountStatuses,
  channels,
  contactRoles,
  departments,
  feedbackKinds,
  feedbackProgrammes,
  feedbackScales,
  followUpStates,
  journeyStages,
  momentsOfTruth,
} from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../build/bundleConfig';

const defaultDir = join(packageRoot, 'force-app', 'main', 'default');
const allowlist = gatewayAllowlistOf(salesforceDefaultMapping);
const isCustom = (field: string) => field.endsWith('__c');

/** Custom fields of Task and Event are Activity fields in source format. */
function fieldFile(object: string, field: string): string {
  const folder = object === 'Task' || object === 'Event' ? 'Activity' : object;
  return join(defaultDir, 'objects', folder, 'fields', `${field}.field-meta.xml`);
}

const element = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
const picklistValues = (xml: string) => [...xml.matchAll(/<value>\s*<fullName>([^<]*)<\/fullName>/g)].map((match) => match[1]);

function permissionSet(name: string) {
  const xml = readFileSync(join(defaultDir, 'permissionsets', `${name}.permissionset-meta.xml`), 'utf8');
  const fields = new Map<string, { readable: boolean; editable: boolean }>();
  for (const match of xml.matchAll(/<fieldPermissions>([\s\S]*?)<\/fieldPermissions>/g)) {
    const body = match[1] ?? '';
    fields.set(element(body, 'field') ?? '', { readable: element(body, 'readable') === 'true', editable: element(body, 'editable') === 'true' });
  }
  const objects = [...xml.matchAll(/<objectPermissions>([\s\S]*?)<\/objectPermissions>/g)].map((match) => element(match[1] ?? '', 'object'));
  const classes = [...xml.matchAll(/<apexClass>([^<]*)<\/apexClass>/g)].map((match) => match[1]);
  return { fields, objects, classes };
}

/** How a permission set names a field: Activity fields are granted on Task (Salesforce mirrors them onto Event). */
const grantName = (object: string, field: string) => `${object === 'Event' ? 'Task' : object}.${field}`;

describe('Kizuna metadata', () => {
  const customFields = Object.entries(allowlist.objects).flatMap(([object, entry]) => entry.fields.filter(isCustom).map((field) => [object, field] as const));

  it('defines every custom field the gateway may read', () => {
    expect(customFields.length).toBeGreaterThan(40);
    const missing = customFields.filter(([object, field]) => !existsSync(fieldFile(object, field))).map(([object, field]) => `${object}.${field}`);
    expect(missing).toEqual([]);
    for (const object of Object.keys(allowlist.objects).filter(isCustom)) {
      expect(existsSync(join(defaultDir, 'objects', object, `${object}.object-meta.xml`)), object).toBe(true);
    }
  });

  it('defines every custom field an accepted action writes, and the action key as a unique external id', () => {
    for (const field of ACTION_TASK_WRITE_FIELDS.filter(isCustom)) expect(existsSync(fieldFile('Task', field)), field).toBe(true);
    const key = readFileSync(fieldFile('Task', ACTION_KEY_FIELD), 'utf8');
    expect(element(key, 'externalId')).toBe('true');
    expect(element(key, 'unique')).toBe('true');
    expect(element(key, 'type')).toBe('Text');
  });

  it('holds exactly the canonical vocabulary in every picklist Kizuna defines', () => {
    const vocabularies: Array<[string, string, readonly string[]]> = [
      ['Account', 'Kizuna_Status__c', accountStatuses],
      ['Contact', 'Kizuna_Role__c', contactRoles],
      ['Task', 'Kizuna_Channel__c', channels],
      ['Task', 'Kizuna_Department__c', departments],
      ['Task', 'Kizuna_Journey_Stage__c', journeyStages],
      ['Task', 'Kizuna_Moment_Of_Truth__c', momentsOfTruth],
      ['Kizuna_Feedback__c', 'Kind__c', feedbackKinds],
      ['Kizuna_Feedback__c', 'Programme__c', feedbackProgrammes],
      ['Kizuna_Feedback__c', 'Scale__c', Object.keys(feedbackScales)],
      ['Kizuna_Feedback__c', 'Journey_Stage__c', journeyStages],
      ['Kizuna_Feedback__c', 'Channel__c', channels],
      ['Kizuna_Feedback__c', 'Follow_Up_State__c', followUpStates],
    ];
    for (const [object, field, values] of vocabularies) {
      const xml = readFileSync(fieldFile(object, field), 'utf8');
      expect(element(xml, 'type'), field).toBe('Picklist');
      expect(picklistValues(xml), `${object}.${field}`).toEqual([...values]);
    }
  });

  it('keeps the feedback score a second time as text, the field aggregates group by score on (docs/decisions/0004)', () => {
    expect(allowlist.objects['Kizuna_Feedback__c']?.fields).toEqual(expect.arrayContaining(['Score__c', 'Score_Key__c']));
    const key = readFileSync(fieldFile('Kizuna_Feedback__c', 'Score_Key__c'), 'utf8');
    expect(element(key, 'type')).toBe('Text');
    // long enough for every score the Number field holds (precision 3, scale 0)
    const score = readFileSync(fieldFile('Kizuna_Feedback__c', 'Score__c'), 'utf8');
    expect(element(score, 'scale')).toBe('0');
    expect(Number(element(key, 'length'))).toBeGreaterThanOrEqual(Number(element(score, 'precision')));
  });

  it('gives feedback its account relationship as the mapping and the aggregates expect', () => {
    const lookup = readFileSync(fieldFile('Kizuna_Feedback__c', 'Account__c'), 'utf8');
    expect(element(lookup, 'referenceTo')).toBe('Account');
    expect(element(lookup, 'relationshipName')).toBe('Kizuna_Feedback');
    expect(allowlist.objects['Kizuna_Feedback__c']?.parents).toEqual({ Account__r: 'Account' });
  });
});

describe('the permission sets', () => {
  const accountContextObjects = ['Account', 'Contact', 'Task', 'Event', 'Case', 'Opportunity', 'Kizuna_Feedback__c'];
  const readsOf = (objects: readonly string[]) =>
    objects.flatMap((object) => (allowlist.objects[object]?.fields ?? []).filter(isCustom).map((field) => grantName(object, field)));
  const actionFields = ACTION_TASK_WRITE_FIELDS.filter(isCustom).map((field) => `Task.${field}`).concat(`Task.${ACTION_KEY_FIELD}`);
  const sets = ['Kizuna_Account_Manager', 'Kizuna_BU_Leader', 'Kizuna_CX_Leader'] as const;

  it('let every role call the gateway', () => {
    for (const name of sets) expect(permissionSet(name).classes).toEqual(['KizunaGateway']);
  });

  it('let the account manager read the account context and write accepted actions, and nothing of employee pulses', () => {
    const { fields, objects } = permissionSet('Kizuna_Account_Manager');
    for (const field of readsOf(accountContextObjects)) expect(fields.get(field)?.readable, field).toBe(true);
    for (const field of actionFields) expect(fields.get(field)?.editable, field).toBe(true);
    const editable = [...fields].filter(([, grant]) => grant.editable).map(([field]) => field);
    expect(editable.sort()).toEqual([...new Set(actionFields)].sort());
    expect([...fields.keys()].some((field) => field.startsWith('Kizuna_Employee_Pulse__c.'))).toBe(false);
    expect(objects).toEqual(['Kizuna_Feedback__c']);
  });

  it('let the leaders read the portfolio and employee pulses without writing actions', () => {
    for (const name of ['Kizuna_BU_Leader', 'Kizuna_CX_Leader'] as const) {
      const { fields, objects } = permissionSet(name);
      for (const field of readsOf([...accountContextObjects, 'Kizuna_Employee_Pulse__c'])) expect(fields.get(field)?.readable, `${name} ${field}`).toBe(true);
      for (const field of actionFields) expect(fields.get(field)?.editable, `${name} ${field}`).toBe(false);
      expect(objects).toContain('Kizuna_Employee_Pulse__c');
    }
  });

  it('let only the CX leader run the closed loop on feedback', () => {
    const followUp = (name: string) =>
      [...permissionSet(name).fields].filter(([field, grant]) => grant.editable && field.startsWith('Kizuna_Feedback__c.')).map(([field]) => field);
    expect(followUp('Kizuna_CX_Leader').sort()).toEqual(
      ['Follow_Up_Closed__c', 'Follow_Up_Due__c', 'Follow_Up_Owner__c', 'Follow_Up_State__c'].map((field) => `Kizuna_Feedback__c.${field}`),
    );
    expect(followUp('Kizuna_BU_Leader')).toEqual([]);
    expect(followUp('Kizuna_Account_Manager')).toEqual([]);
  });
});
