import { scaleLinear } from 'd3-scale';

export interface QuadrantDatum {
  readonly id: string;
  readonly label: string;
  /** x: importance (% of explained variance). */
  readonly importance: number;
  /** y: performance (mean rating 0–10). */
  readonly performance: number;
  readonly quadrant: 'fix' | 'maintain' | 'monitor' | 'over_invested';
}

export interface QuadrantLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly cutX: number;
  readonly cutY: number;
  readonly points: ReadonlyArray<QuadrantDatum & { readonly x: number; readonly y: number }>;
  readonly xTicks: ReadonlyArray<{ readonly value: number; readonly x: number }>;
  readonly yTicks: ReadonlyArray<{ readonly value: number; readonly y: number }>;
}

/** Importance × performance: d3 scales from the points and the two cuts (medians by default). */
export function quadrantLayout(
  points: readonly QuadrantDatum[],
  cuts: { readonly importance: number; readonly performance: number },
  size: { readonly width?: number; readonly height?: number } = {},
): QuadrantLayout {
  const width = size.width ?? 480;
  const height = size.height ?? 360;
  const plot = { left: 48, right: width - 16, top: 24, bottom: height - 40 };
  const importances = [...points.map((p) => p.importance), cuts.importance, 0];
  const performances = [...points.map((p) => p.performance), cuts.performance];
  const x = scaleLinear().domain([0, Math.max(...importances) * 1.1 || 1]).range([plot.left, plot.right]).nice();
  const yMin = Math.max(0, Math.min(...performances) - 0.5);
  const yMax = Math.min(10, Math.max(...performances) + 0.5);
  const y = scaleLinear().domain([yMin, yMax]).range([plot.bottom, plot.top]).nice();
  return {
    width,
    height,
    plot,
    cutX: x(cuts.importance),
    cutY: y(cuts.performance),
    points: points.map((p) => ({ ...p, x: x(p.importance), y: y(p.performance) })),
    xTicks: x.ticks(5).map((value) => ({ value, x: x(value) })),
    yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
  };
}
