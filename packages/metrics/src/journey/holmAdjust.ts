/**
 * Holm's step-down adjustment of p-values for m simultaneous tests (controls the chance of any
 * false alarm): sort ascending, multiply the k-th smallest by (m − k + 1), keep monotone, cap at 1.
 * Returned in the input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, index }, k) => {
    running = Math.max(running, Math.min(1, (m - k) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
