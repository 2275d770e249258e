import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core over a rendered element and fails with each violation in words. Colour contrast
 * is left to the theme contrast test: jsdom computes no styles, so axe cannot judge it here.
 */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  // jsdom has no canvas: axe's text-measuring checks then log "Not implemented" and fall back.
  // Answering "no 2D context" (what a browser without canvas does) keeps the fallback and the log quiet.
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = () => null;
  let results: axe.AxeResults;
  try {
    results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  } finally {
    HTMLCanvasElement.prototype.getContext = getContext;
  }
  const described = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(described).toEqual([]);
}
