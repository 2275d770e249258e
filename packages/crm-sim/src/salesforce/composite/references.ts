/**
 * Composite references: `@{refId.field}`, `@{refId.records[0].Id}`, resolved against earlier
 * subrequests' response bodies. Paths are case-sensitive (a create result has `id`, a record
 * `Id`). A value that is present but null resolves (API v52+).
 */
const referencePattern = /@\{([^}]*)\}/g;
const expressionPattern = /^([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)$/;

type Scalar = string | number | boolean | null;

export type Resolution<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly expression: string; readonly referenceId: string };

/** Thrown inside resolution when one reference has no value. */
class Unresolved extends Error {
  constructor(
    readonly expression: string,
    readonly referenceId: string,
  ) {
    super(expression);
  }
}

function lookup(bodies: ReadonlyMap<string, unknown>, expression: string): Scalar {
  const match = expressionPattern.exec(expression);
  const referenceId = match?.[1] ?? expression.split(/[.[]/)[0] ?? expression;
  if (match === null || !bodies.has(referenceId)) throw new Unresolved(expression, referenceId);
  let current: unknown = bodies.get(referenceId);
  for (const step of (match[2] ?? '').match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    const container: unknown = current;
    if (typeof container !== 'object' || container === null || !Object.hasOwn(container, key)) throw new Unresolved(expression, referenceId);
    current = (container as Record<string | number, unknown>)[key];
  }
  if (current !== null && typeof current === 'object') throw new Unresolved(expression, referenceId);
  if (current === undefined) throw new Unresolved(expression, referenceId);
  return current as Scalar;
}

function resolveString(text: string, bodies: ReadonlyMap<string, unknown>): unknown {
  const whole = /^@\{([^}]*)\}$/.exec(text);
  // A value that is only a reference keeps the referenced JSON type (number, boolean, null).
  if (whole?.[1] !== undefined) return lookup(bodies, whole[1]);
  return text.replace(referencePattern, (_, expression: string) => String(lookup(bodies, expression)));
}

function resolveJson(value: unknown, bodies: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') return resolveString(value, bodies);
  if (Array.isArray(value)) return value.map((item) => resolveJson(item, bodies));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, resolveJson(entry, bodies)]));
  }
  return value;
}

/** Resolves the references in a subrequest's url and body against earlier response bodies by reference id. */
export function resolveReferences(url: string, body: unknown, bodies: ReadonlyMap<string, unknown>): Resolution<{ url: string; body: unknown }> {
  try {
    return { ok: true, value: { url: String(resolveString(url, bodies)), body: resolveJson(body, bodies) } };
  } catch (error) {
    if (error instanceof Unresolved) return { ok: false, expression: error.expression, referenceId: error.referenceId };
    throw error;
  }
}

/** The documented PROCESSING_HALTED message of a subrequest whose reference has no value. */
export function invalidReferenceMessage(expression: string, referenceId: string): string {
  return (
    `Invalid reference specified. No value for ${expression} found in ${referenceId}. ` +
    `Provided referenceId ('${expression}') must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').`
  );
}
