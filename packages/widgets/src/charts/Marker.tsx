/** A data point: ▲ for a real strength, ▼ for a real weakness, ● otherwise — shape, not only colour. */
export function Marker({ x, y, mark, size = 6 }: { x: number; y: number; mark: 'strength' | 'weakness' | undefined; size?: number }) {
  if (mark === 'strength') {
    return <path d={`M${x},${y - size} L${x + size},${y + size * 0.8} L${x - size},${y + size * 0.8} Z`} fill="var(--kz-strength, #1f7a3a)" data-mark="strength" />;
  }
  if (mark === 'weakness') {
    return <path d={`M${x},${y + size} L${x + size},${y - size * 0.8} L${x - size},${y - size * 0.8} Z`} fill="var(--kz-weakness, #b42318)" data-mark="weakness" />;
  }
  return <circle cx={x} cy={y} r={size * 0.75} fill="var(--kz-series1, #0b5cab)" />;
}
