import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where suites keep what a person may want to look at afterwards (screenshots, figures). */
export function testOutputDir(suite: string): string {
  const dir = join(import.meta.dirname, '..', '..', 'test-output', suite);
  mkdirSync(dir, { recursive: true });
  return dir;
}
