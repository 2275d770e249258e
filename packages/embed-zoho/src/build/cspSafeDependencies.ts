import type { Plugin } from 'vite';

const GENERATOR_PROBE = '@stdlib/assert-has-generator-support';
const RESOLVED = '\0kizuna:stdlib-has-generator-support';

/**
 * Keeps `eval` out of the bundle. `@stdlib/assert-has-generator-support` (pulled in by the metrics
 * core's statistical functions, through `math-base-tools-continued-fraction` and `sum-series`)
 * tests for `function*` by evaluating a string with `@stdlib/utils-eval` when those modules load —
 * a CSP violation on every page load. Every browser the bundle targets (ES2022) has generators,
 * so the probe is answered `true` at build time.
 */
export function cspSafeDependencies(): Plugin {
  return {
    name: 'kizuna-csp-safe-dependencies',
    enforce: 'pre',
    resolveId: (source) => (source === GENERATOR_PROBE ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? 'module.exports = function hasGeneratorSupport() { return true; };' : null),
  };
}
