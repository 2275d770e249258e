import { invalidField, invalidRelationship } from '../salesforceApiError';
import { createSalesforceSchema, type SalesforceFieldDescribe } from '../salesforceSchema';
import type { FieldValue, StoredRecord } from '../storedRecord';
import type { RecordSource } from './recordSource';

/**
 * The `Name` pseudo-object that polymorphic lookups (`What`, `Who`) traverse: its
 * `attributes.type` is `Name` while `attributes.url` points at the real record.
 */
export const polymorphicObjectName = 'Name';
const nameSchema = createSalesforceSchema([
  {
    name: polymorphicObjectName,
    keyPrefix: '000',
    fields: [
      { name: 'Id', type: 'id' },
      { name: 'Name', type: 'string' },
      { name: 'Type', type: 'string' },
    ],
  },
]);

export interface PathStep {
  /** The lookup field traversed (`AccountId`, `Account__c`, `WhatId`). */
  readonly lookup: SalesforceFieldDescribe;
  /** The object reached: the referenced object, or `Name` for polymorphic lookups. */
  readonly targetObject: string;
}

export interface ResolvedField {
  readonly steps: readonly PathStep[];
  readonly field: SalesforceFieldDescribe;
  /** Dotted path in the schema's spelling, e.g. `Account__r.Name`. */
  readonly canonicalPath: string;
  readonly get: (record: StoredRecord) => FieldValue;
}

/** Splits `a.Account.Name` into segments, dropping a leading FROM-clause alias. */
export function pathSegments(path: string, rootAlias: string | undefined): string[] {
  const segments = path.split('.');
  if (rootAlias !== undefined && segments.length > 1 && segments[0]?.toLowerCase() === rootAlias.toLowerCase()) {
    return segments.slice(1);
  }
  return segments;
}

/** What the `Name` object shows for a record: its name, or a case's number. */
function displayName(record: StoredRecord): FieldValue {
  return record['Name'] ?? record['CaseNumber'] ?? record['Subject'] ?? null;
}

/** The record a lookup points at (for polymorphic lookups, its `Name` view). */
export function followLookup(source: RecordSource, step: PathStep, record: StoredRecord): StoredRecord | null {
  const id = record[step.lookup.name];
  if (typeof id !== 'string') return null;
  const found = source.recordById(id);
  if (found === undefined) return null;
  if (step.targetObject !== polymorphicObjectName) return found.record;
  return { Id: id, Name: displayName(found.record), Type: found.objectName };
}

function fieldOf(source: RecordSource, objectName: string, name: string): SalesforceFieldDescribe {
  const field =
    objectName === polymorphicObjectName
      ? nameSchema.field(polymorphicObjectName, name)
      : source.schema.field(objectName, name);
  if (field === undefined) throw invalidField(name, objectName);
  return field;
}

/** Resolves the steps of a relationship path (all but the last segment) from `objectName`. */
export function resolveSteps(source: RecordSource, objectName: string, relationships: readonly string[]): PathStep[] {
  const steps: PathStep[] = [];
  let current = objectName;
  for (const relationship of relationships) {
    const lookup =
      current === polymorphicObjectName ? undefined : source.schema.parentRelationship(current, relationship);
    const target = lookup?.referenceTo.length === 1 ? lookup.referenceTo[0] : polymorphicObjectName;
    if (lookup === undefined || target === undefined) throw invalidRelationship(relationship);
    steps.push({ lookup, targetObject: target });
    current = target;
  }
  return steps;
}

/** Resolves `Account__r.Name` (already split into segments) against the schema, or throws as Salesforce does. */
export function resolveField(source: RecordSource, objectName: string, segments: readonly string[]): ResolvedField {
  const fieldName = segments[segments.length - 1];
  if (fieldName === undefined || fieldName === '') throw invalidField('', objectName);
  const steps = resolveSteps(source, objectName, segments.slice(0, -1));
  const holder = steps[steps.length - 1]?.targetObject ?? objectName;
  const field = fieldOf(source, holder, fieldName);
  const canonicalPath = [...steps.map((step) => step.lookup.relationshipName ?? ''), field.name].join('.');
  const get = (record: StoredRecord): FieldValue => {
    let current: StoredRecord | null = record;
    for (const step of steps) {
      current = followLookup(source, step, current);
      if (current === null) return null;
    }
    return current[field.name] ?? null;
  };
  return { steps, field, canonicalPath, get };
}
