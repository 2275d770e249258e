import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import direction of the architecture is enforced by the repository's lint setup.
 * These cases lint small sources as if they sat in each package and expect the rule to fire.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: repoRoot });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('import boundaries', () => {
  it('fail when a widget imports a CRM package', async () => {
    const code = "import { createSalesforceDataSource } from '@kizuna/crm-salesforce';\nexport const x = createSalesforceDataSource;\n";
    expect(await ruleIdsFor(code, 'packages/widgets/src/Bad.tsx')).toContain('no-restricted-imports');
    const sim = "import { createSalesforceOrg } from '@kizuna/crm-sim';\nexport const x = createSalesforceOrg;\n";
    expect(await ruleIdsFor(sim, 'packages/widgets/src/bad.ts')).toContain('no-restricted-imports');
  });

  it('fail when the metrics core imports React', async () => {
    const code = "import { useState } from 'react';\nexport const x = useState;\n";
    expect(await ruleIdsFor(code, 'packages/metrics/src/bad.ts')).toContain('no-restricted-imports');
  });

  it('fail when the metrics core performs I/O', async () => {
    expect(await ruleIdsFor("export const load = () => fetch('/x');\n", 'packages/metrics/src/bad.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIdsFor("export const load = () => globalThis.fetch('/x');\n", 'packages/metrics/src/bad.ts')).toContain(
      'no-restricted-properties',
    );
    const fs = "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n";
    expect(await ruleIdsFor(fs, 'packages/metrics/src/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("export const s = () => localStorage.getItem('k');\n", 'packages/model/src/bad.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('pass for the allowed direction', async () => {
    const code = "import { accountNps } from '@kizuna/metrics';\nexport const x = accountNps;\n";
    expect(await ruleIdsFor(code, 'packages/widgets/src/fine.ts')).toEqual([]);
  });
});
