import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultScorecardConfig, playbookIds } from '@kizuna/metrics';
import { channels, contactRoles, departments, entityNames, feedbackKinds, followUpStates, journeyStages, momentsOfTruth } from '@kizuna/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleMessageArea } from '../dashboard/roleDashboards';
import { dismissReasons } from '../outbox/actionDecisions';
import { accountEn } from './areas/account.en';
import { accountJa } from './areas/account.ja';
import { commonEn } from './areas/common.en';
import { commonJa } from './areas/common.ja';
import { leadersEn } from './areas/leaders.en';
import { leadersJa } from './areas/leaders.ja';
import { loadAllMessages } from './catalogue';
import { locales, type MessageArea } from './messages';
import { createTranslator, localeFor } from './translator';

/** Every area's module in each language, as the catalogue loads them one by one. */
const areas: { readonly [TArea in MessageArea]: { readonly en: Readonly<Record<string, string>>; readonly ja: Readonly<Record<string, string>> } } = {
  common: { en: commonEn, ja: commonJa },
  account: { en: accountEn, ja: accountJa },
  leaders: { en: leadersEn, ja: leadersJa },
};
const en: Readonly<Record<string, string>> = { ...commonEn, ...accountEn, ...leadersEn };

describe('message catalogues', () => {
  it('have exactly the same keys in every locale, area by area, and no empty message', () => {
    for (const [area, { en: reference, ...others }] of Object.entries(areas)) {
      for (const [locale, messages] of Object.entries({ en: reference, ...others })) {
        expect(Object.keys(messages).sort(), `${locale} ${area}`).toEqual(Object.keys(reference).sort());
        for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every locale', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const { en: reference, ja } of Object.values(areas)) {
      for (const [key, text] of Object.entries(reference)) expect(placeholders(ja[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('are what the catalogue loads for each locale', async () => {
    expect(Object.keys(await loadAllMessages('en')).sort()).toEqual(Object.keys(en).sort());
    expect(await loadAllMessages('ja')).toEqual({ ...commonJa, ...accountJa, ...leadersJa });
  });
});

describe('createTranslator', () => {
  beforeAll(async () => {
    await Promise.all(locales.map((locale) => loadAllMessages(locale)));
  });

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

  /** A template key (`measure.${id}`) as a pattern: each `${…}` stands for one or more key characters. */
  function templatePattern(key: string): RegExp {
    return new RegExp(`^${key.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\w.-]+')}$`);
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
          if (![...keys].some((candidate) => templatePattern(key).test(candidate))) missing.push(`${file}: \`${key}\``);
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
    const duplicates: string[] = [];
    const seen = new Map<string, string>();
    for (const [area, { en: english }] of Object.entries(areas)) {
      for (const key of Object.keys(english)) {
        const earlier = seen.get(key);
        if (earlier !== undefined) duplicates.push(`${key}: ${earlier} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(duplicates).toEqual([]);
  });

  /** The package's own modules `file` imports statically (values, not `import type`; not `import()`). */
  function staticImportsOf(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    const found: string[] = [];
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)) {
      const base = resolve(dirname(file), match[1] ?? '');
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (target !== undefined) found.push(target);
    }
    return found;
  }

  /** Every module reachable from `entry` (relative to `src/`) through static imports. */
  function staticGraph(entry: string): string[] {
    const seen = new Set<string>();
    const queue = [resolve(sourceRoot, entry)];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...staticImportsOf(file));
    }
    return [...seen];
  }

  it.each([
    ['account-manager', 'account/index.ts'],
    ['bu-leader', 'business/index.ts'],
    ['cx-leader', 'cxLeader/index.ts'],
  ] as const)("finds every key the %s's dashboard names in the areas it loads (common and its own)", (role, entry) => {
    const area = roleMessageArea[role];
    const loaded = new Set([...Object.keys(commonEn), ...Object.keys(areas[area].en)]);
    const graph = staticGraph(entry).filter((file) => !file.includes(`${sep}i18n${sep}`));
    expect(graph.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of graph) {
      // Code only: a doc comment may show a key of another area as an example.
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const { key, plural, template } of usedKeys(code)) {
        const found = template ? [...loaded].some((candidate) => templatePattern(key).test(candidate)) : plural ? loaded.has(`${key}.one`) && loaded.has(`${key}.other`) : loaded.has(key);
        if (!found) missing.push(`${relative(sourceRoot, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
