import { loadAllMessages } from '../i18n/catalogue';
import { locales } from '../i18n/messages';

/**
 * Vitest setup file (`dom` project): loads every language's messages of every area once, before
 * any test of the file runs, so `render(…)` then `getByText(…)` stays synchronous as it was when
 * the messages were bundled with the code. Loading on demand is tested where it matters
 * (`i18n/catalogue.test.ts`, `i18n/i18nContext.test.tsx`, `dashboard/Dashboard.test.tsx`) over a
 * fresh module registry.
 */
await Promise.all(locales.map((locale) => loadAllMessages(locale)));
