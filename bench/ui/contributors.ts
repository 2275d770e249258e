import { relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RenderedModule } from './buildEntry';

export interface Contributor {
  readonly name: string;
  /** Characters of the bundle's code before minification (Rolldown's `renderedLength`). */
  readonly renderedLength: number;
  readonly modules: number;
  /**
   * The owner's part of the bundle's gzip size, estimated: its rendered code gzipped on its own,
   * scaled so the parts add up to the bundle's gzip size (minification and cross-module
   * compression are shared out in proportion).
   */
  readonly gzipEstimate: number;
}

/**
 * Who a module belongs to: the npm package it sits in (the last `node_modules/` of its path), or for
 * the workspace's own code the package and its first folder (`@kizuna/widgets account/`), so a
 * table shows both which dependency to drop and which part of Kizuna to load later.
 */
export function ownerOf(id: string, workspaceRoot: string): string {
  if (id.startsWith('\0')) return '(bundler runtime and virtual modules)';
  const parts = id.split(/[\\/]/);
  const last = parts.lastIndexOf('node_modules');
  if (last >= 0) {
    const first = parts[last + 1] ?? '?';
    // stdlib ships each special function as its own package: one line for all of them.
    if (first === '@stdlib') return '@stdlib/* (statistical special functions)';
    return first.startsWith('@') ? `${first}/${parts[last + 2] ?? '?'}` : first;
  }
  const inWorkspace = relative(workspaceRoot, id).split(sep);
  if (inWorkspace[0] === 'packages' && inWorkspace[1] !== undefined) {
    const folder = inWorkspace[2] === 'src' && inWorkspace.length > 4 ? ` ${inWorkspace[3] ?? ''}/` : '';
    return `@kizuna/${inWorkspace[1]}${folder}`;
  }
  return inWorkspace.slice(0, 2).join('/');
}

/** Modules grouped by owner, largest first; `bundleGzip` is the whole bundle's gzip size. */
export function contributors(modules: readonly RenderedModule[], workspaceRoot: string, bundleGzip: number): Contributor[] {
  const byOwner = new Map<string, { renderedLength: number; modules: number; code: string[] }>();
  for (const module of modules) {
    const owner = ownerOf(module.id, workspaceRoot);
    const entry = byOwner.get(owner) ?? { renderedLength: 0, modules: 0, code: [] };
    entry.renderedLength += module.renderedLength;
    entry.modules += 1;
    entry.code.push(module.code);
    byOwner.set(owner, entry);
  }
  const gzipped = new Map([...byOwner].map(([owner, entry]) => [owner, gzipSync(entry.code.join('\n'), { level: 9 }).byteLength]));
  const gzipTotal = [...gzipped.values()].reduce((sum, size) => sum + size, 0);
  return [...byOwner]
    .map(([name, entry]) => ({ name, renderedLength: entry.renderedLength, modules: entry.modules, gzipEstimate: gzipTotal === 0 ? 0 : ((gzipped.get(name) ?? 0) / gzipTotal) * bundleGzip }))
    .sort((a, b) => b.gzipEstimate - a.gzipEstimate);
}
