// Order statistics without a full sort: quickselect (Hoare partitions around a median of three,
// insertion sort for short ranges, a typed-array sort if partitioning stops making progress), on
// large arrays after a histogram of the values' leading bits has narrowed the values to select
// among (`orderStatistics`).

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

/** Below this many values, order statistics are selected in place; from it, a histogram narrows them first. */
const NARROWED_FROM = 256;
/** Buckets of the histogram: the leading 16 bits of a double's bit pattern (sign, exponent, 4 bits of mantissa). */
const BUCKETS = 1 << 16;
/** Counts per bucket, all 0 between calls (a call clears the range it used). */
const histogram = new Int32Array(BUCKETS);
/** 1 for the buckets holding a wanted rank, all 0 between calls. */
const wantedBucket = new Uint8Array(BUCKETS);
/** [lowest, highest] bucket seen by `countBuckets`. */
const bucketRange = new Int32Array(2);
/** The values of the wanted buckets are copied here (reused). */
let inBuckets = new Float64Array(1 << 12);
/** Index of a double's high 32 bits (sign, exponent, leading mantissa) in a Uint32Array over it. */
const HIGH_WORD = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;

// The bucket of a double from its high word h: `(h ^ ((h >> 31) | 0x80000000)) >>> 16` flips every
// bit of a negative number and only the sign bit of a positive one, so that bucket order is value
// order (−0 falls just below +0, which is harmless: buckets only narrow, ranks are counted).

/** Counts the values per bucket into `histogram` and the lowest and highest bucket into `bucketRange`. */
function countBuckets(words: Uint32Array, high: number, n: number): void {
  let lowest = BUCKETS - 1;
  let highest = 0;
  for (let i = 0; i < n; i += 1) {
    const h = words[2 * i + high] ?? 0;
    const bucket = (h ^ ((h >> 31) | 0x80000000)) >>> 16;
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    lowest = Math.min(lowest, bucket);
    highest = Math.max(highest, bucket);
  }
  bucketRange[0] = lowest;
  bucketRange[1] = highest;
}

/** Copies the values whose bucket is wanted to `into` (branch-free); returns how many. */
function copyWanted(values: Float64Array, words: Uint32Array, high: number, into: Float64Array): number {
  let copied = 0;
  for (let i = 0; i < values.length; i += 1) {
    const h = words[2 * i + high] ?? 0;
    into[copied] = values[i] ?? 0;
    copied += wantedBucket[(h ^ ((h >> 31) | 0x80000000)) >>> 16] ?? 0;
  }
  return copied;
}

/**
 * The order statistics at the ranks (ascending, within 0 … n − 1) through a histogram of the
 * values' leading bits: one pass counts the values per bucket, the buckets holding the ranks are
 * found from the running counts, a second pass copies out only those buckets' values, and the ranks
 * are selected among them (a rank's place there is the values of lower wanted buckets plus its
 * place in its own bucket). Leaves `values` as they were and the shared arrays cleared.
 */
function selectThroughHistogram(values: Float64Array, wanted: readonly number[]): Map<number, number> {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  countBuckets(words, HIGH_WORD, n);
  const lowest = bucketRange[0] ?? 0;
  const highest = bucketRange[1] ?? BUCKETS - 1;
  const marked: number[] = [];
  const places: number[] = [];
  let below = 0;
  let copiedBelow = 0;
  let next = 0;
  for (let bucket = lowest; bucket <= highest && next < wanted.length; bucket += 1) {
    const count = histogram[bucket] ?? 0;
    let holdsRank = false;
    while (next < wanted.length && (wanted[next] ?? 0) < below + count) {
      places.push(copiedBelow + (wanted[next] ?? 0) - below);
      holdsRank = true;
      next += 1;
    }
    if (holdsRank) {
      wantedBucket[bucket] = 1;
      marked.push(bucket);
      copiedBelow += count;
    }
    below += count;
  }
  histogram.fill(0, lowest, highest + 1);
  if (inBuckets.length < copiedBelow + 1) inBuckets = new Float64Array(Math.max(copiedBelow + 1, 2 * inBuckets.length));
  const copied = copyWanted(values, words, HIGH_WORD, inBuckets);
  for (const bucket of marked) wantedBucket[bucket] = 0;
  const few = inBuckets.subarray(0, copied);
  selectRanks(few, places);
  return new Map(wanted.map((rank, index) => [rank, few[places[index] ?? 0] ?? Number.NaN]));
}

/**
 * The order statistics of `values` at the given 0-based ranks (as a full ascending sort would place
 * them), without sorting. Arrays of 256 values or more are narrowed first by a histogram of the
 * values' leading bits (two branch-free passes; see `selectThroughHistogram`), so only the values
 * of the few buckets holding the ranks are selected among, and `values` is left as it was; smaller
 * arrays are selected in place, which rearranges them. Allocates nothing per value: the histogram
 * and the copied values live in buffers reused from call to call. Values must not be NaN.
 */
export function orderStatistics(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  const wanted = [...new Set(ranks)].filter((rank) => rank >= 0 && rank < n).sort((a, b) => a - b);
  if (n >= NARROWED_FROM && wanted.length > 0) {
    const found = selectThroughHistogram(values, wanted);
    return ranks.map((rank) => found.get(rank) ?? Number.NaN);
  }
  selectRanks(values, wanted);
  return ranks.map((rank) => values[rank] ?? Number.NaN);
}
