import { createContext, use, useContext, useMemo, type ReactNode } from 'react';
import { loadMessages } from './catalogue';
import type { Locale } from './messages';
import { createTranslator, type Translator } from './translator';

const I18nContext = createContext<Translator>(createTranslator('en'));

/** The loads some render has waited on (see `I18nProvider`). */
const awaited = new WeakSet<Promise<unknown>>();

/**
 * Gives widgets below it a translator for `locale`; dates show in `timeZone` (the CRM user's; UTC
 * by default). Suspends until the shared (`common`) messages of `locale` are loaded — at once when
 * they already are; `Dashboard` loads each role's own area with its code (`loadDashboardCode`).
 */
export function I18nProvider({ locale, timeZone = 'UTC', children }: { locale: Locale; timeZone?: string; children: ReactNode }) {
  const shared = loadMessages(locale, 'common');
  // Through `use` only once there is something to wait for: React's `act` counts any `use` of a
  // promise as suspending, even of a settled one, which would stall tests that preload the words.
  // Once a render has waited on this load, keep reading it through `use`: React expects a
  // component that suspended in `use` to call it again when it resumes.
  if (shared.status !== 'fulfilled' || awaited.has(shared)) {
    awaited.add(shared);
    use(shared);
  }
  const translator = useMemo(() => createTranslator(locale, timeZone), [locale, timeZone]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useTranslator(): Translator {
  return useContext(I18nContext);
}
