/**
 * What `zet validate` checks on a CRM widget project, and what `zet pack` puts in the zip, read
 * from zoho-extension-toolkit 1.0.24 (`lib/commands/constants.js`, `lib/rules/FileCheckRule.js`,
 * `lib/utils/file-tree-parser.js`, `lib/commands/package.js`; see also docs/reference notes on
 * Zoho widgets). For service CRM only the file check runs: `plugin-manifest.json` is not
 * validated beyond `{"service": "CRM"}` and is not packed.
 */
export const ZET_LIMITS = {
  /** Files under `app/`, at most. */
  maxFiles: 250,
  /** Bytes per file, at most (zet: FILE_SIZE_LIMIT, 5 MB in decimal). */
  maxFileBytes: 5_000_000,
  /** File name length for CRM (other services: 50). */
  maxFileNameLength: 250,
} as const;

/** Extensions zet packs; any other file is reported and silently left out of the zip. */
export const ZET_EXTENSIONS: readonly string[] = [
  '.jpg', '.jpeg', '.png', '.gif', '.svg',
  '.css', '.woff', '.woff2', '.ttf', '.eot', '.webm',
  '.js',
  '.mp3', '.mp4',
  '.json', '.txt', '.md', '.xml', '.dre',
  '.html',
];

const FOLDER_NAME = /^[A-Za-z0-9_$-]*$/;
const FILE_NAME = /^[A-Za-z0-9_.$-]*$/;

export interface ProjectFile {
  /** Path under the project, with `/` separators, starting with `app/`. */
  readonly path: string;
  readonly bytes: number;
}

/**
 * The problems `zet validate` (and `zet pack`) would find with these files, in words. Stricter
 * than zet in one way: a file zet would silently drop from the zip (an extension it does not
 * pack, such as a source map) is an error here, because the widget would then miss it.
 */
export function zetProblems(files: readonly ProjectFile[]): string[] {
  const problems: string[] = [];
  if (files.length === 0) problems.push('app/ is empty');
  if (files.length > ZET_LIMITS.maxFiles) problems.push(`${files.length} files: zet allows at most ${ZET_LIMITS.maxFiles}`);
  for (const file of files) {
    const parts = file.path.split('/');
    const name = parts.at(-1) ?? '';
    if (parts[0] !== 'app') problems.push(`${file.path}: files must sit under app/`);
    for (const folder of parts.slice(1, -1)) {
      if (!FOLDER_NAME.test(folder)) problems.push(`${file.path}: folder "${folder}" may hold only A-Z a-z 0-9 _ $ -`);
    }
    if (name.startsWith('.')) problems.push(`${file.path}: names starting with "." are refused`);
    if (!FILE_NAME.test(name)) problems.push(`${file.path}: file names may hold only A-Z a-z 0-9 _ . $ -`);
    if (name.length > ZET_LIMITS.maxFileNameLength) problems.push(`${file.path}: the name is longer than ${ZET_LIMITS.maxFileNameLength} characters`);
    if (file.bytes > ZET_LIMITS.maxFileBytes) problems.push(`${file.path}: ${file.bytes} bytes, over zet's ${ZET_LIMITS.maxFileBytes} per file`);
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
    if (!ZET_EXTENSIONS.includes(extension)) problems.push(`${file.path}: zet does not pack "${extension || name}" files (it would leave this one out)`);
  }
  return problems;
}
