import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filesOf, runKizuna, simulateOrg } from '../testing/salesforceSim';
import type { CliRun } from '../testing/runCli';

const sim = simulateOrg('auth');
let root: string;
let refreshToken: string;
let outputs = 0;

const nextOut = () => join(root, `out-${(outputs += 1)}`);

/** Asserts that no secret appears in a run's output nor in any file it left in `dir`. */
async function expectNoSecrets(run: CliRun, dir: string | undefined, secrets: readonly string[]): Promise<void> {
  const files = dir === undefined ? new Map<string, string>() : await filesOf(dir).catch(() => new Map<string, string>());
  expect(files.size === 0 || files.has('.kizuna-pull.json')).toBe(true);
  for (const secret of secrets) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
    for (const [name, text] of files) expect(text.includes(secret), `${secret.slice(0, 6)}… in ${name}`).toBe(false);
  }
}

beforeAll(async () => {
  sim.server.listen({ onUnhandledRequest: 'error' });
  root = await mkdtemp(join(tmpdir(), 'kizuna-auth-'));
  refreshToken = await sim.refreshToken();
});
afterAll(async () => {
  sim.server.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  sim.org.calls.reset();
  Object.assign(sim.knobs, { dailyLimit: 100_000, tokenExpiresAfterCalls: null, rotateRefreshTokens: false });
});

describe('kizuna pull signs in without ever showing a token', () => {
  it('signs in with a refresh token at the login URL, takes instance_url from the answer, and renews expired sessions', async () => {
    sim.knobs.tokenExpiresAfterCalls = 4;
    const out = nextOut();
    const args = ['pull', '--crm', 'salesforce', '--client-id', 'kizuna-cli', '--refresh-token', refreshToken, '--login-url', sim.loginUrl, '--out', out];
    const run = await runKizuna(args);
    expect(run.stderr).not.toContain('kizuna pull: reading');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Pulled ${sim.instanceUrl} (v66.0)`);
    expect(sim.org.calls.byEndpoint.token).toBeGreaterThanOrEqual(3); // the sign-in, then renewals every 4 calls
    await expectNoSecrets(run, out, [refreshToken]);
  });

  it('reads tokens from KIZUNA_SF_* variables, and never prints, logs or writes them, even when it fails', async () => {
    const env = { KIZUNA_SF_INSTANCE_URL: sim.instanceUrl, KIZUNA_SF_ACCESS_TOKEN: sim.accessToken };
    const out = nextOut();
    const ok = await runKizuna(['pull', '--crm', 'salesforce', '--out', out, '--json'], { env });
    expect(ok.code).toBe(0);
    await expectNoSecrets(ok, out, [sim.accessToken]);

    sim.knobs.dailyLimit = 3;
    const failing = nextOut();
    const stopped = await runKizuna(['pull', ...sim.accessArgs, '--out', failing]);
    expect(stopped.code).toBe(75);
    await expectNoSecrets(stopped, failing, [sim.accessToken]);

    const doctor = await runKizuna(['doctor', '--crm', 'salesforce', '--json'], { env });
    await expectNoSecrets(doctor, undefined, [sim.accessToken]);

    const usage = await runKizuna(['pull', '--crm', 'salesforce', `--access-token=${sim.accessToken}`, '--nope']);
    expect(usage.code).toBe(2);
    await expectNoSecrets(usage, undefined, [sim.accessToken]);
  });

  it('says what to do when the access token has expired and there is nothing to renew it with (77)', async () => {
    const token = sim.org.sessions.issue('00D5g000000auth!AQexpired-session-token');
    sim.org.sessions.expire(token);
    const out = nextOut();
    const run = await runKizuna(['pull', '--crm', 'salesforce', '--instance-url', sim.instanceUrl, '--access-token', token, '--out', out]);
    expect(run.code).toBe(77);
    expect(run.stderr).toContain('AUTH_EXPIRED');
    expect(run.stderr).toContain('--refresh-token');
    await expectNoSecrets(run, out, [token]);
  });

  it('refuses a refresh token Salesforce does not know (77), naming the fix, not the token', async () => {
    const bogus = '5Aep861refresh-token-that-was-revoked';
    const run = await runKizuna(['pull', '--crm', 'salesforce', '--client-id', 'kizuna-cli', '--refresh-token', bogus, '--login-url', sim.loginUrl, '--out', nextOut()]);
    expect(run.code).toBe(77);
    expect(run.stderr).toContain('signing in to Salesforce: Salesforce no longer accepts the saved sign-in');
    await expectNoSecrets(run, undefined, [bogus]);
  });

  it('says so when Salesforce rotates the refresh token it was given', async () => {
    sim.knobs.rotateRefreshTokens = true;
    const token = await sim.refreshToken();
    const run = await runKizuna(['doctor', '--crm', 'salesforce', '--client-id', 'kizuna-cli', '--refresh-token', token, '--login-url', sim.loginUrl]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('note: Salesforce rotated the refresh token');
    await expectNoSecrets(run, undefined, [token]);
  });
});
