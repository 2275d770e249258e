import { intervalLayout, type IntervalDatum, type IntervalLayoutOptions } from './intervalGeometry';
import { Marker } from './Marker';

export interface IntervalChartProps extends IntervalLayoutOptions {
  readonly data: readonly IntervalDatum[];
  /** The chart's accessible name (its summary in words is the frame's caption). */
  readonly label: string;
  readonly formatTick: (value: number) => string;
}

/**
 * Estimates with their intervals, one row each. Real strengths and weaknesses get their own marker
 * shape (▲ / ▼) besides their colour; the reference line (0, or the company) is dashed.
 */
export function IntervalChart({ data, label, formatTick, ...options }: IntervalChartProps) {
  const layout = intervalLayout(data, options);
  return (
    <svg className="kz-svg" role="img" aria-label={label} viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height}>
      <g className="kz-svg__axis" aria-hidden="true">
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={tick.x} x2={tick.x} y1={layout.plot.top} y2={layout.plot.bottom} stroke="var(--kz-border, #c9c9c9)" />
            <text x={tick.x} y={layout.plot.bottom + 18} textAnchor="middle" fontSize={12} fill="var(--kz-muted, #4a4a4a)">
              {formatTick(tick.value)}
            </text>
          </g>
        ))}
        {layout.referenceX !== null && (
          <line x1={layout.referenceX} x2={layout.referenceX} y1={layout.plot.top} y2={layout.plot.bottom} stroke="var(--kz-reference, #767676)" strokeDasharray="4 3" />
        )}
      </g>
      {layout.rows.map((row) => (
        <g key={row.id} aria-hidden="true">
          <text x={layout.plot.left - 8} y={row.y} dy="0.35em" textAnchor="end" fontSize={12} fill="var(--kz-text, #181818)">
            {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
          </text>
          {row.x1 !== null && row.x2 !== null && (
            <line x1={row.x1} x2={row.x2} y1={row.y} y2={row.y} stroke="var(--kz-series2, #6e6e73)" strokeWidth={2} />
          )}
          {row.x !== null && <Marker x={row.x} y={row.y} mark={row.mark} />}
        </g>
      ))}
    </svg>
  );
}
