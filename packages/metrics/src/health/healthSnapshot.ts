import type { AccountContext } from '@kizuna/model';
import { healthBand, type HealthBand } from './healthBand';
import type { HealthWarning } from './healthWarnings';
import { unavailableSource } from './measureSources';
import { readMeasure } from './readMeasure';
import type { MeasureDefinition, MeasureId, ScorecardConfig } from './scorecardConfig';
import { thresholdScore } from './thresholdScore';
import { isCustomerAt } from './timeline';

/** One measure's part in the overall score: "what drives it". */
export interface MeasureContribution {
  readonly measure: MeasureId;
  /** Raw value in the measure's unit (NPS points, share 0–1, days, count). */
  readonly value: number;
  /** Observations behind the value. */
  readonly n: number;
  /** The value on the measure's threshold curve, 0–100. */
  readonly score: number;
  /** Weight as configured. */
  readonly weight: number;
  /** Weight renormalised over the measures that have data (shares sum to 1). */
  readonly share: number;
  /** share × score: the points this measure adds to the overall (contributions sum to the uncapped score). */
  readonly contribution: number;
  /** share × (100 − score): the points it costs; contributions are sorted by this, largest first. */
  readonly shortfall: number;
  readonly gate: boolean;
  readonly detail?: Readonly<Record<string, number | string>>;
}

export interface ExcludedMeasure {
  readonly measure: MeasureId;
  /** `unavailable`: the CRM could not read a record type the measure needs (see `AccountContext.unavailable`). */
  readonly reason: 'no_data' | 'not_applicable' | 'unavailable';
}

/** The scorecard evaluated at one instant. */
export interface HealthSnapshot {
  readonly asOf: string;
  /** 0–100, or null when no measure has data or the account was not a customer then. */
  readonly score: number | null;
  readonly band: HealthBand | null;
  /** Weighted mean before any gate: Σ contributions. */
  readonly uncappedScore: number | null;
  /** True when a gate measure in the red capped the score at the top of yellow. */
  readonly gated: boolean;
  readonly contributions: readonly MeasureContribution[];
  readonly excluded: readonly ExcludedMeasure[];
  /** Share of the applicable configured weight that had data (0–1). */
  readonly coverage: number;
  /** The score rests on too little: coverage or measures with data below the configured minimum. */
  readonly thinBasis: boolean;
  readonly warnings: readonly HealthWarning[];
}

interface Scored {
  readonly definition: MeasureDefinition;
  readonly value: number;
  readonly n: number;
  readonly score: number;
  readonly detail?: Readonly<Record<string, number | string>>;
}

function emptySnapshot(asOf: string, excluded: readonly ExcludedMeasure[], warnings: HealthWarning[]): HealthSnapshot {
  return { asOf, score: null, band: null, uncappedScore: null, gated: false, contributions: [], excluded, coverage: 0, thinBasis: true, warnings };
}

function toContribution(item: Scored, weightSum: number): MeasureContribution {
  const share = item.definition.weight / weightSum;
  return {
    measure: item.definition.id,
    value: item.value,
    n: item.n,
    score: item.score,
    weight: item.definition.weight,
    share,
    contribution: share * item.score,
    shortfall: share * (100 - item.score),
    gate: item.definition.gate,
    ...(item.detail === undefined ? {} : { detail: item.detail }),
  };
}

function byShortfall(a: MeasureContribution, b: MeasureContribution): number {
  return b.shortfall - a.shortfall || a.measure.localeCompare(b.measure);
}

/**
 * The scorecard at `asOfMs` using only data up to then: overall = Σ wᵢ·scoreᵢ / Σ wᵢ over the
 * measures with data (analytics.md §4.1); measures without data are excluded and the remaining
 * weights renormalised, with a `no_data` warning each (`unmapped` when the CRM could not read a
 * record type the measure needs). A gate measure in the red caps the overall
 * at `bands.yellowMax`.
 */
export function healthSnapshot(context: AccountContext, config: ScorecardConfig, asOfMs: number): HealthSnapshot {
  const asOf = new Date(asOfMs).toISOString();
  if (!isCustomerAt(context.account, asOfMs)) {
    return emptySnapshot(asOf, [], [{ code: 'not_a_customer', detail: { customerSince: context.account.customerSince } }]);
  }
  const scored: Scored[] = [];
  const excluded: ExcludedMeasure[] = [];
  const warnings: HealthWarning[] = [];
  let applicableWeight = 0;
  for (const definition of config.measures) {
    const outcome = outcomeOf(definition, context, asOfMs);
    if (outcome.warning !== undefined) warnings.push(outcome.warning);
    if (outcome.kind === 'scored') scored.push(outcome.item);
    else excluded.push({ measure: definition.id, reason: outcome.reason });
    if (outcome.kind === 'scored' || outcome.reason !== 'not_applicable') applicableWeight += definition.weight;
  }
  if (scored.length === 0) return emptySnapshot(asOf, excluded, [...warnings, { code: 'no_data' }]);
  return finish(asOf, config, scored, excluded, warnings, applicableWeight);
}

type Outcome =
  | { readonly kind: 'scored'; readonly item: Scored; readonly warning?: HealthWarning }
  | { readonly kind: 'excluded'; readonly reason: ExcludedMeasure['reason']; readonly warning?: HealthWarning };

/** One measure read, scored or excluded, with the warning it raises. */
function outcomeOf(definition: MeasureDefinition, context: AccountContext, asOfMs: number): Outcome {
  const measure = definition.id;
  const missing = unavailableSource(context, measure);
  if (missing !== undefined) return { kind: 'excluded', reason: 'unavailable', warning: { code: 'unmapped', detail: { measure, entity: missing } } };
  const reading = readMeasure(definition, context, asOfMs);
  if (reading.status === 'not_applicable') return { kind: 'excluded', reason: 'not_applicable' };
  if (reading.status === 'no_data') return { kind: 'excluded', reason: 'no_data', warning: { code: 'no_data', detail: { measure } } };
  const item: Scored = {
    definition,
    value: reading.value,
    n: reading.n,
    score: thresholdScore(reading.value, definition.points),
    ...(reading.detail === undefined ? {} : { detail: reading.detail }),
  };
  if (reading.n >= definition.minimumN) return { kind: 'scored', item };
  return { kind: 'scored', item, warning: { code: 'small_sample', detail: { measure, n: reading.n, minimum: definition.minimumN } } };
}

function finish(
  asOf: string,
  config: ScorecardConfig,
  scored: readonly Scored[],
  excluded: readonly ExcludedMeasure[],
  warnings: HealthWarning[],
  applicableWeight: number,
): HealthSnapshot {
  const weightSum = scored.reduce((sum, item) => sum + item.definition.weight, 0);
  const contributions = scored.map((item) => toContribution(item, weightSum)).sort(byShortfall);
  const uncapped = Math.min(100, Math.max(0, contributions.reduce((sum, item) => sum + item.contribution, 0)));
  const gated = contributions.some((item) => item.gate && item.score <= config.bands.redMax) && uncapped > config.bands.yellowMax;
  const score = gated ? config.bands.yellowMax : uncapped;
  const coverage = weightSum / applicableWeight;
  const thinBasis = coverage < config.minimumCoverage || scored.length < config.minimumMeasures;
  if (thinBasis) {
    warnings.push({
      code: 'thin_basis',
      detail: { coverage, measures: scored.length, minimumCoverage: config.minimumCoverage, minimumMeasures: config.minimumMeasures },
    });
  }
  return { asOf, score, band: healthBand(score, config.bands), uncappedScore: uncapped, gated, contributions, excluded, coverage, thinBasis, warnings };
}
