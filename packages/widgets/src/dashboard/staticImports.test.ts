import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The package's own modules a module imports statically (values, not `import type`; not `import()`). */
function staticImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)) {
    const specifier = match[1];
    if (specifier === undefined) continue;
    const base = resolve(dirname(file), specifier);
    const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (target !== undefined) found.push(target);
  }
  return found;
}

/** Every module of the package reachable from `entry` through static imports, relative to `src/`. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(src, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const name = relative(src, file);
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...staticImportsOf(file));
  }
  return seen;
}

describe('what each role ships', () => {
  it('keeps every role dashboard out of the root: each is a chunk of its own, loaded when shown', () => {
    const root = [...staticGraph('dashboard/Dashboard.tsx')];
    expect(root.filter((name) => /^(account|business|cxLeader)\//.test(name))).toEqual([]);
  });

  it("keeps the leaders' analyses out of the account manager's dashboard", () => {
    const account = [...staticGraph('account/index.ts')];
    expect(account.some((name) => name === 'account/AccountManagerDashboard.tsx')).toBe(true);
    expect(account.filter((name) => /^(business|cxLeader|filters)\//.test(name))).toEqual([]);
  });
});
