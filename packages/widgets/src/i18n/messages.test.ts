import { describe, expect, it } from 'vitest';
import { catalogues, en } from './messages';
import { createTranslator, localeFor } from './translator';

describe('message catalogues', () => {
  it('have exactly the same keys in every locale, and no empty message', () => {
    const reference = Object.keys(en).sort();
    for (const [locale, messages] of Object.entries(catalogues)) {
      expect(Object.keys(messages).sort(), locale).toEqual(reference);
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in every locale', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(catalogues.ja[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });
});

describe('createTranslator', () => {
  it('fills placeholders with numbers formatted for the locale, and picks plural forms', () => {
    const english = createTranslator('en');
    expect(english.plural('nps.responses', 1)).toBe('1 response');
    expect(english.plural('nps.responses', 1234)).toBe('1,234 responses');
    expect(createTranslator('ja').plural('nps.responses', 3)).toBe('回答3件');
  });

  it('chooses Japanese for a Japanese CRM user and English otherwise', () => {
    expect(localeFor('ja_JP')).toBe('ja');
    expect(localeFor('ja')).toBe('ja');
    expect(localeFor('en_US')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });
});
