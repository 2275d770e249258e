import { entitySchemas, type EntityName } from '@kizuna/model';
import { z } from 'zod';

/**
 * What a field holds, as far as turning CSV text into a value goes. Derived from the model's own
 * schema (through its JSON Schema), so a field added to the model is read without a change here.
 */
export type FieldShape =
  | { readonly kind: 'text' }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  /** A fixed nested object such as `followUp` or `enps`: dotted columns `followUp.state`. */
  | ObjectShape
  /** A map of named values such as `driverScores`: dotted columns `driverScores.<item>`. */
  | { readonly kind: 'map'; readonly value: FieldShape }
  /** Anything else (arrays such as `reasons`): JSON text in one column. */
  | { readonly kind: 'json' };

export interface ObjectShape {
  readonly kind: 'object';
  readonly fields: ReadonlyMap<string, FieldShape>;
  /** Fields the model requires; an empty CSV cell of a required text field is the empty string. */
  readonly required: ReadonlySet<string>;
}

type JsonSchemaNode = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is JsonSchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeOfNode(node: JsonSchemaNode): FieldShape {
  switch (node['type']) {
    case 'string':
      return { kind: 'text' };
    case 'number':
    case 'integer':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'object':
      return objectShapeOf(node);
    default:
      return { kind: 'json' };
  }
}

function objectShapeOf(node: JsonSchemaNode): FieldShape {
  const properties = node['properties'];
  if (isNode(properties)) {
    const fields = new Map<string, FieldShape>();
    for (const [name, child] of Object.entries(properties)) fields.set(name, isNode(child) ? shapeOfNode(child) : { kind: 'json' });
    const required = node['required'];
    const names = Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
    return { kind: 'object', fields, required: new Set(names) };
  }
  const values = node['additionalProperties'];
  return isNode(values) ? { kind: 'map', value: shapeOfNode(values) } : { kind: 'json' };
}

const cache = new Map<EntityName, ObjectShape>();

/** The field shapes of a canonical entity (computed once per entity). */
export function entityShape(entity: EntityName): ObjectShape {
  const cached = cache.get(entity);
  if (cached !== undefined) return cached;
  const shape = shapeOfNode(z.toJSONSchema(entitySchemas[entity], { io: 'input', unrepresentable: 'any' }));
  if (shape.kind !== 'object') throw new Error(`the model's ${entity} schema is not an object`);
  cache.set(entity, shape);
  return shape;
}
