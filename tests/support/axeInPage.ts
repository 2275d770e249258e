import axe from 'axe-core';
import type { Frame, Locator, Page } from 'playwright-core';

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

export interface AxeFindings {
  /** Each violation in words: rule, help, and the elements it names. */
  readonly violations: readonly string[];
  /** How many elements each passing rule checked, by rule id (shows what axe could see). */
  readonly passed: Readonly<Record<string, number>>;
}

/**
 * Runs axe-core over one element of a page in Chromium, colour contrast included (a real browser
 * computes styles, unlike jsdom). axe is injected into the element's page or frame through the
 * debugging protocol, which the page's CSP does not govern, so the page runs unchanged.
 */
export async function axeFindings(where: Page | Frame, element: Locator): Promise<AxeFindings> {
  if (!(await where.evaluate(() => window.axe !== undefined))) await where.evaluate(axe.source);
  return element.evaluate(async (root) => {
    const engine = window.axe;
    if (engine === undefined) throw new Error('axe-core did not load in the page.');
    const results = await engine.run(root, { resultTypes: ['violations', 'passes'] });
    return {
      violations: results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`),
      passed: Object.fromEntries(results.passes.map((rule) => [rule.id, rule.nodes.length])),
    };
  });
}
