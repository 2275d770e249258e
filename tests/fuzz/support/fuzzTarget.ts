import fc from 'fast-check';

/** What a parser did with one input: took it as valid, or refused it in its typed way. */
export type Verdict = 'accepted' | 'rejected';

export interface FuzzTally {
  readonly target: string;
  inputs: number;
  accepted: number;
  rejected: number;
}

/** Every target's tally, for the suite's total. */
export const tallies: FuzzTally[] = [];

export interface FuzzTarget<T> {
  readonly name: string;
  readonly inputs: fc.Arbitrary<T>;
  readonly runs: number;
  /**
   * Feeds one input: returns how it was taken. A typed refusal may also be thrown; `isTypedError`
   * tells it from a crash. Anything else thrown fails the property with the input that caused it.
   */
  readonly feed: (input: T) => Verdict | Promise<Verdict>;
  readonly isTypedError?: (error: unknown) => boolean;
}

const seed = 20261201;

/** Runs a target's property over `runs` generated inputs and records its tally. */
export async function fuzz<T>(target: FuzzTarget<T>): Promise<FuzzTally> {
  const tally: FuzzTally = { target: target.name, inputs: 0, accepted: 0, rejected: 0 };
  const verdictOf = async (input: T): Promise<Verdict> => {
    try {
      return await target.feed(input);
    } catch (error) {
      if (target.isTypedError?.(error) === true) return 'rejected';
      throw error;
    }
  };
  await fc.assert(
    fc.asyncProperty(target.inputs, async (input) => {
      const verdict = await verdictOf(input);
      tally.inputs += 1;
      tally[verdict] += 1;
    }),
    { numRuns: target.runs, seed, endOnFailure: true },
  );
  tallies.push(tally);
  return tally;
}

/** JSON values mixed with the troublesome ones: huge numbers, prototype keys, deep nesting, odd strings. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, '', 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, '__proto__', 'constructor', '\u0000', '\uFEFF{', '𠮷野家', '<script>', "O'Brien", []) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'data', 'records', 'id', 'Id', 'info', 'error', 'code'), fc.jsonValue({ maxDepth: 2 })) },
);

/** A JSON value with one node changed: replaced, deleted, or retyped — the "almost right" answers. */
export function mutateJson(value: unknown, at: number, replacement: unknown, mode: 'replace' | 'delete' | 'stringify'): unknown {
  let index = 0;
  const walk = (node: unknown): unknown => {
    const here = index;
    index += 1;
    if (here === at) {
      if (mode === 'delete') return undefined;
      if (mode === 'stringify') return JSON.stringify(node) ?? 'null';
      return replacement;
    }
    if (Array.isArray(node)) return node.map(walk).filter((item) => item !== undefined);
    if (typeof node === 'object' && node !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(node)) {
        const walked = walk(inner);
        if (walked !== undefined) out[key] = walked;
      }
      return out;
    }
    return node;
  };
  return walk(value);
}

export const mutation = fc.record({
  at: fc.nat({ max: 400 }),
  replacement: nastyJson,
  mode: fc.constantFrom<'replace' | 'delete' | 'stringify'>('replace', 'replace', 'delete', 'stringify'),
});
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
