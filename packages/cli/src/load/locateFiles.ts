import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetKeys, entityNames, type EntityName } from '@kizuna/model';
import type { FileFormat } from './fileReport';

/** The data directory or its accounts file is missing or unreadable (exit 66). */
export class NoInputError extends Error {}

/** The directory's files contradict each other (exit 65). */
export class DataLayoutError extends Error {}

export interface LocatedFile {
  readonly entity: EntityName;
  readonly path: string;
  /** The path as shown to the user: under the `--data` argument as given. */
  readonly shownPath: string;
  readonly format: FileFormat;
}

export interface LocatedFiles {
  readonly files: ReadonlyMap<EntityName, LocatedFile>;
  readonly missing: readonly EntityName[];
  /** Data-looking files that are not read, with a suggestion when the name is close to a dataset's. */
  readonly ignored: readonly IgnoredFile[];
}

export interface IgnoredFile {
  readonly name: string;
  readonly suggestion?: string;
}

const formats: readonly FileFormat[] = ['jsonl', 'csv'];

async function directoryNames(dir: string, shownDir: string): Promise<Set<string>> {
  const info = await stat(dir).catch((error: unknown) => {
    throw new NoInputError(`cannot read the data directory ${shownDir}: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!info.isDirectory()) throw new NoInputError(`${shownDir} is not a directory`);
  try {
    return new Set(await readdir(dir));
  } catch (error) {
    throw new NoInputError(`cannot list the data directory ${shownDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function ignoredFiles(names: ReadonlySet<string>): IgnoredFile[] {
  const known = new Set(entityNames.flatMap((entity) => formats.map((format) => `${datasetKeys[entity]}.${format}`)));
  return [...names]
    .filter((name) => /\.(jsonl|csv)$/i.test(name) && !known.has(name))
    .sort()
    .map((name) => {
      const base = name.replace(/\.(jsonl|csv)$/i, '');
      const entity = entityNames.find((candidate) => candidate.toLowerCase() === base.toLowerCase() || datasetKeys[candidate].toLowerCase() === base.toLowerCase());
      return entity === undefined ? { name } : { name, suggestion: `${datasetKeys[entity]}${name.slice(base.length).toLowerCase()}` };
    });
}

/**
 * Finds `<datasetKey>.jsonl` or `<datasetKey>.csv` for every entity in `dir`. Entities without a
 * file are empty, except accounts, which every analysis needs.
 */
export async function locateFiles(dir: string, shownDir: string): Promise<LocatedFiles> {
  const names = await directoryNames(dir, shownDir);
  const files = new Map<EntityName, LocatedFile>();
  const missing: EntityName[] = [];
  for (const entity of entityNames) {
    const present = formats.filter((format) => names.has(`${datasetKeys[entity]}.${format}`));
    const [format, second] = present;
    if (second !== undefined) {
      throw new DataLayoutError(`both ${datasetKeys[entity]}.jsonl and ${datasetKeys[entity]}.csv are in ${shownDir}: keep one of them`);
    }
    if (format === undefined) {
      missing.push(entity);
      continue;
    }
    const name = `${datasetKeys[entity]}.${format}`;
    files.set(entity, { entity, path: join(dir, name), shownPath: join(shownDir, name), format });
  }
  if (!files.has('account')) {
    throw new NoInputError(`no accounts.jsonl or accounts.csv in ${shownDir}: every analysis needs the accounts`);
  }
  return { files, missing, ignored: ignoredFiles(names) };
}
