// Command-line entry: `pnpm exec tsx src/cli.ts generate --seed 1 --accounts 200 --out ./out [--effects none]`.
import { runCli } from './runCli';

process.exitCode = await runCli(process.argv.slice(2), {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
