#!/usr/bin/env node
// The `kizuna` command. Sources are TypeScript: register tsx's ESM loader, then run src/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');

// `kizuna pull` stops cleanly on Ctrl-C (the pages written so far are kept and it resumes from
// there); a second Ctrl-C quits at once. Other commands keep Node's default: Ctrl-C quits.
const controller = new AbortController();
if (process.argv[2] === 'pull') {
  process.once('SIGINT', () => {
    process.stderr.write('\nkizuna pull: stopping (Ctrl-C again to quit at once)…\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
