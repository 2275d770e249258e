import type { HealthBands } from './scorecardConfig';

export type HealthBand = 'red' | 'yellow' | 'green';

/**
 * The band of a 0–100 score (Gainsight's convention, "from" excluded except for 0): with the
 * default bands, 0–50 red, above 50 up to 75 yellow, above 75 green.
 */
export function healthBand(score: number, bands: HealthBands): HealthBand {
  if (score <= bands.redMax) return 'red';
  if (score <= bands.yellowMax) return 'yellow';
  return 'green';
}
