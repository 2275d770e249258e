import type { FieldType, Subquery } from '@jetstreamapp/soql-parser-js';
import { malformedQuery, simUnsupported } from '../salesforceApiError';
import type { SalesforceFieldDescribe } from '../salesforceSchema';
import { formatSalesforceDateTime, type FieldValue, type StoredRecord } from '../storedRecord';
import { followLookup, pathSegments, polymorphicObjectName, resolveField, type PathStep } from './fieldPaths';
import type { JsonQueryResult, JsonRecord, QueryContext } from './queryContext';

type Entry =
  | { readonly kind: 'field'; readonly key: string; readonly field: SalesforceFieldDescribe }
  | { readonly kind: 'parent'; readonly key: string; readonly step: PathStep; readonly node: Node }
  | { readonly kind: 'child'; readonly key: string; readonly run: ChildRunner };
interface Node {
  readonly objectName: string;
  readonly entries: Entry[];
}

/** Runs a parent-to-child subquery for one parent record: `null` when it has no children. */
export type ChildRunner = (parent: StoredRecord) => JsonQueryResult | null;
export type ChildCompiler = (objectName: string, subquery: Subquery) => { key: string; run: ChildRunner };

/** A selected value on the wire: datetimes as `…000+0000`, everything else as stored. */
export function wireValue(field: SalesforceFieldDescribe, value: FieldValue): FieldValue {
  return field.type === 'datetime' && typeof value === 'number' ? formatSalesforceDateTime(value) : value;
}

function addPath(ctx: QueryContext, root: Node, segments: readonly string[], rawPath: string): void {
  const resolved = resolveField(ctx.source, root.objectName, segments);
  let node = root;
  for (const step of resolved.steps) {
    const key = step.lookup.relationshipName ?? step.lookup.name;
    const existing = node.entries.find((entry) => entry.kind === 'parent' && entry.key === key);
    if (existing?.kind === 'parent') {
      node = existing.node;
    } else {
      const created: Node = { objectName: step.targetObject, entries: [] };
      node.entries.push({ kind: 'parent', key, step, node: created });
      node = created;
    }
  }
  if (node.entries.some((entry) => entry.kind === 'field' && entry.key === resolved.field.name)) {
    throw malformedQuery(`duplicate field selected: ${rawPath}`);
  }
  node.entries.push({ kind: 'field', key: resolved.field.name, field: resolved.field });
}

function attributesOf(ctx: QueryContext, objectName: string, record: StoredRecord): JsonRecord {
  const realType = objectName === polymorphicObjectName ? String(record['Type']) : objectName;
  return {
    type: objectName,
    url: `/services/data/${ctx.apiVersion}/sobjects/${realType}/${String(record['Id'])}`,
  };
}

function projectNode(ctx: QueryContext, node: Node, record: StoredRecord): JsonRecord {
  const out: JsonRecord = { attributes: attributesOf(ctx, node.objectName, record) };
  for (const entry of node.entries) {
    if (entry.kind === 'field') {
      out[entry.key] = wireValue(entry.field, record[entry.field.name] ?? null);
    } else if (entry.kind === 'parent') {
      const parent = followLookup(ctx.source, entry.step, record);
      out[entry.key] = parent === null ? null : projectNode(ctx, entry.node, parent);
    } else {
      out[entry.key] = entry.run(record);
    }
  }
  return out;
}

/**
 * Compiles a SELECT list of a record (non-aggregate) query into a function that shapes one
 * record for the wire: `attributes`, then the selected fields in the schema's spelling,
 * parent lookups as nested records (or `null`), child subqueries as nested QueryResults.
 */
export function compileProjection(
  ctx: QueryContext,
  objectName: string,
  fields: readonly FieldType[],
  alias: string | undefined,
  compileChild: ChildCompiler,
): (record: StoredRecord) => JsonRecord {
  const root: Node = { objectName, entries: [] };
  for (const field of fields) {
    switch (field.type) {
      case 'Field':
        addPath(ctx, root, pathSegments(field.field, alias), field.field);
        break;
      case 'FieldRelationship': {
        // The parser has already dropped a leading FROM alias (`a.Account.Name`).
        addPath(ctx, root, [...field.relationships, field.field], field.rawValue ?? field.field);
        break;
      }
      case 'FieldSubquery': {
        const child = compileChild(objectName, field.subquery);
        root.entries.push({ kind: 'child', key: child.key, run: child.run });
        break;
      }
      case 'FieldFunctionExpression':
        throw simUnsupported(`${field.functionName}() in a non-aggregate SELECT`);
      case 'FieldTypeof':
        throw simUnsupported('TYPEOF');
    }
  }
  return (record) => projectNode(ctx, root, record);
}
