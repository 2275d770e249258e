import { fileURLToPath } from 'node:url';
import type { InlineConfig, Plugin } from 'vite';

/** File names inside the `kizunaEmbed` static resource; the component loads exactly these. */
export const BUNDLE_SCRIPT = 'kizuna-embed.js';
export const BUNDLE_STYLE = 'kizuna-embed.css';

/**
 * Kizuna's own packages keep no state and run nothing on import (docs/decisions, STYLE), but they
 * do not say so in their package.json, so the bundler would keep every schema and module reachable
 * through their barrels — the REST adapter, OAuth and the SOQL parser included. Their TypeScript
 * modules are declared free of side effects here; style sheets are not (importing one is its effect).
 */
const sideEffectFreeSource = /[\\/]packages[\\/](?:model|metrics|crm-core|crm-salesforce|widgets)[\\/]src[\\/].*\.tsx?$/;
/** The SOQL parser (and the parser toolkit under it) builds its grammar on import; only the REST path uses it. */
const sideEffectFreePackage = /[\\/]node_modules[\\/]@jetstreamapp[\\/]soql-parser-js[\\/]/;
export function hasSideEffects(id: string): boolean {
  return !sideEffectFreeSource.test(id) && !sideEffectFreePackage.test(id);
}

/**
 * zod keeps its configuration and schema registry on `globalThis` (`__zod_globalConfig`,
 * `__zod_globalRegistry`) so that several copies of it share them. The bundle holds one copy and
 * must set no global but `KizunaEmbed`, so those two modules keep them in a module-local object.
 */
const zodGlobalModules = /[\\/]zod[\\/]v4[\\/]core[\\/](?:core|registries)\.js$/;
export function zodStateInModule(): Plugin {
  return {
    name: 'kizuna:zod-state-in-module',
    transform(code, id) {
      if (!zodGlobalModules.test(id)) return null;
      return { code: `const __kizunaZodScope = {};\n${code.replaceAll('globalThis', '__kizunaZodScope')}`, map: null };
    },
  };
}

/** This package's folder (the SFDX project root). */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BundleConfigOptions {
  /** Where the script and style go (the static resource's folder). */
  readonly outDir: string;
  /** Minify (default true). */
  readonly minify?: boolean;
}

/**
 * Vite in library mode, one self-contained IIFE: React, the widgets and the LWC bridge inside,
 * no imports at run time, no global but the `window.KizunaEmbed` the entry sets (the IIFE is
 * anonymous, so the bundle declares no top-level variable of its own). Production React (no
 * `process` at run time), no eval-based source maps, nothing that evaluates a string (zod runs
 * `jitless` from the entry's first import), one
 * CSS file for `loadStyle`.
 */
export function bundleConfig(options: BundleConfigOptions): InlineConfig {
  return {
    configFile: false,
    root: packageRoot,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [zodStateInModule()],
    // Production JSX whatever NODE_ENV the caller runs with (tests run with NODE_ENV=test).
    oxc: { jsx: { runtime: 'automatic', development: false } },
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      target: 'es2020',
      minify: options.minify ?? true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      cssCodeSplit: false,
      rolldownOptions: {
        treeshake: { moduleSideEffects: hasSideEffects },
        onLog(level, log, handler) {
          // React Query marks its modules "use client" for server components; meaningless in an IIFE.
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
      lib: {
        entry: fileURLToPath(new URL('../bundle/entry.ts', import.meta.url)),
        formats: ['iife'],
        name: 'KizunaEmbedBundle',
        fileName: () => BUNDLE_SCRIPT,
        cssFileName: BUNDLE_STYLE.replace(/\.css$/, ''),
      },
    },
  };
}
