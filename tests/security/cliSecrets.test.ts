import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createZohoKnobs, createZohoOrg, zohoHandlers, type ZohoFault } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliRun } from '../../packages/cli/src/testing/runCli';
import { filesOf, runKizuna, simulatedOrganisation, simulateOrg } from '../../packages/cli/src/testing/salesforceSim';

/**
 * `kizuna pull` and `kizuna doctor`, run in-process against the simulated Salesforce org with an
 * access token or a refresh token, in every outcome the simulator can force (success, expired
 * session with and without renewal, API allocation spent, server faults, a body cut in half,
 * refused usage): neither token — nor its secret part after the org id — may appear in stdout,
 * stderr or any file the run leaves behind. The same for `--crm zoho` against the simulated Zoho
 * org (EU data centre), whose handlers join the same msw server: the access token, the refresh
 * token and the client secret.
 */
const sim = simulateOrg('secrets');
const zohoKnobs = createZohoKnobs();
const zoho = createZohoOrg(generateOrganisation(simulatedOrganisation), { dataCentre: 'EU', knobs: zohoKnobs });
const zohoClient = { clientId: '1000.KIZUNASECRETS', clientSecret: 'zoho-client-secret-7f3c9a1e5b', redirectUris: ['http://localhost:1717/callback'] };
zoho.oauth.registerClient(zohoClient);
const zohoScopes = ['ZohoCRM.modules.ALL', 'ZohoCRM.coql.READ', 'ZohoCRM.users.READ', 'ZohoCRM.settings.READ'];
/** Any token the Zoho simulator mints (`1000.<32 hex>.<32 hex>`), the renewed ones included. */
const zohoMinted = /1000\.[0-9a-f]{32}\.[0-9a-f]{32}/;
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
  sim.server.use(...zohoHandlers(zoho));
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
  zoho.calls.reset();
  Object.assign(zohoKnobs, { tokenExpiresAfterCalls: null, tooManyRequestsAfter: null, failNext: [] });
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

/** A Zoho token whole, each of its dot-separated parts after `1000.`, and URL-encoded. */
function zohoSecretForms(secret: string): string[] {
  const parts = secret.split('.').slice(1).filter((part) => part.length >= 8);
  return [secret, encodeURIComponent(secret), ...parts];
}

async function expectNoZohoSecret(label: string, run: CliRun, dir: string | undefined, secrets: readonly string[]): Promise<void> {
  runs.push(`zoho ${label}: exit ${run.code}`);
  const files = dir === undefined ? new Map<string, string>() : await filesOf(dir).catch(() => new Map<string, string>());
  const outputs: ReadonlyArray<readonly [string, string]> = [['stdout', run.stdout], ['stderr', run.stderr], ...files];
  for (const [name, text] of outputs) {
    expect(zohoMinted.exec(text)?.[0], `${label}: a minted Zoho token in ${name}`).toBeUndefined();
    for (const form of secrets.flatMap(zohoSecretForms)) expect(text.includes(form), `${label}: a secret in ${name}`).toBe(false);
  }
}

/** A fresh sign-in of its own: an access token (not minted from the refresh token) and a refresh token. */
function zohoSignIn(): { readonly accessToken: string; readonly refreshToken: string; readonly secrets: readonly string[] } {
  const accessToken = zoho.oauth.issueAccessToken(undefined, { scopes: zohoScopes }).token;
  const refreshToken = zoho.oauth.issueRefreshToken(zohoClient.clientId, zoho.admin.id, zohoScopes);
  return { accessToken, refreshToken, secrets: [accessToken, refreshToken, zohoClient.clientSecret] };
}

const zohoAccess = (accessToken: string) => ['--crm', 'zoho', '--api-domain', zoho.apiDomain, '--access-token', accessToken];
const zohoRefresh = (refreshToken: string) => ['--client-id', zohoClient.clientId, '--client-secret', zohoClient.clientSecret, '--refresh-token', refreshToken];

describe('the CLI never shows a Zoho token or client secret (Zoho simulator, in-process)', { timeout: 60_000 }, () => {
  it.each(['pull', 'doctor'] as const)('%s succeeds with an access token, with a refresh token alone, and with an expiring access token renewed by the refresh token', async (command) => {
    const outArgs = (): string[] => (command === 'pull' ? ['--out', nextOut()] : []);
    const access = zohoSignIn();
    const accessOut = outArgs();
    const withAccess = await runKizuna([command, ...zohoAccess(access.accessToken), ...accessOut]);
    expect(withAccess.code, withAccess.stderr).toBe(0);
    await expectNoZohoSecret(`${command} access token`, withAccess, accessOut[1], access.secrets);

    const refreshOnly = zohoSignIn();
    const refreshOut = outArgs();
    const env = { KIZUNA_ZOHO_CLIENT_ID: zohoClient.clientId, KIZUNA_ZOHO_CLIENT_SECRET: zohoClient.clientSecret, KIZUNA_ZOHO_REFRESH_TOKEN: refreshOnly.refreshToken, KIZUNA_ZOHO_API_DOMAIN: zoho.apiDomain };
    const withRefresh = await runKizuna([command, '--crm', 'zoho', ...refreshOut, '--json'], { env });
    expect(withRefresh.code, withRefresh.stderr).toBe(0);
    expect(zoho.calls.snapshot().byEndpoint.token).toBeGreaterThanOrEqual(1);
    await expectNoZohoSecret(`${command} refresh token (environment)`, withRefresh, refreshOut[1], refreshOnly.secrets);

    const renewed = zohoSignIn();
    zohoKnobs.tokenExpiresAfterCalls = 3;
    const tokenCalls = zoho.calls.snapshot().byEndpoint.token;
    const renewedOut = outArgs();
    const withRenewal = await runKizuna([command, ...zohoAccess(renewed.accessToken), ...zohoRefresh(renewed.refreshToken), ...renewedOut]);
    expect(withRenewal.code, withRenewal.stderr).toBe(0);
    expect(zoho.calls.snapshot().byEndpoint.token).toBeGreaterThan(tokenCalls);
    await expectNoZohoSecret(`${command} access token renewed`, withRenewal, renewedOut[1], renewed.secrets);
  });

  const faults = (fault: ZohoFault) => () => zohoKnobs.failNext.push(...Array.from({ length: 12 }, () => fault));
  it.each([
    ['access token expired, the refresh token then refused', (refreshToken: string) => {
      zoho.oauth.revoke(refreshToken);
      zohoKnobs.tokenExpiresAfterCalls = 1;
    }],
    ['credits spent (429)', () => (zohoKnobs.tooManyRequestsAfter = zoho.calls.snapshot().apiCalls + 2)],
    ['too many requests on every call (429)', faults('tooManyRequests')],
    ['server error (500)', faults('internalError')],
    ['service unavailable (503)', faults('serviceUnavailable')],
    ['body cut in half', faults('truncatedBody')],
    ['an HTML page instead of JSON', faults('malformedBody')],
  ] as const)('pull and doctor fail (%s) without showing a token or the client secret', async (label, breakIt) => {
    for (const command of ['pull', 'doctor'] as const) {
      const signIn = zohoSignIn();
      breakIt(signIn.refreshToken);
      const out = command === 'pull' ? nextOut() : undefined;
      const run = await runKizuna([command, ...zohoAccess(signIn.accessToken), ...zohoRefresh(signIn.refreshToken), ...(out === undefined ? [] : ['--out', out])]);
      expect(run.code, `${command} ${label}`).not.toBe(0);
      await expectNoZohoSecret(`${command} ${label}`, run, out, signIn.secrets);
      Object.assign(zohoKnobs, { tokenExpiresAfterCalls: null, tooManyRequestsAfter: null, failNext: [] });
    }
  });

  it('a refused client secret, an unknown refresh token and bad usage fail without echoing them', async () => {
    const signIn = zohoSignIn();
    const wrongSecret = `${zohoClient.clientSecret}-wrong`;
    const refusedSecret = await runKizuna(['pull', '--crm', 'zoho', '--api-domain', zoho.apiDomain, '--client-id', zohoClient.clientId, '--client-secret', wrongSecret, '--refresh-token', signIn.refreshToken, '--out', nextOut()]);
    expect(refusedSecret.code).not.toBe(0);
    await expectNoZohoSecret('pull refused client secret', refusedSecret, undefined, [...signIn.secrets, wrongSecret]);

    const unknown = `${signIn.refreshToken.slice(0, -4)}beef`;
    const unknownRun = await runKizuna(['doctor', '--crm', 'zoho', '--api-domain', zoho.apiDomain, ...zohoRefresh(unknown)]);
    expect(unknownRun.code).not.toBe(0);
    await expectNoZohoSecret('doctor unknown refresh token', unknownRun, undefined, [...signIn.secrets, unknown]);

    const usage = await runKizuna(['doctor', '--crm', 'zoho', '--api-domain', 'https://www.zohoapis.evil.example', `--access-token=${signIn.accessToken}`, '--client-secret', zohoClient.clientSecret]);
    expect(usage.code).toBe(2);
    await expectNoZohoSecret('doctor bad API domain', usage, undefined, signIn.secrets);
  });
});
