/**
 * The few scales the account manager's charts need, so the account page does not ship d3's
 * time, colour and interpolation modules (the leaders' charts, loaded apart, still use d3-scale).
 * `bandScale` follows d3's `scaleBand().padding(p)` layout exactly (inner = outer padding, centred).
 */

/** Maps `domain` linearly onto `range`. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

export interface BandScale {
  /** The top (or left) of a key's band; `undefined` for a key outside the domain. */
  readonly at: (key: string) => number | undefined;
  readonly bandwidth: number;
}

/** Equal bands for `keys` across `range`, with `padding` (0–1) of a step between and around them. */
export function bandScale(keys: readonly string[], range: readonly [number, number], padding: number): BandScale {
  const [start, stop] = range;
  const n = keys.length;
  const step = (stop - start) / Math.max(1, n - padding + padding * 2);
  const first = start + (stop - start - step * (n - padding)) / 2;
  const index = new Map(keys.map((key, position) => [key, position]));
  return {
    at: (key) => {
      const position = index.get(key);
      return position === undefined ? undefined : first + step * position;
    },
    bandwidth: step * (1 - padding),
  };
}

const dayMs = 86_400_000;

/**
 * Readable date ticks between two instants, at most about `count`: the first of every 1, 2, 3, 6 or
 * 12 months (UTC) for spans of two months and more, else every 1, 2, 7 or 14 days at midnight UTC.
 */
export function utcTicks(from: Date, to: Date, count: number): Date[] {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start) || count < 1) return [];
  const days = (end - start) / dayMs;
  if (days >= 60) {
    const months = days / 30.44;
    const step = [1, 2, 3, 6, 12].find((candidate) => months / candidate <= count) ?? 12;
    const ticks: Date[] = [];
    const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
    while (cursor.getTime() < start) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    // Align to the step within the year (Jan, Apr, Jul, Oct for quarters), as a reader expects.
    while (cursor.getUTCMonth() % step !== 0) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    for (; cursor.getTime() <= end; cursor.setUTCMonth(cursor.getUTCMonth() + step)) ticks.push(new Date(cursor.getTime()));
    return ticks;
  }
  const step = [1, 2, 7, 14].find((candidate) => days / candidate <= count) ?? 14;
  const ticks: Date[] = [];
  for (let day = Math.ceil(start / dayMs); day * dayMs <= end; day += 1) {
    // Weekly steps fall on Mondays (1970-01-01 was a Thursday: day 4 is the first Monday).
    if (step >= 7 ? (day - 4) % step === 0 : day % step === 0) ticks.push(new Date(day * dayMs));
  }
  return ticks;
}
