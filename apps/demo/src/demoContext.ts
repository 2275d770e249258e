import { createContext, useContext } from 'react';
import type { DemoLocale, RouteState } from './routes';

export interface DemoPage {
  readonly routeState: RouteState;
  /** The shell's language: `?lang=`, else the simulated user's. */
  readonly locale: DemoLocale;
  /** The "now" the demo's data ends at. */
  readonly asOf: string;
  /** What the simulators serve (generated organisation, or the directory given to `kizuna preview`). */
  readonly source: string;
}

export const DemoPageContext = createContext<DemoPage | undefined>(undefined);

export function useDemoPage(): DemoPage {
  const page = useContext(DemoPageContext);
  if (page === undefined) throw new Error('useDemoPage needs a DemoPageContext provider.');
  return page;
}
