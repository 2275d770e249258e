import { stageLayout, type StageDatum } from './stageGeometry';

export interface StageChartProps {
  readonly data: readonly StageDatum[];
  /** Hand-offs with a real loyalty drop, as `from→to` stage ids: marked ▼ with a label. */
  readonly drops: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly dropLabel: string;
  readonly label: string;
  readonly formatValue: (value: number) => string;
}

/** NPS across journey stages with its interval band; real hand-off drops marked by shape and word. */
export function StageChart({ data, drops, dropLabel, label, formatValue }: StageChartProps) {
  const layout = stageLayout(data);
  const { plot } = layout;
  const pointOf = new Map(layout.points.map((point) => [point.id, point]));
  return (
    <svg className="kz-svg" role="img" aria-label={label} viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height}>
      <g aria-hidden="true">
        {layout.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="var(--kz-border, #c9c9c9)" />
            <text x={plot.left - 6} y={tick.y} dy="0.35em" textAnchor="end" fontSize={11} fill="var(--kz-muted, #4a4a4a)">
              {formatValue(tick.value)}
            </text>
          </g>
        ))}
        <path d={layout.bandPath} fill="var(--kz-series1, #0b5cab)" fillOpacity={0.15} />
        <path d={layout.linePath} fill="none" stroke="var(--kz-series1, #0b5cab)" strokeWidth={2} />
        {layout.points.map((point) => (
          <g key={point.id}>
            {point.y !== null && <circle cx={point.x} cy={point.y} r={4} fill="var(--kz-series1, #0b5cab)" />}
            <text x={point.x} y={plot.bottom + 16} textAnchor="middle" fontSize={11} fill="var(--kz-text, #181818)">
              {point.label}
            </text>
          </g>
        ))}
        {drops.map((drop) => {
          const from = pointOf.get(drop.from);
          const to = pointOf.get(drop.to);
          if (from === undefined || to === undefined) return null;
          const x = (from.x + to.x) / 2;
          return (
            <g key={`${drop.from}-${drop.to}`} data-drop={`${drop.from}-${drop.to}`}>
              <path d={`M${x},${plot.top + 12} L${x + 6},${plot.top + 2} L${x - 6},${plot.top + 2} Z`} fill="var(--kz-weakness, #b42318)" />
              <text x={x} y={plot.top + 26} textAnchor="middle" fontSize={11} fontWeight={600} fill="var(--kz-weakness, #b42318)">
                {dropLabel}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
