import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { themes, tokenProperty, type ThemeTokens } from './themes';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stylesheets = { 'styles.css': resolve(src, 'styles.css'), 'themes/leaders.css': resolve(src, 'themes/leaders.css') };
const textOf = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const tokens = new Set(Object.keys(themes.neutral.light).map((token) => tokenProperty(token as keyof ThemeTokens)));

describe('stylesheets', () => {
  it("load the leaders' layout wherever the widgets' stylesheet is loaded", () => {
    const imports = [...textOf(stylesheets['styles.css']).matchAll(/@import\s+'([^']+)'/g)].map((match) => match[1] ?? '');
    expect(imports).toContain('./themes/leaders.css');
    for (const path of imports) expect(existsSync(resolve(src, path))).toBe(true);
  });

  it.each(Object.entries(stylesheets))('%s only reads the theme tokens, so the dashboard root’s themeStyle wins', (_name, file) => {
    const css = textOf(file);
    // No rule sets a --kz-* property: a redefinition on .kz-widget would override the root's theme.
    expect([...css.matchAll(/(--kz-[\w-]+)\s*:/g)].map((match) => match[1])).toEqual([]);
    const reads = [...css.matchAll(/var\(\s*(--kz-[\w-]+)\s*(,)?/g)];
    expect(reads.length).toBeGreaterThan(0);
    // Every read names a token the themes define, with a fallback for a widget mounted on its own.
    expect(reads.filter((match) => !tokens.has(match[1] as `--kz-${string}`)).map((match) => match[1])).toEqual([]);
    expect(reads.filter((match) => match[2] === undefined).map((match) => match[1])).toEqual([]);
  });
});
