import { malformedQuery } from '../salesforceApiError';
import type { SalesforceFieldDescribe } from '../salesforceSchema';
import { formatSalesforceDateTime, type FieldValue, type StoredRecord } from '../storedRecord';
import { followLookup, polymorphicObjectName, resolveField, type PathStep } from './fieldPaths';
import type { JsonQueryResult, JsonRecord, QueryContext } from './queryContext';

/** Runs a parent-to-child subquery for one parent record: `null` when it has no children. */
export type ChildRunner = (parent: StoredRecord) => JsonQueryResult | null;

/** `TYPEOF What WHEN Account THEN … ELSE … END`: a shape per real type of the referenced record. */
export interface TypeofEntry {
  readonly kind: 'typeof';
  readonly key: string;
  readonly step: PathStep;
  /** WHEN branches by lower-cased object name; each node is of that object. */
  readonly branches: ReadonlyMap<string, ProjectionNode>;
  /** The ELSE fields, read from the `Name` object; null without ELSE. */
  readonly otherwise: ProjectionNode | null;
}
export type ProjectionEntry =
  | { readonly kind: 'field'; readonly key: string; readonly field: SalesforceFieldDescribe }
  | { readonly kind: 'parent'; readonly key: string; readonly step: PathStep; readonly node: ProjectionNode }
  | { readonly kind: 'child'; readonly key: string; readonly run: ChildRunner }
  | TypeofEntry;
/** What one record (or one nested parent record) of a result looks like. */
export interface ProjectionNode {
  readonly objectName: string;
  readonly entries: ProjectionEntry[];
}

/** A selected value on the wire: datetimes as `…000+0000`, everything else as stored. */
export function wireValue(field: SalesforceFieldDescribe, value: FieldValue): FieldValue {
  return field.type === 'datetime' && typeof value === 'number' ? formatSalesforceDateTime(value) : value;
}

/** The node reached from `root` through the lookups of `steps`, creating nested parent nodes on the way. */
export function nodeAt(root: ProjectionNode, steps: readonly PathStep[]): ProjectionNode {
  let node = root;
  for (const step of steps) {
    const key = step.lookup.relationshipName ?? step.lookup.name;
    const existing = node.entries.find((entry) => entry.key === key);
    if (existing?.kind === 'typeof') {
      throw malformedQuery(`${key} is selected with TYPEOF and cannot also be referenced in the field list`);
    }
    if (existing?.kind === 'parent') {
      node = existing.node;
    } else {
      const created: ProjectionNode = { objectName: step.targetObject, entries: [] };
      node.entries.push({ kind: 'parent', key, step, node: created });
      node = created;
    }
  }
  return node;
}

/** Adds a (possibly dotted) field path to the projection under `root`. */
export function addPath(ctx: QueryContext, root: ProjectionNode, segments: readonly string[], rawPath: string): void {
  const resolved = resolveField(ctx.source, root.objectName, segments);
  const node = nodeAt(root, resolved.steps);
  if (node.entries.some((entry) => entry.kind === 'field' && entry.key === resolved.field.name)) {
    throw malformedQuery(`duplicate field selected: ${rawPath}`);
  }
  node.entries.push({ kind: 'field', key: resolved.field.name, field: resolved.field });
}

function attributesOf(ctx: QueryContext, objectName: string, record: StoredRecord, realType = objectName): JsonRecord {
  return { type: objectName, url: `/services/data/${ctx.apiVersion}/sobjects/${realType}/${String(record['Id'])}` };
}

function projectTypeof(ctx: QueryContext, entry: TypeofEntry, record: StoredRecord): JsonRecord | null {
  const id = record[entry.step.lookup.name];
  const found = typeof id === 'string' ? ctx.source.recordById(id) : undefined;
  if (found === undefined) return null;
  const branch = entry.branches.get(found.objectName.toLowerCase());
  if (branch !== undefined) return projectNode(ctx, branch, found.record);
  const view = entry.otherwise === null ? null : followLookup(ctx.source, entry.step, record);
  if (entry.otherwise !== null && view !== null) return projectNode(ctx, entry.otherwise, view);
  return { attributes: attributesOf(ctx, found.objectName, found.record) };
}

/** Shapes one record for the wire: `attributes`, then the entries in SELECT order. */
export function projectNode(ctx: QueryContext, node: ProjectionNode, record: StoredRecord): JsonRecord {
  const realType = node.objectName === polymorphicObjectName ? String(record['Type']) : node.objectName;
  const out: JsonRecord = { attributes: attributesOf(ctx, node.objectName, record, realType) };
  for (const entry of node.entries) {
    if (entry.kind === 'field') {
      out[entry.key] = wireValue(entry.field, record[entry.field.name] ?? null);
    } else if (entry.kind === 'parent') {
      const parent = followLookup(ctx.source, entry.step, record);
      out[entry.key] = parent === null ? null : projectNode(ctx, entry.node, parent);
    } else if (entry.kind === 'typeof') {
      out[entry.key] = projectTypeof(ctx, entry, record);
    } else {
      out[entry.key] = entry.run(record);
    }
  }
  return out;
}
