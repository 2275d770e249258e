import { loadedMessage } from './catalogue';
import { locales, type Locale, type MessageKey } from './messages';

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
  /** An amount of money in its own currency (JPY without decimals, USD with cents). */
  formatCurrency(amount: number, currency: string, options?: Intl.NumberFormatOptions): string;
  /** A date or instant (ISO 8601) for this locale; in the translator's time zone (UTC unless the host gives the user's). */
  formatDate(iso: string, options?: Intl.DateTimeFormatOptions): string;
  /** "in 3 days", "2 hours ago"… for a signed amount of a unit. */
  formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string;
}

/**
 * A message was asked for whose area is not loaded in that language (a widget shown outside the
 * dashboard that loads its words, or a key no area has). Thrown in development and tests so the
 * mistake fails loudly; a production build shows the key instead.
 */
export class MissingMessageError extends Error {
  override readonly name = 'MissingMessageError';
  constructor(
    readonly locale: Locale,
    readonly key: string,
  ) {
    super(`No ${locale} message "${key}" is loaded: load its area first (loadMessages("${locale}", area)); each role's dashboard loads its own.`);
  }
}

/** Bundlers replace `process.env.NODE_ENV`; in a browser without it, behave as production. */
function failsLoudly(): boolean {
  return typeof process !== 'undefined' && process.env.NODE_ENV !== 'production';
}

/** The locale Kizuna uses for a CRM user's locale string: Japanese for any `ja*`, else English. */
export function localeFor(crmLocale: string | undefined): Locale {
  return crmLocale !== undefined && /^ja\b/i.test(crmLocale.replace('_', '-')) ? 'ja' : 'en';
}

/**
 * A translator for `locale`. It reads the messages loaded so far when asked (`loadMessages`, which
 * `I18nProvider` and each role's dashboard do for their areas), so one made before a load sees it.
 */
export function createTranslator(locale: Locale, timeZone = 'UTC'): Translator {
  const known = locales.some((candidate) => candidate === locale);
  const message = (key: MessageKey): string => {
    const text = known ? loadedMessage(locale, key) : undefined;
    if (text !== undefined) return text;
    if (failsLoudly()) throw new MissingMessageError(locale, key);
    return key;
  };
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
    t: (key, params = {}) => fill(message(key), params),
    plural: (base, n, params = {}) => {
      const form = pluralRules.select(n) === 'one' ? 'one' : 'other';
      const key = `${base}.${form}` as MessageKey;
      return fill(message(key), { ...params, n });
    },
    formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    formatCurrency: (amount, currency, options) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, ...options }).format(amount),
    formatDate: (iso, options = { dateStyle: 'medium' }) => {
      const time = Date.parse(iso);
      if (Number.isNaN(time)) return iso;
      return new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(time);
    },
    formatRelative: (value, unit) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit),
  };
}
