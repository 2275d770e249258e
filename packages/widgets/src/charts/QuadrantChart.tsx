import { quadrantLayout, type QuadrantDatum } from './quadrantGeometry';

export interface QuadrantChartProps {
  readonly points: readonly QuadrantDatum[];
  readonly cuts: { readonly importance: number; readonly performance: number };
  readonly label: string;
  readonly axis: { readonly importance: string; readonly performance: string };
  /** Words for each quadrant, drawn in its corner. */
  readonly quadrantNames: Readonly<Record<QuadrantDatum['quadrant'], string>>;
  readonly formatImportance: (value: number) => string;
  readonly formatPerformance: (value: number) => string;
}

/**
 * Key drivers as importance (x) against performance (y), split at the cuts into four named
 * quadrants. Each point carries its driver's name; "fix" points are drawn as diamonds, not only
 * in another colour.
 */
export function QuadrantChart({ points, cuts, label, axis, quadrantNames, formatImportance, formatPerformance }: QuadrantChartProps) {
  const layout = quadrantLayout(points, cuts);
  const { plot } = layout;
  const corner = (name: string, x: number, y: number, anchor: 'start' | 'end') => (
    <text x={x} y={y} textAnchor={anchor} fontSize={11} fontWeight={600} fill="var(--kz-muted, #4a4a4a)">
      {name}
    </text>
  );
  return (
    <svg className="kz-svg" role="img" aria-label={label} viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height}>
      <g aria-hidden="true">
        <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} fill="none" stroke="var(--kz-border, #c9c9c9)" />
        <line x1={layout.cutX} x2={layout.cutX} y1={plot.top} y2={plot.bottom} stroke="var(--kz-reference, #767676)" strokeDasharray="4 3" />
        <line x1={plot.left} x2={plot.right} y1={layout.cutY} y2={layout.cutY} stroke="var(--kz-reference, #767676)" strokeDasharray="4 3" />
        {corner(quadrantNames.over_invested, plot.left + 6, plot.top + 14, 'start')}
        {corner(quadrantNames.maintain, plot.right - 6, plot.top + 14, 'end')}
        {corner(quadrantNames.monitor, plot.left + 6, plot.bottom - 6, 'start')}
        {corner(quadrantNames.fix, plot.right - 6, plot.bottom - 6, 'end')}
        {layout.xTicks.map((tick) => (
          <text key={`x${tick.value}`} x={tick.x} y={plot.bottom + 16} textAnchor="middle" fontSize={11} fill="var(--kz-muted, #4a4a4a)">
            {formatImportance(tick.value)}
          </text>
        ))}
        {layout.yTicks.map((tick) => (
          <text key={`y${tick.value}`} x={plot.left - 6} y={tick.y} dy="0.35em" textAnchor="end" fontSize={11} fill="var(--kz-muted, #4a4a4a)">
            {formatPerformance(tick.value)}
          </text>
        ))}
        <text x={(plot.left + plot.right) / 2} y={layout.height - 6} textAnchor="middle" fontSize={12} fill="var(--kz-text, #181818)">
          {axis.importance}
        </text>
        <text transform={`translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill="var(--kz-text, #181818)">
          {axis.performance}
        </text>
        {layout.points.map((point) => (
          <g key={point.id} data-quadrant={point.quadrant}>
            {point.quadrant === 'fix' ? (
              <path d={`M${point.x},${point.y - 7} L${point.x + 7},${point.y} L${point.x},${point.y + 7} L${point.x - 7},${point.y} Z`} fill="var(--kz-weakness, #b42318)" />
            ) : (
              <circle cx={point.x} cy={point.y} r={5} fill="var(--kz-series1, #0b5cab)" />
            )}
            <text x={point.x + 9} y={point.y} dy="0.35em" fontSize={11} fill="var(--kz-text, #181818)">
              {point.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
