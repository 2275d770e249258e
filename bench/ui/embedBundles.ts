import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sizesOf } from './sizes';

export interface EmbedFile {
  readonly embed: string;
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly builtAt: Date;
}

/** The embeds' built outputs and how each is built (`pnpm build:<name>` at the root). */
export const embeds = [
  { name: 'salesforce', dist: 'packages/embed-salesforce/dist', command: 'pnpm build:salesforce' },
  { name: 'zoho', dist: 'packages/embed-zoho/dist', command: 'pnpm build:zoho' },
  { name: 'web', dist: 'packages/embed-web/dist', command: 'pnpm build:web' },
] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every JavaScript and CSS file of every embed that has been built; embeds not built are named. */
export function embedFiles(root: string): { files: EmbedFile[]; notBuilt: string[] } {
  const files: EmbedFile[] = [];
  const notBuilt: string[] = [];
  for (const embed of embeds) {
    const dist = join(root, embed.dist);
    const found = existsSync(dist) ? filesUnder(dist).filter((path) => /\.(js|css)$/.test(path)) : [];
    if (found.length === 0) notBuilt.push(`${embed.name} (${embed.command})`);
    for (const path of found) {
      files.push({ embed: embed.name, file: relative(root, path), ...sizesOf(readFileSync(path)), builtAt: statSync(path).mtime });
    }
  }
  return { files, notBuilt };
}
