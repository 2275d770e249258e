import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoleLoadBoundary } from '../dashboard/RoleLoadBoundary';
import { heldUntilReleased, renderOutsideAct } from '../testing/renderOutsideAct';
import { I18nProvider, useTranslator } from './i18nContext';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.doUnmock('./areas/common.ja');
});

/** A shared message (`common`) and, when asked, one of the account manager's (`account`). */
function Words({ withAccountWords = false }: { withAccountWords?: boolean }) {
  const { t } = useTranslator();
  return (
    <>
      <h1>{t('nps.title')}</h1>
      {withAccountWords && <p>{t('health.title')}</p>}
    </>
  );
}

/**
 * I18nProvider, useTranslator and the catalogue from a fresh module registry (no message loaded
 * yet), with the load of the Japanese shared messages held until `release()`.
 */
async function freshI18n() {
  vi.resetModules();
  const { held, release } = heldUntilReleased();
  vi.doMock('./areas/common.ja', async (importOriginal) => {
    await held;
    return importOriginal();
  });
  const context = await import('./i18nContext');
  const catalogue = await import('./catalogue');
  const translator = await import('./translator');
  return { ...context, ...catalogue, MissingMessageError: translator.MissingMessageError, release };
}

describe('I18nProvider', () => {
  it('renders at once when the words of its language are loaded (the test setup loads them all)', () => {
    render(
      <Suspense fallback={<p>Waiting for words</p>}>
        <I18nProvider locale="ja">
          <Words withAccountWords />
        </I18nProvider>
      </Suspense>,
    );
    expect(screen.getByRole('heading').textContent).toBe('ネット・プロモーター・スコア（NPS）');
    expect(screen.getByText('取引先の健全性')).toBeTruthy();
    expect(screen.queryByText('Waiting for words')).toBeNull();
  });

  it('says which language it does not know instead of rendering nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <RoleLoadBoundary fallback={(error) => <p role="alert">{error instanceof Error ? `${error.name}: ${error.message}` : String(error)}</p>}>
        <Suspense fallback={<p>Waiting for words</p>}>
          <I18nProvider locale={'fr' as 'en'}>
            <Words />
          </I18nProvider>
        </Suspense>
      </RoleLoadBoundary>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/^UnknownMessagesError: There are no messages for language "fr"/);
  });
  // Last: these load the provider from a fresh module registry.
  it("suspends until its language's shared words arrive, then renders them; it loads nothing else", async () => {
    const fresh = await freshI18n();
    function FreshWords() {
      const { t } = fresh.useTranslator();
      return <h1>{t('nps.title')}</h1>;
    }
    const page = renderOutsideAct(
      <Suspense fallback={<p>Waiting for words</p>}>
        <fresh.I18nProvider locale="ja">
          <FreshWords />
        </fresh.I18nProvider>
      </Suspense>,
    );
    try {
      expect(await screen.findByText('Waiting for words')).toBeTruthy();
      expect(screen.queryByRole('heading')).toBeNull();
      fresh.release();
      expect((await screen.findByRole('heading')).textContent).toBe('ネット・プロモーター・スコア（NPS）');
      expect(fresh.requestedMessageAreas()).toEqual(['ja/common']);
    } finally {
      page.unmount();
    }
  });

  it("fails loudly when a widget asks for words of an area nobody loaded (outside a role's dashboard)", async () => {
    const fresh = await freshI18n();
    fresh.release();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function FreshAccountWords() {
      const { t } = fresh.useTranslator();
      return <p>{t('health.title')}</p>;
    }
    const page = renderOutsideAct(
      <RoleLoadBoundary fallback={(error) => <p role="alert">{error instanceof fresh.MissingMessageError ? `missing ${error.locale} ${error.key}` : String(error)}</p>}>
        <Suspense fallback={<p>Waiting for words</p>}>
          <fresh.I18nProvider locale="ja">
            <FreshAccountWords />
          </fresh.I18nProvider>
        </Suspense>
      </RoleLoadBoundary>,
    );
    try {
      expect((await screen.findByRole('alert')).textContent).toBe('missing ja health.title');
    } finally {
      page.unmount();
    }
  });
});
