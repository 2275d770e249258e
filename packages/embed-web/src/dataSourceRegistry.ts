import type { CxDataSource } from '@kizuna/model';
import { EmbedConfigError } from './frame/originAllowlist';
import { crmNameSchema } from './frame/protocol';

/**
 * Makes the data source for a CRM name. Called by an element (or a framed dashboard) when it
 * first needs data for that CRM; it is where the embedding page wires credentials in code —
 * never through attributes, which anyone reading the DOM can see.
 */
export type DataSourceFactory = (request: { readonly crm: string }) => CxDataSource | Promise<CxDataSource>;

export interface DataSourceRegistry {
  /** Registers (or replaces) the factory for a CRM name; returns a function that removes it. */
  register(crm: string, factory: DataSourceFactory): () => void;
  factoryFor(crm: string): DataSourceFactory | undefined;
  /** Called with the CRM name whenever a factory is registered or removed. Returns an unsubscribe. */
  subscribe(listener: (crm: string) => void): () => void;
}

export function createDataSourceRegistry(): DataSourceRegistry {
  const factories = new Map<string, DataSourceFactory>();
  const listeners = new Set<(crm: string) => void>();
  const notify = (crm: string) => {
    for (const listener of [...listeners]) listener(crm);
  };
  return {
    register(crm, factory) {
      const name = crmNameSchema.safeParse(crm);
      if (!name.success) throw new EmbedConfigError(`The CRM name ${JSON.stringify(crm)} ${name.error.issues[0]?.message ?? 'is not valid'}.`);
      factories.set(crm, factory);
      notify(crm);
      return () => {
        if (factories.get(crm) !== factory) return;
        factories.delete(crm);
        notify(crm);
      };
    },
    factoryFor: (crm) => factories.get(crm),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The registry `<kizuna-dashboard>` uses unless it is defined with another. */
export const defaultDataSourceRegistry: DataSourceRegistry = createDataSourceRegistry();

/** Registers a factory in the default registry: `registerDataSourceFactory('salesforce', () => createSalesforceDataSource(…))`. */
export function registerDataSourceFactory(crm: string, factory: DataSourceFactory): () => void {
  return defaultDataSourceRegistry.register(crm, factory);
}
