import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSalesforceOrg } from '@kizuna/crm-sim';
import { writeOrganisationJsonl } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapturedText } from '../../packages/cli/src/cliIo';
import { loadDataset } from '../../packages/cli/src/load/loadDataset';
import { startPreview, type RunningPreview } from '../../packages/cli/src/preview/runPreview';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { probePage } from '../support/pageProbe';
import { testOutputDir } from '../support/testOutput';

/**
 * `kizuna preview --data DIR`: the demo over exported canonical data. The export here is a small
 * organisation of another seed, with two broken rows that must be reported and left out.
 */
let root: string;
let preview: RunningPreview;
let browser: LaunchedBrowser;
const stdout = new CapturedText();
const stderr = new CapturedText();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kizuna-preview-e2e-'));
  await writeOrganisationJsonl(join(root, 'export'), { seed: 42, accounts: 15 });
  await appendFile(join(root, 'export', 'accounts.jsonl'), '{"id":"acc-broken"}\nnot json\n');
  const started = await startPreview({ dataArg: 'export', dataDir: join(root, 'export'), port: 0, asOf: undefined }, { stdout, stderr, cwd: root });
  if (typeof started === 'number') throw new Error(`kizuna preview exited with ${started}: ${stderr.text}`);
  preview = started;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await rm(root, { recursive: true, force: true });
});

describe('kizuna preview over an export (Chromium)', () => {
  it('reports the broken rows, then shows the exported accounts on the demo’s pages', async () => {
    expect(stderr.text).toMatch(/export\/accounts\.jsonl:16: /);
    expect(stderr.text).toMatch(/export\/accounts\.jsonl:17: /);
    expect(stdout.text).toContain('2 rejected rows left out');
    const { dataset } = await loadDataset(join(root, 'export'), 'export');
    const page = await browser.context.newPage();
    const probed = await probePage(page);
    await page.goto(`${preview.url}/`);
    const rows = page.locator('table.demo-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(dataset.accounts.length);
    for (const account of dataset.accounts) expect(await rows.filter({ hasText: account.name }).count()).toBe(1);
    expect(await page.locator('.demo-shell__source').textContent()).toContain('15 accounts');

    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('the export has no account');
    const salesforceId = createSalesforceOrg(dataset).salesforceIdOf('account', account.id);
    await page.goto(`${preview.url}/salesforce/account/${salesforceId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 60_000 }).toBe(account.name);
    await expect.poll(() => page.locator('c-kizuna-dashboard .kizuna-embed [role="region"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(testOutputDir('e2e'), 'preview-salesforce-account.png'), fullPage: true });
    const counts = await probed.counts();
    process.stdout.write(`\nCSP violations (preview): ${counts.cspViolations} securitypolicyviolation, ${probed.refusals.length} "Refused to" messages\n`);
    await page.close();
  });
});
