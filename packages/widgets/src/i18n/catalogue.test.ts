import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale, MessageArea } from './messages';

/** The catalogue and the translator from a fresh module registry: nothing loaded yet. */
async function freshCatalogue() {
  vi.resetModules();
  const catalogue = await import('./catalogue');
  const translator = await import('./translator');
  return { ...catalogue, ...translator };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.doUnmock('./areas/leaders.ja');
});

describe('loadMessages', () => {
  it('loads only the language and area asked for', async () => {
    const { loadMessages, requestedMessageAreas, createTranslator, MissingMessageError } = await freshCatalogue();
    const account = await loadMessages('ja', 'account');
    expect(account['health.title']).toBe('取引先の健全性');
    expect(requestedMessageAreas()).toEqual(['ja/account']);
    expect(createTranslator('ja').t('health.title')).toBe('取引先の健全性');
    // Not English, not the shared words: the translator says which message is missing.
    expect(() => createTranslator('en').t('health.title')).toThrow(MissingMessageError);
    expect(() => createTranslator('ja').t('nps.title')).toThrow(/No ja message "nps\.title" is loaded/);
  });

  it('loads each language and area once, and marks the promise settled for React', async () => {
    const { loadMessages, requestedMessageAreas } = await freshCatalogue();
    const first = loadMessages('en', 'leaders');
    expect(first.status).toBe('pending');
    const messages = await first;
    expect(first.status).toBe('fulfilled');
    expect(first.status === 'fulfilled' ? first.value : undefined).toBe(messages);
    expect(loadMessages('en', 'leaders')).toBe(first);
    expect(requestedMessageAreas()).toEqual(['en/leaders']);
  });

  it('lets a translator made before the load use the words once they arrive', async () => {
    const { loadMessages, createTranslator } = await freshCatalogue();
    const english = createTranslator('en');
    await loadMessages('en', 'common');
    expect(english.plural('nps.responses', 2)).toBe('2 responses');
  });

  it('loads every area of a language with loadAllMessages, and nothing of the other language', async () => {
    const { loadAllMessages, requestedMessageAreas } = await freshCatalogue();
    const all = await loadAllMessages('en');
    expect([all['nps.title'], all['health.title'], all['filters.label']]).toEqual(['Net Promoter Score', 'Account health', 'Dashboard filters']);
    expect(requestedMessageAreas().sort()).toEqual(['en/account', 'en/common', 'en/leaders']);
  });

  it('rejects an unknown language or area with a typed error, settled at once', async () => {
    const { loadMessages, requestedMessageAreas, UnknownMessagesError } = await freshCatalogue();
    const french = loadMessages('fr' as Locale, 'common');
    expect(french.status).toBe('rejected');
    await expect(french).rejects.toBeInstanceOf(UnknownMessagesError);
    await expect(loadMessages('en', 'billing' as MessageArea)).rejects.toThrow('There are no messages for language "en", area "billing"');
    expect(requestedMessageAreas()).toEqual([]);
  });

  it('forgets a failed load, so asking again loads afresh (a chunk the network dropped)', async () => {
    vi.resetModules();
    // A module that fails as it is read, as an import of a dropped chunk does.
    vi.doMock('./areas/leaders.ja', () => ({
      get leadersJa(): never {
        throw new Error('The chunk could not be fetched.');
      },
    }));
    const { loadMessages, requestedMessageAreas } = await import('./catalogue');
    const failed = loadMessages('ja', 'leaders');
    await expect(failed).rejects.toThrow('The chunk could not be fetched.');
    expect(failed.status).toBe('rejected');
    expect(requestedMessageAreas()).toEqual([]);
    vi.doUnmock('./areas/leaders.ja');
    expect((await loadMessages('ja', 'leaders'))['filters.label']).toBe('ダッシュボードの絞り込み');
  });
});

describe('a translator asked for a message whose area is not loaded', () => {
  it('throws MissingMessageError outside production, naming the language and the key', async () => {
    const { createTranslator, MissingMessageError } = await freshCatalogue();
    const error: unknown = (() => {
      try {
        return createTranslator('en').t('filters.label');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MissingMessageError);
    expect(error instanceof MissingMessageError ? [error.locale, error.key] : []).toEqual(['en', 'filters.label']);
  });

  it('shows the key in a production build rather than nothing', async () => {
    const { createTranslator } = await freshCatalogue();
    vi.stubEnv('NODE_ENV', 'production');
    expect(createTranslator('en').t('filters.label')).toBe('filters.label');
    expect(createTranslator('ja').plural('nps.responses', 3)).toBe('nps.responses.other');
  });
});
