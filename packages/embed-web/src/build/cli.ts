// `pnpm build:web`: builds the standalone <kizuna-dashboard> bundle and prints its size.
import { relative } from 'node:path';
import { buildWebBundle } from './buildWebBundle';

const report = await buildWebBundle(process.argv[2]);
console.log(`bundle  ${relative(process.cwd(), report.path)}  ${(report.bytes / 1024).toFixed(1)} KB (${(report.gzipBytes / 1024).toFixed(1)} KB gzip)`);
if (report.forbidden.length > 0) {
  console.error(`The bundle contains ${report.forbidden.join(' and ')}: a strict CSP would block it.`);
  process.exitCode = 1;
} else {
  console.log('checks  no eval, no new Function');
}
