import type { CxDataSource } from '@kizuna/model';
import { createContext, useContext, type ReactNode } from 'react';

const CxDataSourceContext = createContext<CxDataSource | null>(null);

/** Gives every widget below it the data source of its host (CRM adapter, file, simulator). */
export function CxDataSourceProvider({ dataSource, children }: { dataSource: CxDataSource; children: ReactNode }) {
  return <CxDataSourceContext.Provider value={dataSource}>{children}</CxDataSourceContext.Provider>;
}

export function useCxDataSource(): CxDataSource {
  const dataSource = useContext(CxDataSourceContext);
  if (dataSource === null) throw new Error('Kizuna widgets need a <CxDataSourceProvider> above them.');
  return dataSource;
}
