import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultScorecardConfig, playbookIds } from '@kizuna/metrics';
import { channels, contactRoles, departments, entityNames, feedbackKinds, followUpStates, journeyStages, momentsOfTruth } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { dismissReasons } from '../outbox/actionDecisions';
import { accountEn, accountJa } from './areas/account';
import { commonEn, commonJa } from './areas/common';
import { leadersEn, leadersJa } from './areas/leaders';
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

describe('message keys used in source', () => {
  const sourceRoot = fileURLToPath(new URL('..', import.meta.url));
  const files = readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith(`i18n${sep}`))
    .map((file) => ({ file, text: readFileSync(join(sourceRoot, file), 'utf8') }));
  const keys = new Set(Object.keys(en));

  /** The first argument of every `t(…)` / `plural(…)` call: literal keys, keys in conditionals, and template keys. */
  function usedKeys(text: string): Array<{ key: string; plural: boolean; template: boolean }> {
    const used: Array<{ key: string; plural: boolean; template: boolean }> = [];
    for (const call of text.matchAll(/\b(t|plural)\(\s*([^,)]*)/g)) {
      const [, fn, argument = ''] = call;
      for (const literal of argument.matchAll(/'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) used.push({ key: literal[1] ?? '', plural: fn === 'plural', template: false });
      for (const template of argument.matchAll(/`([a-z][\w.${}?:' -]*)`/g)) used.push({ key: template[1] ?? '', plural: fn === 'plural', template: true });
    }
    return used;
  }

  it('finds the calls it checks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(({ text }) => usedKeys(text)).length).toBeGreaterThan(200);
  });

  it('names only keys that exist in the catalogue (plural keys with both forms; template keys match at least one)', () => {
    const missing: string[] = [];
    for (const { file, text } of files) {
      for (const { key, plural, template } of usedKeys(text)) {
        if (template) {
          const pattern = new RegExp(`^${key.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\w.-]+')}$`);
          if (![...keys].some((candidate) => pattern.test(candidate))) missing.push(`${file}: \`${key}\``);
        } else if (plural ? !keys.has(`${key}.one`) || !keys.has(`${key}.other`) : !keys.has(key)) {
          missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has words for every value of the vocabularies that keys are built from', () => {
    const families: Record<string, readonly string[]> = {
      entity: entityNames,
      measure: defaultScorecardConfig.measures.map((measure) => measure.id).concat(['onboarding_overdue', 'renewal_proximity']),
      playbook: playbookIds,
      role: contactRoles,
      department: departments,
      channel: channels,
      stage: journeyStages,
      mot: momentsOfTruth,
      feedbackKind: feedbackKinds,
      'reply.state': followUpStates,
      dismiss: dismissReasons,
    };
    const missing = Object.entries(families).flatMap(([family, values]) => values.map((value) => `${family}.${value}`).filter((key) => !keys.has(key)));
    expect(missing).toEqual([]);
  });

  it('defines each key in one area only: shared words (stages, moments of truth) live in common', () => {
    const areas = { common: [commonEn, commonJa], account: [accountEn, accountJa], leaders: [leadersEn, leadersJa] } as const;
    const duplicates: string[] = [];
    const seen = new Map<string, string>();
    for (const [area, pair] of Object.entries(areas)) {
      for (const catalogue of pair) {
        for (const key of Object.keys(catalogue)) {
          const earlier = seen.get(`${catalogue === pair[0] ? 'en' : 'ja'}:${key}`);
          if (earlier !== undefined && earlier !== area) duplicates.push(`${key}: ${earlier} and ${area}`);
          seen.set(`${catalogue === pair[0] ? 'en' : 'ja'}:${key}`, area);
        }
      }
    }
    expect(duplicates).toEqual([]);
  });
});
