#!/usr/bin/env node
// Sets up a fresh checkout and runs one of Kizuna's two top-level commands:
//   node scripts/bootstrap.mjs demo   → install, then start the demo
//   node scripts/bootstrap.mjs test   → install, then lint, type-check and run every test
// Needs only Node.js 20.19+. Installs pnpm when it is missing; for the browser tests it
// looks for Chromium and, as root on Debian, installs it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const command = process.argv[2];

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status ?? 1;
}

function has(cmd, args = ['--version']) {
  const result = spawnSync(cmd, args, { stdio: 'ignore' });
  return result.status === 0;
}

function fail(message) {
  console.error(`kizuna: ${message}`);
  process.exit(1);
}

/** pnpm itself, or npx running the pinned pnpm when a global install is not allowed. */
function pnpm() {
  if (has('pnpm')) return ['pnpm'];
  console.log(`kizuna: pnpm not found; installing pnpm@${PNPM_VERSION} with npm`);
  if (run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]) === 0 && has('pnpm')) return ['pnpm'];
  console.log('kizuna: global install refused; using npx');
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function chromiumPath() {
  const candidates = [process.env.KIZUNA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

function ensureChromium() {
  if (chromiumPath() !== undefined) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get', ['--version'])) {
    console.log('kizuna: Chromium not found; installing the Debian package for the browser tests');
    if (run('apt-get', ['update']) === 0 && run('apt-get', ['install', '-y', 'chromium']) === 0) return;
  }
  fail(
    'the browser tests need Chromium. Install it (Debian: `sudo apt-get install -y chromium`) ' +
      'or set KIZUNA_CHROMIUM to a Chromium binary, then run the command again.',
  );
}

if (command !== 'demo' && command !== 'test') {
  fail('usage: node scripts/bootstrap.mjs demo|test');
}

const [bin, ...prefix] = pnpm();
const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
if (run(bin, [...prefix, 'install', ...frozen]) !== 0) fail('pnpm install failed');

if (command === 'demo') {
  process.exit(run(bin, [...prefix, '--filter', '@kizuna/demo', 'run', 'dev']));
}
ensureChromium();
process.exit(run(bin, [...prefix, 'run', 'check']));
