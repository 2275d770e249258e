import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from './messages';
import { createTranslator, type Translator } from './translator';

const I18nContext = createContext<Translator>(createTranslator('en'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const translator = useMemo(() => createTranslator(locale), [locale]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useTranslator(): Translator {
  return useContext(I18nContext);
}
