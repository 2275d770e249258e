import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { BuiltFile } from './bundleWidget';

/** A fixed time for every entry, so the same build gives the same zip, byte for byte. */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');

/**
 * Writes the upload zip as `zet pack` lays it out for CRM: the files of `app/`, each under its
 * `app/…` path, and no `plugin-manifest.json`. Entries are sorted so the zip is reproducible.
 */
export async function zipProject(files: readonly BuiltFile[], zipPath: string): Promise<void> {
  const zip = new ZipFile();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    zip.addBuffer(Buffer.from(file.contents), `app/${file.path}`, { mtime: ZIP_TIME, mode: 0o100644 });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}
