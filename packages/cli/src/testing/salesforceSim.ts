import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSalesforceKnobs, createSalesforceOrg, salesforceHandlers, type SalesforceKnobs, type SalesforceOrg } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer, type SetupServer } from 'msw/node';
import { CapturedText } from '../cliIo';
import { main } from '../main';
import type { CliRun } from './runCli';

/** A simulated org behind msw/node, answering the global `fetch` of this test file. */
export interface SimulatedOrg {
  readonly org: SalesforceOrg;
  readonly knobs: SalesforceKnobs;
  readonly server: SetupServer;
  readonly instanceUrl: string;
  readonly loginUrl: string;
  /** An access token the org accepts. */
  readonly accessToken: string;
  /** `--crm salesforce --instance-url … --access-token …` */
  readonly accessArgs: readonly string[];
  /** A refresh token of client `kizuna-cli`, from a real authorization-code exchange. */
  refreshToken(): Promise<string>;
}

/** The organisation the CLI tests pull: the same options `writeOrganisationJsonl` gets for comparison. */
export const simulatedOrganisation = { seed: 5, accounts: 30 } as const;

export function simulateOrg(host: string): SimulatedOrg {
  const org = createSalesforceOrg(generateOrganisation(simulatedOrganisation));
  const knobs = createSalesforceKnobs();
  const instanceUrl = `https://${host}.my.salesforce.com`;
  const loginUrl = `https://login.${host}.test`;
  const accessToken = `00D5g000000${host}!AQsecret-access-token-${host}`;
  const server = setupServer(...salesforceHandlers(org, { instanceUrl, loginUrl, accessTokens: [accessToken], knobs }));
  const refreshToken = async (): Promise<string> => {
    const redirectUri = 'http://localhost:1717/callback';
    const code = org.oauth.issueAuthorizationCode({ clientId: 'kizuna-cli', redirectUri });
    const body = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: 'kizuna-cli', redirect_uri: redirectUri });
    const response = await fetch(`${loginUrl}/services/oauth2/token`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    const json = (await response.json()) as { refresh_token?: string };
    if (json.refresh_token === undefined) throw new Error('the simulated org issued no refresh token');
    return json.refresh_token;
  };
  return { org, knobs, server, instanceUrl, loginUrl, accessToken, accessArgs: ['--crm', 'salesforce', '--instance-url', instanceUrl, '--access-token', accessToken], refreshToken };
}

export interface CliRunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal;
  /** Pretend stderr is a terminal. */
  readonly tty?: boolean;
}

/** Runs `kizuna …` in-process with captured output, an environment and a signal. */
export async function runKizuna(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdout = new CapturedText();
  const stderr = new CapturedText(options.tty === true);
  const code = await main(argv, {
    stdout,
    stderr,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Every file of a directory (not recursive) with its text, by name. */
export async function filesOf(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

/** The lines of a JSONL text, parsed. */
export function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
