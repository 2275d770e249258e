import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, forbiddenConstructs, type WebBundleReport } from './buildWebBundle';

let outDir = '';
let report: WebBundleReport;
let code = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'kizuna-web-build-'));
  report = await buildWebBundle(outDir);
  code = await readFile(report.path, 'utf8');
}, 300_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the standalone <kizuna-dashboard> bundle (pnpm build:web)', () => {
  it('is one ES module with no eval and no new Function', () => {
    expect(report.forbidden).toEqual([]);
    expect(code).not.toMatch(/(?<![\w$.])eval\s*\(/);
    expect(code).not.toMatch(/\bnew\s+Function\b/);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toContain('sourceMappingURL');
  });

  it('defines the element and exports the registration and iframe APIs', () => {
    expect(code).toContain('kizuna-dashboard');
    const exported = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(code)?.[1] ?? '';
    for (const name of ['registerDataSourceFactory', 'defineKizunaDashboard', 'createFrameHost', 'startFramedDashboard', 'createFrameBridge']) {
      expect(exported).toMatch(new RegExp(`\\bas ${name}\\b|\\b${name}\\b`));
    }
  });

  it('carries the widget styles for the shadow root inside the script (no style sheet to host)', () => {
    expect(code).toContain('.kz-widget');
    expect(code).toContain(':host');
  });
});

describe('forbiddenConstructs', () => {
  it('finds eval and new Function, and nothing in look-alikes', () => {
    expect(forbiddenConstructs('x = eval ("1")')).toEqual(['eval(']);
    expect(forbiddenConstructs('f = new Function("return 1")')).toEqual(['new Function']);
    expect(forbiddenConstructs('qg=s(((e,t)=>{t.exports=eval}))')).toEqual(['eval aliased']);
    expect(forbiddenConstructs('retrieval(1); obj.eval(2); medieval(3); new FunctionRegistry()')).toEqual([]);
  });
});
