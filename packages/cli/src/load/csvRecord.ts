import type { EntityName } from '@kizuna/model';
import { entityShape, type FieldShape, type ObjectShape } from './fieldShapes';

/** One CSV column: its header, the field path it fills, and what that field holds. */
export interface CsvColumn {
  readonly name: string;
  /** Position of the column in the row. */
  readonly index: number;
  /** `['followUp', 'state']` for `followUp.state`; a map key keeps its dots: `['driverScores', 'a.b']`. */
  readonly path: readonly string[];
  /** Undefined when the column is not a field of the entity (its values are then rejected by validation). */
  readonly shape: FieldShape | undefined;
  /** Whether an empty cell stands for the empty string (a required text field) rather than "absent". */
  readonly emptyIsText: boolean;
}

export interface CsvHeader {
  readonly entity: EntityName;
  /** Whole-field columns first, so dotted columns add to (or override) a JSON-text column. */
  readonly columns: readonly CsvColumn[];
  readonly unknownColumns: readonly string[];
}

/** A file that cannot be read as CSV at all (bad header). */
export class CsvFileProblem extends Error {}

function column(name: string, index: number, path: readonly string[], shape: FieldShape | undefined, emptyIsText = false): CsvColumn {
  return { name, index, path, shape, emptyIsText };
}

/** Follows a dotted header through the entity's shape: objects by field name, maps take the rest as the key. */
function resolveColumn(root: ObjectShape, name: string, index: number): CsvColumn {
  const path: string[] = [];
  let parent: FieldShape = root;
  let rest = name;
  for (;;) {
    if (parent.kind === 'map') return column(name, index, [...path, rest], parent.value);
    if (parent.kind !== 'object') return column(name, index, [...path, ...rest.split('.')], undefined);
    const dot = rest.indexOf('.');
    const segment = dot < 0 ? rest : rest.slice(0, dot);
    const shape: FieldShape | undefined = parent.fields.get(segment);
    path.push(segment);
    if (shape === undefined) return column(name, index, dot < 0 ? path : [...path, ...rest.slice(dot + 1).split('.')], undefined);
    if (dot < 0) return column(name, index, path, shape, parent.required.has(segment) && shape.kind === 'text');
    parent = shape;
    rest = rest.slice(dot + 1);
  }
}

/** Reads a header row of the model's field names (dotted for nested fields). */
export function compileHeader(entity: EntityName, names: readonly string[]): CsvHeader {
  const root = entityShape(entity);
  const trimmed = names.map((name) => name.trim());
  const empty = trimmed.findIndex((name) => name === '');
  if (empty >= 0) throw new CsvFileProblem(`header column ${empty + 1} has no name`);
  const duplicates = trimmed.filter((name, index) => trimmed.indexOf(name) !== index);
  if (duplicates.length > 0) throw new CsvFileProblem(`header names a column twice: ${[...new Set(duplicates)].join(', ')}`);
  const columns = trimmed.map((name, index) => resolveColumn(root, name, index));
  return {
    entity,
    columns: [...columns].sort((a, b) => a.path.length - b.path.length),
    unknownColumns: columns.filter((column) => column.shape === undefined).map((column) => column.name),
  };
}
