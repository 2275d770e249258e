import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliRun } from '../../packages/cli/src/testing/runCli';
import { filesOf, runKizuna, simulateOrg } from '../../packages/cli/src/testing/salesforceSim';

/**
 * `kizuna pull` and `kizuna doctor`, run in-process against the simulated Salesforce org with an
 * access token or a refresh token, in every outcome the simulator can force (success, expired
 * session with and without renewal, API allocation spent, server faults, a body cut in half,
 * refused usage): neither token — nor its secret part after the org id — may appear in stdout,
 * stderr or any file the run leaves behind.
 */
const sim = simulateOrg('secrets');
let root: string;
let refreshToken: string;
let outputs = 0;
let sessions = 0;
const runs: string[] = [];

const nextOut = () => join(root, `out-${(outputs += 1)}`);

/** The whole token and the part of it that is secret on its own (a Salesforce token is `orgId!secret`). */
function secretForms(token: string): string[] {
  const secret = token.includes('!') ? token.slice(token.indexOf('!') + 1) : token;
  return [token, secret, encodeURIComponent(token)];
}

async function expectNoSecret(label: string, run: CliRun, dir: string | undefined, tokens: readonly string[] = []): Promise<void> {
  runs.push(`${label}: exit ${run.code}`);
  const files = dir === undefined ? new Map<string, string>() : await filesOf(dir).catch(() => new Map<string, string>());
  for (const token of [sim.accessToken, refreshToken, ...tokens]) {
    for (const form of secretForms(token)) {
      expect(run.stdout.includes(form), `${label}: token in stdout`).toBe(false);
      expect(run.stderr.includes(form), `${label}: token in stderr`).toBe(false);
      for (const [name, text] of files) expect(text.includes(form), `${label}: token in ${name}`).toBe(false);
    }
  }
}

beforeAll(async () => {
  sim.server.listen({ onUnhandledRequest: 'error' });
  root = await mkdtemp(join(tmpdir(), 'kizuna-cli-secrets-'));
  refreshToken = await sim.refreshToken();
});
afterAll(async () => {
  console.info(`CLI secrets: ${runs.length} runs, no token in any output — ${runs.join('; ')}`);
  sim.server.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  sim.org.calls.reset();
  Object.assign(sim.knobs, { dailyLimit: 100_000, tokenExpiresAfterCalls: null, rotateRefreshTokens: false, failNext: [] });
});

const refreshArgs = () => ['--crm', 'salesforce', '--client-id', 'kizuna-cli', '--refresh-token', refreshToken, '--login-url', sim.loginUrl];

describe('the CLI never shows a CRM token (Salesforce simulator, in-process)', () => {
  it.each(['pull', 'doctor'] as const)('%s succeeds with an access token, and with a refresh token that is used to renew sessions', async (command) => {
    const out = command === 'pull' ? nextOut() : undefined;
    const outArgs = out === undefined ? [] : ['--out', out];
    const withAccess = await runKizuna([command, ...sim.accessArgs, ...outArgs]);
    expect(withAccess.code).toBe(0);
    await expectNoSecret(`${command} access token`, withAccess, out);

    sim.knobs.tokenExpiresAfterCalls = 3;
    const renewedOut = command === 'pull' ? nextOut() : undefined;
    const withRefresh = await runKizuna([command, ...refreshArgs(), ...(renewedOut === undefined ? [] : ['--out', renewedOut]), '--json']);
    expect(withRefresh.code).toBe(0);
    expect(sim.org.calls.byEndpoint.token).toBeGreaterThanOrEqual(2);
    await expectNoSecret(`${command} refresh token, renewed`, withRefresh, renewedOut);
  });

  it.each([
    ['allocation spent', () => Object.assign(sim.knobs, { dailyLimit: 2 })],
    ['session expires, nothing to renew it', () => Object.assign(sim.knobs, { tokenExpiresAfterCalls: 1 })],
    ['server error', () => sim.knobs.failNext.push('serverError', 'serverError', 'serverError', 'serverError')],
    ['service unavailable', () => sim.knobs.failNext.push('serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable')],
    ['body cut in half', () => sim.knobs.failNext.push('malformedBody', 'malformedBody', 'malformedBody')],
    ['session not valid for REST', () => sim.knobs.failNext.push('sessionNotValidForRest')],
  ] as const)('pull and doctor fail (%s) without showing the token', async (label, breakIt) => {
    for (const command of ['pull', 'doctor'] as const) {
      // A session of its own: an expiry in one case must not turn the next case into an auth failure.
      const token = sim.org.sessions.issue(`00D5g000000secrets!AQfresh-session-${(sessions += 1)}-secret`);
      breakIt();
      const out = command === 'pull' ? nextOut() : undefined;
      const run = await runKizuna([command, '--crm', 'salesforce', '--instance-url', sim.instanceUrl, '--access-token', token, ...(out === undefined ? [] : ['--out', out])]);
      expect(run.code, `${command} ${label}`).not.toBe(0);
      await expectNoSecret(`${command} ${label}`, run, out, [token]);
      sim.knobs.failNext.length = 0;
      Object.assign(sim.knobs, { dailyLimit: 100_000, tokenExpiresAfterCalls: null });
    }
  });

  it('a refresh token the org refuses, and a wrong login URL, fail without echoing the token', async () => {
    const refused = await runKizuna(['pull', '--crm', 'salesforce', '--client-id', 'kizuna-cli', '--refresh-token', `${refreshToken}x`, '--login-url', sim.loginUrl, '--out', nextOut()]);
    expect(refused.code).not.toBe(0);
    await expectNoSecret('pull refused refresh token', refused, undefined);
    for (const form of secretForms(`${refreshToken}x`)) expect(refused.stdout + refused.stderr).not.toContain(form);

    const usage = await runKizuna(['doctor', '--crm', 'salesforce', `--access-token=${sim.accessToken}`, '--instance-url', 'not a url']);
    expect(usage.code).not.toBe(0);
    await expectNoSecret('doctor bad instance URL', usage, undefined);
  });
});
