import { scaleBand, scaleLinear } from 'd3-scale';

/** One row of a dot-and-interval chart: an estimate with its interval, and what it means. */
export interface IntervalDatum {
  readonly id: string;
  readonly label: string;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** A real difference (drawn with its own shape, never by colour alone). */
  readonly mark?: 'strength' | 'weakness';
}

export interface IntervalLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly rows: ReadonlyArray<IntervalDatum & { readonly y: number; readonly x: number | null; readonly x1: number | null; readonly x2: number | null }>;
  readonly ticks: ReadonlyArray<{ readonly value: number; readonly x: number }>;
  /** Where the reference value (e.g. 0, or the company) is drawn, if inside the domain. */
  readonly referenceX: number | null;
}

export interface IntervalLayoutOptions {
  readonly width?: number;
  readonly rowHeight?: number;
  readonly labelWidth?: number;
  /** Fixed domain (e.g. −100…100 for NPS); else from the data, padded. */
  readonly domain?: readonly [number, number];
  readonly reference?: number;
}

/** Positions for a horizontal dot-and-interval chart: d3 computes the scales, React draws. */
export function intervalLayout(data: readonly IntervalDatum[], options: IntervalLayoutOptions = {}): IntervalLayout {
  const width = options.width ?? 480;
  const rowHeight = options.rowHeight ?? 28;
  const plot = { left: options.labelWidth ?? 150, right: width - 16, top: 8, bottom: 8 + rowHeight * Math.max(1, data.length) };
  const values = data.flatMap((d) => [d.value, d.low, d.high]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (options.reference !== undefined) values.push(options.reference);
  const [min, max] = options.domain ?? [Math.min(...values, 0), Math.max(...values, 1)];
  const x = scaleLinear().domain([min, max]).range([plot.left, plot.right]).nice();
  const y = scaleBand<string>().domain(data.map((d) => d.id)).range([plot.top, plot.bottom]).padding(0.3);
  const at = (value: number | null) => (value === null ? null : x(value));
  const reference = options.reference;
  const [d0, d1] = x.domain() as [number, number];
  return {
    width,
    height: plot.bottom + 28,
    plot,
    rows: data.map((d) => ({ ...d, y: (y(d.id) ?? 0) + y.bandwidth() / 2, x: at(d.value), x1: at(d.low), x2: at(d.high) })),
    ticks: x.ticks(5).map((value) => ({ value, x: x(value) })),
    referenceX: reference !== undefined && reference >= d0 && reference <= d1 ? x(reference) : null,
  };
}
