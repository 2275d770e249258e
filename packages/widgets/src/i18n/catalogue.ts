import { locales, messageAreas, type AreaMessages, type Locale, type MessageArea, type MessageKey, type Messages } from './messages';

/**
 * A promise that says how it settled, the way React's `use()` reads it: once `status` is
 * `fulfilled`, `use()` returns `value` without suspending (so a preloaded language renders in one
 * pass, and tests stay synchronous after a one-time preload).
 */
export type TrackedPromise<T> = Promise<T> &
  ({ readonly status: 'pending' } | { readonly status: 'fulfilled'; readonly value: T } | { readonly status: 'rejected'; readonly reason: unknown });

/** A language or an area the catalogue does not have (a host passing an unchecked value). */
export class UnknownMessagesError extends Error {
  override readonly name = 'UnknownMessagesError';
  constructor(
    readonly locale: string,
    readonly area: string,
  ) {
    super(`There are no messages for language "${locale}", area "${area}": languages are ${locales.join(', ')}; areas are ${messageAreas.join(', ')}.`);
  }
}

type Importers = { readonly [TLocale in Locale]: { readonly [TArea in MessageArea]: () => Promise<AreaMessages<TArea>> } };

/** One module per (language, area): a bundler with code splitting makes each a chunk of its own. */
const importers: Importers = {
  en: {
    common: () => import('./areas/common.en').then((module) => module.commonEn),
    account: () => import('./areas/account.en').then((module) => module.accountEn),
    leaders: () => import('./areas/leaders.en').then((module) => module.leadersEn),
  },
  ja: {
    common: () => import('./areas/common.ja').then((module) => module.commonJa),
    account: () => import('./areas/account.ja').then((module) => module.accountJa),
    leaders: () => import('./areas/leaders.ja').then((module) => module.leadersJa),
  },
};

/** Loads started, by `locale/area`; a failed load is forgotten so the next ask tries again. */
const loads = new Map<string, TrackedPromise<SomeAreaMessages>>();

/** The messages loaded so far, per language, merged over areas (keys are unique across areas). */
const loaded: { readonly [TLocale in Locale]: Partial<Messages> } = { en: {}, ja: {} };

const isLocale = (value: string): value is Locale => locales.some((locale) => locale === value);
const isArea = (value: string): value is MessageArea => messageAreas.some((area) => area === value);

/** `promise`, marked `pending` now and `fulfilled` or `rejected` (with its value or reason) as it settles. */
function tracked<T>(promise: Promise<T>): TrackedPromise<T> {
  promise.then(
    (value) => {
      Object.assign(promise, { status: 'fulfilled', value });
    },
    (reason: unknown) => {
      Object.assign(promise, { status: 'rejected', reason });
    },
  );
  return Object.assign(promise, { status: 'pending' as const });
}

/** Any area's messages in one language. */
type SomeAreaMessages = Readonly<Partial<Messages>>;

/**
 * The messages of one area in one language, loaded once and cached. The promise is the same for
 * every ask and says how it settled (`status`, `value`), so `use(loadMessages(…))` suspends only
 * until the first load ends. An unknown language or area rejects with `UnknownMessagesError`.
 */
export function loadMessages<TArea extends MessageArea>(locale: Locale, area: TArea): TrackedPromise<AreaMessages<TArea>>;
export function loadMessages(locale: string, area: string): TrackedPromise<SomeAreaMessages> {
  if (!isLocale(locale) || !isArea(area)) {
    const error = new UnknownMessagesError(locale, area);
    // Settled already: `use()` throws it at once (the rejection counts as handled by `tracked`).
    return Object.assign(tracked<never>(Promise.reject(error)), { status: 'rejected' as const, reason: error });
  }
  const key = `${locale}/${area}`;
  const cached = loads.get(key);
  if (cached !== undefined) return cached;
  const importer: () => Promise<SomeAreaMessages> = importers[locale][area];
  const load = tracked(
    importer().then(
      (messages) => {
        // Merged before the promise settles, so whatever waits on it finds the words in place.
        Object.assign(loaded[locale], messages);
        return messages;
      },
      (error: unknown) => {
        loads.delete(key);
        throw error;
      },
    ),
  );
  loads.set(key, load);
  return load;
}

/** Every area of one language, merged: for tools and tests that want all the words at once. */
export async function loadAllMessages(locale: Locale): Promise<Messages> {
  const [common, account, leaders] = await Promise.all([loadMessages(locale, 'common'), loadMessages(locale, 'account'), loadMessages(locale, 'leaders')]);
  return { ...common, ...account, ...leaders };
}

/** The message for `key` in `locale`, or `undefined` while its area is not loaded. */
export function loadedMessage(locale: Locale, key: MessageKey): string | undefined {
  return loaded[locale][key];
}

/** Whether the messages of `area` in `locale` have arrived; asks for nothing (a render can call it). */
export function messagesArrived(locale: Locale, area: MessageArea): boolean {
  return loads.get(`${locale}/${area}`)?.status === 'fulfilled';
}

/** The (language, area) loads asked for so far, as `locale/area`, in the order asked. */
export function requestedMessageAreas(): string[] {
  return [...loads.keys()];
}
