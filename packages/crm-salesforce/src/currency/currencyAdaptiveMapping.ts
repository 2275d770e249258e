import { CrmError } from '@kizuna/crm-core';
import type { SalesforceMapping } from '../defaultMapping';
import { mapsMultiCurrencyField, singleCurrencyMapping, type OrgCurrencies } from './orgCurrencies';

export interface AdaptiveReadOptions<T> {
  readonly signal?: AbortSignal;
  /** A result the read returned although a part of it was refused for a missing field (it lists it in `unavailable`). */
  readonly refused?: (result: T) => boolean;
}

/** A data source's mapping as the org takes it: the configured one until the org turns out to have a single currency. */
export interface CurrencyAdaptiveMapping {
  run<T>(read: (mapping: SalesforceMapping) => Promise<T>, options?: AdaptiveReadOptions<T>): Promise<T>;
}

/** A part of a read refused for a missing field: the sign of a single-currency org, if the mapping names CurrencyIsoCode. */
export const refusedForAField = (result: { readonly unavailable: ReadonlyArray<{ readonly code: string }> }): boolean =>
  result.unavailable.some((part) => part.code === 'INVALID_FIELD');

/**
 * Runs reads with the configured mapping; when the org refuses one for a missing field (thrown,
 * or a part listed as unavailable) and the mapping names `CurrencyIsoCode`, asks the org once which
 * kind it is (`probe`). A single-currency org gets the adapted mapping from then on and the read
 * runs again; in a multi-currency org the refusal stands. Multi-currency orgs pay nothing, a
 * single-currency org one refused read and the probe, once per data source.
 */
export function currencyAdaptiveMapping(configured: SalesforceMapping, probe: (signal?: AbortSignal) => Promise<OrgCurrencies>): CurrencyAdaptiveMapping {
  if (!mapsMultiCurrencyField(configured)) return { run: (read) => read(configured) };
  let learned: Promise<SalesforceMapping> | undefined;
  const learn = (signal: AbortSignal | undefined): Promise<SalesforceMapping> => {
    learned ??= probe(signal).then(
      (currencies) => (currencies.multiCurrency ? configured : singleCurrencyMapping(configured, currencies.currency)),
      (error: unknown) => {
        learned = undefined;
        throw error;
      },
    );
    return learned;
  };
  return {
    async run<T>(read: (mapping: SalesforceMapping) => Promise<T>, options: AdaptiveReadOptions<T> = {}): Promise<T> {
      if (learned !== undefined) return read(await learned);
      let result: T;
      try {
        result = await read(configured);
      } catch (error) {
        if (!(error instanceof CrmError) || error.code !== 'INVALID_FIELD') throw error;
        const mapping = await learn(options.signal);
        if (mapping === configured) throw error;
        return read(mapping);
      }
      if (options.refused === undefined || !options.refused(result)) return result;
      const mapping = await learn(options.signal);
      return mapping === configured ? result : read(mapping);
    },
  };
}
