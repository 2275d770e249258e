import { scaleLinear, scalePoint } from 'd3-scale';
import { area, line } from 'd3-shape';

export interface StageDatum {
  readonly id: string;
  readonly label: string;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

export interface StageLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly points: ReadonlyArray<StageDatum & { readonly x: number; readonly y: number | null }>;
  /** SVG path of the estimates (gaps where a stage has none) and of the interval band. */
  readonly linePath: string;
  readonly bandPath: string;
  readonly yTicks: ReadonlyArray<{ readonly value: number; readonly y: number }>;
}

/** NPS along the journey: stages on x (in order), estimate line and interval band from d3-shape. */
export function stageLayout(data: readonly StageDatum[], size: { readonly width?: number; readonly height?: number } = {}): StageLayout {
  const width = size.width ?? 560;
  const height = size.height ?? 260;
  const plot = { left: 44, right: width - 24, top: 16, bottom: height - 40 };
  const x = scalePoint<string>().domain(data.map((d) => d.id)).range([plot.left, plot.right]).padding(0.4);
  const values = data.flatMap((d) => [d.low, d.high, d.value]).filter((v): v is number => v !== null);
  const y = scaleLinear()
    .domain([Math.max(-100, Math.min(...values, 0) - 5), Math.min(100, Math.max(...values, 0) + 5)])
    .range([plot.bottom, plot.top])
    .nice();
  const xOf = (d: StageDatum) => x(d.id) ?? plot.left;
  const linePath =
    line<StageDatum>()
      .defined((d) => d.value !== null)
      .x(xOf)
      .y((d) => y(d.value ?? 0))(data) ?? '';
  const bandPath =
    area<StageDatum>()
      .defined((d) => d.low !== null && d.high !== null)
      .x(xOf)
      .y0((d) => y(d.low ?? 0))
      .y1((d) => y(d.high ?? 0))(data) ?? '';
  return {
    width,
    height,
    plot,
    points: data.map((d) => ({ ...d, x: xOf(d), y: d.value === null ? null : y(d.value) })),
    linePath,
    bandPath,
    yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
  };
}
