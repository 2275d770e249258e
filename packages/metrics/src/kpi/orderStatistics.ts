// Order statistics without a full sort: quickselect (Hoare partitions around a median of three,
// insertion sort for short ranges, a typed-array sort if partitioning stops making progress), on
// large arrays after a sample has narrowed the values to select among (`orderStatistics`).

const SHORT = 16;
/** Partitions of one range before giving up on quickselect and sorting it instead. */
const PARTITION_BUDGET = 48;

function insertionSort(values: Float64Array, low: number, high: number): void {
  for (let i = low + 1; i <= high; i += 1) {
    const value = values[i] ?? 0;
    let j = i - 1;
    while (j >= low && (values[j] ?? 0) > value) {
      values[j + 1] = values[j] ?? 0;
      j -= 1;
    }
    values[j + 1] = value;
  }
}

/** Puts the median of values[low], values[middle], values[high] at middle (the smallest at low, the largest at high). */
function medianOfThree(values: Float64Array, low: number, middle: number, high: number): number {
  let a = values[low] ?? 0;
  let b = values[middle] ?? 0;
  let c = values[high] ?? 0;
  if (b < a) {
    const swap = a;
    a = b;
    b = swap;
  }
  if (c < b) {
    const swap = b;
    b = c;
    c = swap;
    if (b < a) {
      const other = a;
      a = b;
      b = other;
    }
  }
  values[low] = a;
  values[middle] = b;
  values[high] = c;
  return b;
}

/**
 * Rearranges values[low…high] so that values[r] holds the value of rank r there for each of
 * ranks[from…to) (ascending, all within low…high), with no larger value before it and no smaller
 * value after it. Hoare partitions around a median-of-three pivot (scanning from both ends and
 * swapping pairs on the wrong side; values equal to the pivot stop both scans, so many equal values
 * still split evenly), following the ranks into the parts that hold them; ranks among the values
 * equal to the pivot left between the parts are done, so ranks close together cost about one
 * selection. Values must not be NaN. (One function: V8 runs this loop faster than with the
 * partition split out.)
 */
function selectRanksIn(values: Float64Array, low: number, high: number, ranks: readonly number[], from: number, to: number): void {
  let budget = PARTITION_BUDGET;
  while (from < to && high - low > SHORT) {
    if (budget === 0) {
      values.subarray(low, high + 1).sort();
      return;
    }
    budget -= 1;
    const pivot = medianOfThree(values, low, (low + high) >>> 1, high);
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i += 1;
      while ((values[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    // values[low…j] ≤ pivot, values[i…high] ≥ pivot, and values between them equal the pivot.
    let below = from;
    while (below < to && (ranks[below] ?? 0) <= j) below += 1;
    if (below > from) selectRanksIn(values, low, j, ranks, from, below);
    from = below;
    while (from < to && (ranks[from] ?? 0) < i) from += 1;
    low = i;
  }
  if (from < to) insertionSort(values, low, high);
}

/**
 * Rearranges `values` so that values[r] is the r-th smallest (0-based) for every rank r given, as a
 * full ascending sort would place it. Values must not be NaN.
 */
function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  const wanted = [...new Set(ranks)].filter((rank) => rank >= 0 && rank < values.length).sort((a, b) => a - b);
  selectRanksIn(values, 0, values.length - 1, wanted, 0, wanted.length);
}

/** Below this many values, order statistics are selected in place; from it, a sample narrows them first. */
const SAMPLED_FROM = 4096;
/** The values between the sample's bounds are copied here (reused). */
let between = new Float64Array(SAMPLED_FROM);
/** [values below the lower bound, values copied to `between`], from `splitAround`. */
const split = new Float64Array(2);

/** A sample of `size` values, evenly spaced through `values`. */
function sampleOf(values: Float64Array, size: number): Float64Array {
  const sample = new Float64Array(size);
  const step = values.length / size;
  for (let i = 0; i < size; i += 1) sample[i] = values[Math.floor((i + 0.5) * step)] ?? 0;
  return sample;
}

/** Counts the values below `low` and copies those within [low, high] to `into` (branch-free). */
function splitAround(values: Float64Array, low: number, high: number, into: Float64Array, counts: Float64Array): void {
  let below = 0;
  let copied = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? 0;
    into[copied] = value;
    below += Number(value < low);
    copied += Number(value >= low) & Number(value <= high);
  }
  counts[0] = below;
  counts[1] = copied;
}

/**
 * The order statistics of `values` at the given 0-based ranks (as a full ascending sort would place
 * them), without sorting. Large arrays are narrowed first: bounds taken from a sample around the
 * ranks (with a margin of four standard deviations of a sample rank) split the values in one
 * branch-free pass into those below, the few between (copied out) and those above; the ranks are
 * then selected among the few. Should the ranks fall outside (unlikely), or for small arrays, they
 * are selected in place, which rearranges `values`. Values must not be NaN.
 */
export function orderStatistics(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  const wanted = [...new Set(ranks)].filter((rank) => rank >= 0 && rank < n).sort((a, b) => a - b);
  const first = wanted[0];
  const last = wanted[wanted.length - 1];
  if (n >= SAMPLED_FROM && first !== undefined && last !== undefined) {
    const size = Math.min(8192, n >> 3);
    const sample = sampleOf(values, size);
    const margin = Math.ceil(2 * Math.sqrt(size));
    const lowAt = Math.floor((first * size) / n) - margin;
    const highAt = Math.ceil((last * size) / n) + margin;
    selectRanks(sample, [lowAt, highAt]);
    const low = lowAt <= 0 ? -Infinity : (sample[lowAt] ?? -Infinity);
    const high = highAt >= size - 1 ? Infinity : (sample[highAt] ?? Infinity);
    if (between.length < n) between = new Float64Array(Math.max(n, 2 * between.length));
    splitAround(values, low, high, between, split);
    const below = split[0] ?? 0;
    const copied = split[1] ?? 0;
    if (below <= first && last < below + copied) {
      const few = between.subarray(0, copied);
      selectRanks(few, wanted.map((rank) => rank - below));
      return ranks.map((rank) => few[rank - below] ?? Number.NaN);
    }
  }
  selectRanks(values, wanted);
  return ranks.map((rank) => values[rank] ?? Number.NaN);
}
