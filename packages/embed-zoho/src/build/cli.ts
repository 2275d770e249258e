// `pnpm build:zoho`: builds the Zoho CRM widget and prints what was made.
import { relative } from 'node:path';
import { buildZohoWidget, defaultOutDir, ZohoBuildError } from './buildZohoWidget';
import { ZET_LIMITS } from './zetRules';

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

try {
  const report = await buildZohoWidget(process.argv[2] ?? defaultOutDir);
  const largest = Math.max(...report.files.map((file) => file.bytes));
  console.log(`zet project  ${relative(process.cwd(), report.projectDir)}`);
  for (const file of report.files) console.log(`  ${file.path.padEnd(28)} ${kilobytes(file.bytes).padStart(10)}`);
  console.log(`upload zip   ${relative(process.cwd(), report.zipPath)} (${kilobytes(report.zipBytes)})`);
  console.log(`zet limits   ${report.files.length} of ${ZET_LIMITS.maxFiles} files; largest file ${largest.toLocaleString('en')} of ${ZET_LIMITS.maxFileBytes.toLocaleString('en')} bytes`);
  console.log('checks       no eval, no new Function, no inline script');
  for (const finding of report.audited) console.log(`review       ${finding}`);
} catch (error) {
  console.error(error instanceof ZohoBuildError ? error.message : error);
  process.exitCode = 1;
}
