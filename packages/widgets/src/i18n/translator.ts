import { catalogues, type Locale, type MessageKey } from './messages';

export type MessageParams = Readonly<Record<string, string | number>>;

/** Keys that come in plural forms (`<base>.one`, `<base>.other`). */
type PluralBase = MessageKey extends infer TKey
  ? TKey extends `${infer TBase}.other`
    ? TBase
    : never
  : never;

export interface Translator {
  readonly locale: Locale;
  /** A message with `{name}` placeholders filled; numbers are formatted for the locale. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The plural form of a message for count `n` (also available as `{n}`). */
  plural(base: PluralBase, n: number, params?: MessageParams): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

/** The locale Kizuna uses for a CRM user's locale string: Japanese for any `ja*`, else English. */
export function localeFor(crmLocale: string | undefined): Locale {
  return crmLocale !== undefined && /^ja\b/i.test(crmLocale.replace('_', '-')) ? 'ja' : 'en';
}

export function createTranslator(locale: Locale): Translator {
  const messages = catalogues[locale];
  const numberFormat = new Intl.NumberFormat(locale);
  const pluralRules = new Intl.PluralRules(locale);
  const fill = (template: string, params: MessageParams) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
  return {
    locale,
    t: (key, params = {}) => fill(messages[key], params),
    plural: (base, n, params = {}) => {
      const form = pluralRules.select(n) === 'one' ? 'one' : 'other';
      const key = `${base}.${form}` as MessageKey;
      return fill(messages[key], { ...params, n });
    },
    formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
  };
}
