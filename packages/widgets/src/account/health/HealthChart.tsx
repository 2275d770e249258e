import type { HealthBands, MeasureContribution } from '@kizuna/metrics';
import { bandScale, linearScale } from '../../charts/scales';
import { useTranslator } from '../../i18n/i18nContext';
import { measureName } from '../measures';

const width = 520;
const labelWidth = 190;
const rowHeight = 30;
const top = 24;
const right = 70;

/**
 * What drives the score: each measure's own score (0–100) as a bar, its points lost written at the
 * end, and the band limits as dashed reference lines with their names. Meaning is carried by
 * length and text, never by colour alone.
 */
export function HealthChart({ contributions, bands, label }: { contributions: readonly MeasureContribution[]; bands: HealthBands; label: string }) {
  const translator = useTranslator();
  const { t } = translator;
  const height = top + contributions.length * rowHeight + 8;
  const x = linearScale([0, 100], [labelWidth, width - right]);
  const band = bandScale(
    contributions.map((item) => item.measure),
    [top, height - 8],
    0.25,
  );
  const y = Object.assign((measure: string) => band.at(measure), { bandwidth: () => band.bandwidth });
  return (
    <svg className="kz-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} width={width} height={height}>
      {[bands.redMax, bands.yellowMax].map((limit) => (
        <g key={limit} aria-hidden="true">
          <line x1={x(limit)} x2={x(limit)} y1={top - 6} y2={height - 8} className="kz-svg__reference" strokeDasharray="4 3" />
          <text x={x(limit)} y={top - 10} textAnchor="middle" className="kz-svg__label">
            {translator.formatNumber(limit)}
          </text>
        </g>
      ))}
      {contributions.map((item) => {
        const rowTop = y(item.measure) ?? 0;
        const middle = rowTop + y.bandwidth() / 2;
        return (
          <g key={item.measure} aria-hidden="true">
            <text x={labelWidth - 8} y={middle} dy="0.35em" textAnchor="end" className="kz-svg__label">
              {measureName(translator, item.measure)}
            </text>
            <rect x={x(0)} y={rowTop} width={x(100) - x(0)} height={y.bandwidth()} className="kz-svg__track" />
            <rect x={x(0)} y={rowTop} width={Math.max(1, x(item.score) - x(0))} height={y.bandwidth()} className="kz-svg__bar" />
            <text x={x(100) + 6} y={middle} dy="0.35em" className="kz-svg__label">
              {item.shortfall >= 0.05 ? t('health.pointsLostShort', { points: Math.round(item.shortfall) }) : '✓'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
