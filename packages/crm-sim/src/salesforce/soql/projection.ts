import type { FieldType, Subquery } from '@jetstreamapp/soql-parser-js';
import { simUnsupported } from '../salesforceApiError';
import type { StoredRecord } from '../storedRecord';
import { pathSegments } from './fieldPaths';
import { addPath, projectNode, type ChildRunner, type ProjectionNode } from './projectionTree';
import type { JsonRecord, QueryContext } from './queryContext';
import { addTypeof } from './typeofField';

export { wireValue, type ChildRunner } from './projectionTree';
export type ChildCompiler = (objectName: string, subquery: Subquery) => { key: string; run: ChildRunner };

/**
 * Compiles a SELECT list of a record (non-aggregate) query into a function that shapes one
 * record for the wire: `attributes`, then the selected fields in the schema's spelling,
 * parent lookups as nested records (or `null`), child subqueries as nested QueryResults,
 * TYPEOF as a nested record shaped by the referenced record's type.
 */
export function compileProjection(
  ctx: QueryContext,
  objectName: string,
  fields: readonly FieldType[],
  alias: string | undefined,
  compileChild: ChildCompiler,
): (record: StoredRecord) => JsonRecord {
  const root: ProjectionNode = { objectName, entries: [] };
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
        addTypeof(ctx, root, field, alias);
        break;
    }
  }
  return (record) => projectNode(ctx, root, record);
}
