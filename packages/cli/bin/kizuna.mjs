#!/usr/bin/env node
// The `kizuna` command. Sources are TypeScript: register tsx's ESM loader, then run src/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
