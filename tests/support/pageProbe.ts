import type { Page } from 'playwright-core';

export interface CspViolation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
}

/** What the probe counts in the page (see probePage). */
export interface ProbeCounts {
  /** `securitypolicyviolation` events seen by the page. */
  readonly cspViolations: number;
  /** Each violation: directive, blocked URI and the script that caused it (file:line). */
  readonly cspDetails: readonly CspViolation[];
  /** Listeners live on window, document, <html> and <body> (where a forgotten listener leaks). */
  readonly globalListeners: number;
  /** Intervals started and not cleared. */
  readonly intervals: number;
}

declare global {
  interface Window {
    __kizunaProbe?: { counts(): ProbeCounts };
  }
}

/**
 * Runs in the page before any of its scripts (an init script is not subject to the page's CSP):
 * records CSP violations, and keeps count of the listeners on the page's global targets and of
 * live intervals, so a test can check that unmounting a dashboard leaves nothing behind.
 */
function probeInPage(): void {
  const violations: { directive: string; blocked: string; source: string }[] = [];
  const live = new Map<EventTarget, Set<string>>();
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (value: object) => {
    let id = ids.get(value);
    if (id === undefined) {
      nextId += 1;
      id = nextId;
      ids.set(value, id);
    }
    return id;
  };
  const isGlobal = (target: EventTarget) => target === window || target === document || target === document.documentElement || target === document.body;
  const captureOf = (options: unknown) => (typeof options === 'boolean' ? options : typeof options === 'object' && options !== null && (options as { capture?: unknown }).capture === true);
  const keyOf = (type: string, listener: unknown, options: unknown) =>
    typeof listener === 'object' || typeof listener === 'function' ? `${type}|${idOf(listener as object)}|${String(captureOf(options))}` : undefined;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    const key = keyOf(type, listener, options);
    const once = typeof options === 'object' && options.once === true;
    if (key !== undefined && !once && isGlobal(this)) {
      const keys = live.get(this) ?? new Set<string>();
      keys.add(key);
      live.set(this, keys);
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const key = keyOf(type, listener, options);
    if (key !== undefined) live.get(this)?.delete(key);
    return remove.call(this, type, listener, options);
  };
  const intervals = new Set<number>();
  const setIntervalOriginal = window.setInterval.bind(window);
  const clearIntervalOriginal = window.clearInterval.bind(window);
  window.setInterval = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
    const id = setIntervalOriginal(handler, timeout, ...rest);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    clearIntervalOriginal(id);
  }) as typeof window.clearInterval;
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` }),
  );
  window.__kizunaProbe = {
    counts: () => ({
      cspViolations: violations.length,
      cspDetails: [...violations],
      globalListeners: [...live.values()].reduce((sum, keys) => sum + keys.size, 0),
      intervals: intervals.size,
    }),
  };
}

export interface ProbedPage {
  readonly page: Page;
  /** "Refused to …" console messages (Chromium's CSP reports). */
  readonly refusals: readonly string[];
  counts(): Promise<ProbeCounts>;
}

/** Installs the probe on a page (before it navigates) and listens for Chromium's CSP console messages. */
export async function probePage(page: Page): Promise<ProbedPage> {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('Refused to')) refusals.push(message.text());
  });
  await page.addInitScript(probeInPage);
  return {
    page,
    refusals,
    counts: async () => {
      const counts = await page.evaluate(() => window.__kizunaProbe?.counts());
      if (counts === undefined) throw new Error('The page probe is not installed.');
      return counts;
    },
  };
}

/**
 * Violations caused by code outside the demo, known and reported to their package; listed so that
 * every other violation fails. Empty: every bundle the demo serves (the Salesforce static resource,
 * the web component, the Zoho widget) runs zod `jitless` from its entry's first import and holds
 * nothing else that evaluates a string, so any violation now fails the demo's browser tests.
 */
export const knownCspSources: readonly { readonly pattern: RegExp; readonly why: string }[] = [];

export interface CspCount {
  /** `securitypolicyviolation` events from the demo's own code, plus "Refused to" messages. */
  readonly unexpected: number;
  /** Violations from the known sources above. */
  readonly known: number;
}

/** One line per page of CSP counts, printed at the end of a suite. */
export class CspReport {
  private readonly lines: string[] = [];

  async record(label: string, probed: ProbedPage): Promise<CspCount & { readonly details: readonly string[] }> {
    const counts = await probed.counts();
    const known = counts.cspDetails.filter((violation) => knownCspSources.some((entry) => entry.pattern.test(violation.source)));
    const unexpected = counts.cspDetails.filter((violation) => !known.includes(violation));
    const details = [...unexpected.map((violation) => `${violation.directive} ${violation.blocked} at ${violation.source}`), ...probed.refusals];
    this.lines.push(
      `${label}: ${counts.cspViolations} securitypolicyviolation (${known.length} known, outside the demo), ${probed.refusals.length} "Refused to" messages${details.length > 0 ? ` — ${details.join('; ')}` : ''}`,
    );
    return { unexpected: unexpected.length + probed.refusals.length, known: known.length, details };
  }

  print(suite: string): void {
    process.stdout.write(`\nCSP violations (${suite}):\n${this.lines.map((line) => `  ${line}`).join('\n')}\n`);
  }
}
