/** What to generate. The same options always give the same organisation, byte for byte. */
export interface GenerateOptions {
  /** Any 32-bit integer; different seeds give unrelated organisations. */
  readonly seed: number;
  /** Number of customer accounts (default 200: the demo scale). */
  readonly accounts?: number;
  /** The reference instant ("today"), ISO 8601; default `2026-10-01T00:00:00Z`. Nothing happens after it. */
  readonly asOf?: string;
  /** Quarters of history before the quarter containing `asOf` (default 8). */
  readonly periods?: number;
  /** `planted` (default) plants the documented effects; `none` is the control organisation without them. */
  readonly effects?: EffectsMode;
}

export type EffectsMode = 'planted' | 'none';

/** Options with every default filled in and checked. */
export interface ResolvedOptions {
  readonly seed: number;
  readonly accounts: number;
  readonly asOf: string;
  /** `asOf` in epoch milliseconds. */
  readonly asOfMs: number;
  readonly periods: number;
  readonly effects: EffectsMode;
}

export const defaultAsOf = '2026-10-01T00:00:00Z';
export const defaultAccounts = 200;
export const defaultPeriods = 8;

function requireInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max} (got ${value})`);
  }
  return value;
}

/** Fills in defaults and rejects options that cannot describe an organisation. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const asOf = options.asOf ?? defaultAsOf;
  const asOfMs = Date.parse(asOf);
  if (Number.isNaN(asOfMs)) throw new RangeError(`asOf must be an ISO 8601 date-time (got ${asOf})`);
  const effects = options.effects ?? 'planted';
  if (effects !== 'planted' && effects !== 'none') {
    throw new RangeError(`effects must be 'planted' or 'none' (got ${String(effects)})`);
  }
  return {
    seed: requireInteger('seed', options.seed, -(2 ** 31), 2 ** 32 - 1),
    accounts: requireInteger('accounts', options.accounts ?? defaultAccounts, 1, 10_000_000),
    asOf,
    asOfMs,
    periods: requireInteger('periods', options.periods ?? defaultPeriods, 2, 40),
    effects,
  };
}
