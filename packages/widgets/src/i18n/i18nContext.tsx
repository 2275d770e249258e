import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from './messages';
import { createTranslator, type Translator } from './translator';

const I18nContext = createContext<Translator>(createTranslator('en'));

/** Gives widgets below it a translator for `locale`; dates show in `timeZone` (the CRM user's; UTC by default). */
export function I18nProvider({ locale, timeZone = 'UTC', children }: { locale: Locale; timeZone?: string; children: ReactNode }) {
  const translator = useMemo(() => createTranslator(locale, timeZone), [locale, timeZone]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useTranslator(): Translator {
  return useContext(I18nContext);
}
