import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Bare module specifiers imported, directly or through relative imports, by `entry`. */
function externalImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) visit(resolve(dirname(file), `${specifier}.ts`));
      else external.add(specifier);
    }
  };
  visit(join(here, entry));
  return external;
}

describe('browser entry points', () => {
  it('reach no Node-only module, so the handlers run in a service worker', () => {
    for (const entry of ['index.ts', 'browser.ts']) {
      expect([...externalImports(entry)].sort()).toEqual(
        entry === 'index.ts'
          ? ['@jetstreamapp/soql-parser-js', '@kizuna/model', 'msw']
          : ['@jetstreamapp/soql-parser-js', '@kizuna/model', 'msw', 'msw/browser'],
      );
    }
  });
});
