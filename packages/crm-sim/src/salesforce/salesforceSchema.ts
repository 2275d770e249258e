/**
 * A describe-like schema of the simulated org: objects, fields with their types, lookups with
 * their relationship names, and child relationships. The SOQL executor resolves every name
 * through it, so unknown objects and fields fail the way Salesforce fails.
 */
export type SalesforceFieldType =
  | 'id'
  | 'string'
  | 'email'
  | 'picklist'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'double'
  | 'int'
  | 'currency'
  | 'boolean'
  | 'reference';

export interface SalesforceFieldDescribe {
  readonly name: string;
  readonly label: string;
  readonly type: SalesforceFieldType;
  readonly custom: boolean;
  readonly nillable: boolean;
  /** Long text areas cannot be filtered, sorted or grouped. */
  readonly filterable: boolean;
  readonly sortable: boolean;
  readonly groupable: boolean;
  readonly autoNumber: boolean;
  /** Whether a REST create / update may set the field (system, derived and auto-number fields may not). */
  readonly createable: boolean;
  readonly updateable: boolean;
  /** The value a create gets when the body leaves the field out (`Task.Status` → `Not Started`). */
  readonly defaultValue: string | null;
  readonly externalId: boolean;
  readonly unique: boolean;
  readonly picklistValues: readonly string[];
  /** A restricted picklist refuses values outside `picklistValues`; others take free text. */
  readonly restrictedPicklist: boolean;
  /** For references: the object(s) a lookup can point at (more than one: polymorphic). */
  readonly referenceTo: readonly string[];
  /** For references: the name used to traverse the lookup (`Account`, `Account__r`, `What`). */
  readonly relationshipName: string | null;
}

export interface SalesforceChildRelationship {
  readonly relationshipName: string;
  readonly childSObject: string;
  readonly field: string;
}

export interface SalesforceObjectDescribe {
  readonly name: string;
  readonly label: string;
  readonly keyPrefix: string;
  readonly custom: boolean;
  readonly fields: readonly SalesforceFieldDescribe[];
  readonly childRelationships: readonly SalesforceChildRelationship[];
}

/** What an object definition says; the schema derives the rest (labels, child relationships). */
export interface SalesforceFieldSpec {
  readonly name: string;
  readonly type: SalesforceFieldType;
  /** Defaults to the API name without `__c` / `Kizuna_` (Salesforce's own labels for standard fields). */
  readonly label?: string;
  readonly picklistValues?: readonly string[];
  readonly referenceTo?: readonly string[];
  readonly relationshipName?: string;
  /** Name of the child relationship this lookup creates on each object it references. */
  readonly childRelationshipName?: string;
  readonly longText?: boolean;
  readonly autoNumber?: boolean;
  readonly externalId?: boolean;
  /** Unique values (case-insensitive). Defaults to `externalId`. */
  readonly unique?: boolean;
  readonly required?: boolean;
  readonly restricted?: boolean;
  readonly defaultValue?: string;
  /** Set by the org (system, derived or auto-number), never by a write. */
  readonly readOnly?: boolean;
}

export interface SalesforceObjectSpec {
  readonly name: string;
  readonly keyPrefix: string;
  readonly fields: readonly SalesforceFieldSpec[];
}

/** Schema lookups are case-insensitive, as SOQL is; results use the schema's spelling. */
export interface SalesforceSchema {
  readonly objects: readonly SalesforceObjectDescribe[];
  object(name: string): SalesforceObjectDescribe | undefined;
  field(objectName: string, fieldName: string): SalesforceFieldDescribe | undefined;
  /** The lookup field whose relationship name is `relationshipName` (`Account__r` → `Account__c`). */
  parentRelationship(objectName: string, relationshipName: string): SalesforceFieldDescribe | undefined;
  childRelationship(objectName: string, relationshipName: string): SalesforceChildRelationship | undefined;
  objectByKeyPrefix(keyPrefix: string): SalesforceObjectDescribe | undefined;
}

function labelOf(apiName: string): string {
  return apiName
    .replace(/__c$/, '')
    .replace(/^Kizuna_/, '')
    .replace(/_/g, ' ');
}

function describeField(spec: SalesforceFieldSpec): SalesforceFieldDescribe {
  const longText = spec.longText === true;
  const custom = spec.name.endsWith('__c');
  const writable = spec.type !== 'id' && spec.readOnly !== true && spec.autoNumber !== true;
  return {
    name: spec.name,
    label: spec.label ?? labelOf(spec.name),
    type: spec.type,
    custom,
    nillable: spec.type !== 'id' && spec.type !== 'boolean' && spec.required !== true,
    filterable: !longText,
    sortable: !longText,
    groupable: !longText && !['double', 'currency', 'datetime'].includes(spec.type),
    autoNumber: spec.autoNumber === true,
    createable: writable,
    updateable: writable,
    defaultValue: spec.defaultValue ?? null,
    externalId: spec.externalId === true,
    unique: spec.unique ?? spec.externalId === true,
    picklistValues: spec.picklistValues ?? [],
    restrictedPicklist: spec.restricted === true,
    referenceTo: spec.referenceTo ?? [],
    relationshipName: spec.relationshipName ?? null,
  };
}

function childRelationshipsOf(parent: string, specs: readonly SalesforceObjectSpec[]): SalesforceChildRelationship[] {
  const children: SalesforceChildRelationship[] = [];
  for (const child of specs) {
    for (const field of child.fields) {
      if (field.childRelationshipName !== undefined && (field.referenceTo ?? []).includes(parent)) {
        children.push({ relationshipName: field.childRelationshipName, childSObject: child.name, field: field.name });
      }
    }
  }
  return children;
}

function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [keyOf(item).toLowerCase(), item]));
}

/** Builds the schema from object specs (see `salesforceObjectSpecs` for the seeded org's). */
export function createSalesforceSchema(specs: readonly SalesforceObjectSpec[]): SalesforceSchema {
  const objects: SalesforceObjectDescribe[] = specs.map((spec) => ({
    name: spec.name,
    label: labelOf(spec.name),
    keyPrefix: spec.keyPrefix,
    custom: spec.name.endsWith('__c'),
    fields: spec.fields.map(describeField),
    childRelationships: childRelationshipsOf(spec.name, specs),
  }));
  const byName = keyed(objects, (object) => object.name);
  const fieldsByObject = new Map(objects.map((object) => [object.name.toLowerCase(), keyed(object.fields, (f) => f.name)]));
  const parentsByObject = new Map(
    objects.map((object) => [
      object.name.toLowerCase(),
      keyed(
        object.fields.filter((f) => f.relationshipName !== null),
        (f) => f.relationshipName ?? '',
      ),
    ]),
  );
  const childrenByObject = new Map(
    objects.map((object) => [object.name.toLowerCase(), keyed(object.childRelationships, (c) => c.relationshipName)]),
  );
  const byPrefix = new Map(objects.map((object) => [object.keyPrefix, object]));
  return {
    objects,
    object: (name) => byName.get(name.toLowerCase()),
    field: (objectName, fieldName) => fieldsByObject.get(objectName.toLowerCase())?.get(fieldName.toLowerCase()),
    parentRelationship: (objectName, relationshipName) =>
      parentsByObject.get(objectName.toLowerCase())?.get(relationshipName.toLowerCase()),
    childRelationship: (objectName, relationshipName) =>
      childrenByObject.get(objectName.toLowerCase())?.get(relationshipName.toLowerCase()),
    objectByKeyPrefix: (keyPrefix) => byPrefix.get(keyPrefix),
  };
}
