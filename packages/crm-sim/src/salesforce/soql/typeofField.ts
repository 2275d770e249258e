import type { FieldTypeOf } from '@jetstreamapp/soql-parser-js';
import { malformedQuery } from '../salesforceApiError';
import { pathSegments, polymorphicObjectName, resolveSteps } from './fieldPaths';
import { addPath, nodeAt, type ProjectionNode } from './projectionTree';
import type { QueryContext } from './queryContext';

function branchNode(ctx: QueryContext, objectName: string, fields: readonly string[]): ProjectionNode {
  const node: ProjectionNode = { objectName, entries: [] };
  for (const field of fields) addPath(ctx, node, pathSegments(field, undefined), field);
  return node;
}

/**
 * Adds `TYPEOF What WHEN Account THEN Name, Industry … [ELSE Name] END` to the projection under
 * `root`. WHEN fields are fields of that object (the result has its real `attributes.type`); ELSE
 * fields are fields of the `Name` object, as with `What.Name`. A WHEN object the lookup can point
 * at but the sim does not model (Lead, User, Group) is accepted and never matches.
 */
export function addTypeof(ctx: QueryContext, root: ProjectionNode, typeOf: FieldTypeOf, alias: string | undefined): void {
  const steps = resolveSteps(ctx.source, root.objectName, pathSegments(typeOf.field, alias));
  const last = steps[steps.length - 1];
  if (last === undefined || last.targetObject !== polymorphicObjectName) {
    throw malformedQuery(`TYPEOF needs a polymorphic relationship field: ${typeOf.field}`);
  }
  const node = nodeAt(root, steps.slice(0, -1));
  const key = last.lookup.relationshipName ?? last.lookup.name;
  if (node.entries.some((entry) => entry.key === key)) {
    throw malformedQuery(`${key} is selected with TYPEOF and cannot also be referenced in the field list`);
  }
  const targets = new Map(last.lookup.referenceTo.map((name) => [name.toLowerCase(), name]));
  const branches = new Map<string, ProjectionNode>();
  const seen = new Set<string>();
  let otherwise: ProjectionNode | null = null;
  for (const condition of typeOf.conditions) {
    if (condition.type === 'ELSE') {
      otherwise = branchNode(ctx, polymorphicObjectName, condition.fieldList);
      continue;
    }
    const objectType = condition.objectType ?? '';
    const target = targets.get(objectType.toLowerCase());
    if (target === undefined) throw malformedQuery(`${key} cannot reference ${objectType}`);
    if (seen.has(target)) throw malformedQuery(`duplicate WHEN ${objectType} in TYPEOF ${key}`);
    seen.add(target);
    const modelled = ctx.source.schema.object(target);
    if (modelled !== undefined) branches.set(target.toLowerCase(), branchNode(ctx, modelled.name, condition.fieldList));
  }
  node.entries.push({ kind: 'typeof', key, step: last, branches, otherwise });
}
