import type { CSSProperties } from 'react';
import type { ColourScheme, ThemeName } from '../dashboard/dashboardProps';

export type { ColourScheme, ThemeName } from '../dashboard/dashboardProps';

/**
 * The colours a dashboard uses, by role. Every text role is paired with the backgrounds it is
 * drawn on in {@link textPairs}; every chart mark with the surface in {@link graphicPairs}. The
 * contrast test checks each pair of every theme and scheme against WCAG AA.
 */
export interface ThemeTokens {
  readonly surface: string;
  readonly surfaceAlt: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly accent: string;
  readonly onAccent: string;
  readonly warningBg: string;
  readonly warningText: string;
  readonly errorBg: string;
  readonly errorText: string;
  /** Text and marks for a real strength (always with a word or symbol too). */
  readonly strength: string;
  readonly strengthBg: string;
  /** Text and marks for a real weakness (always with a word or symbol too). */
  readonly weakness: string;
  readonly weaknessBg: string;
  /** Chart marks: the main series, a second series, and grid/reference lines. */
  readonly series1: string;
  readonly series2: string;
  readonly reference: string;
  readonly focus: string;
  readonly fontFamily: string;
}

/** Text roles and the backgrounds each is drawn on: contrast ≥ 4.5:1. */
export const textPairs: ReadonlyArray<readonly [keyof ThemeTokens, keyof ThemeTokens]> = [
  ['text', 'surface'],
  ['text', 'surfaceAlt'],
  ['muted', 'surface'],
  ['muted', 'surfaceAlt'],
  ['accent', 'surface'],
  ['accent', 'surfaceAlt'],
  ['onAccent', 'accent'],
  ['warningText', 'warningBg'],
  ['errorText', 'errorBg'],
  ['strength', 'surface'],
  ['weakness', 'surface'],
  ['strength', 'strengthBg'],
  ['weakness', 'weaknessBg'],
  ['text', 'strengthBg'],
  ['text', 'weaknessBg'],
];

/** Chart marks, focus rings and component edges against the surface: contrast ≥ 3:1. */
export const graphicPairs: ReadonlyArray<readonly [keyof ThemeTokens, keyof ThemeTokens]> = [
  ['series1', 'surface'],
  ['series2', 'surface'],
  ['reference', 'surface'],
  ['focus', 'surface'],
  ['strength', 'surface'],
  ['weakness', 'surface'],
];

const systemFont = "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', sans-serif";

/**
 * Salesforce Lightning. Light values are SLDS design-token values: `$color-text-default` #181818,
 * `$brand-accessible` #0176d3 for chart marks and `$brand-accessible-active` #014486 for focus,
 * `$color-border` #c9c9c9, error #ba0517; link and button text take the palette's blue 40 #0b5cab and
 * strengths its green 40 #22683e, because #0176d3 and #2e844a fall just under 4.5:1 on the tinted
 * backgrounds (Lightning Design System design tokens, v1 token list and the
 * `@salesforce-ux/design-system` component tokens).
 * Dark values follow the same roles on the dark surface #1b1b1d, lightened until they pass AA.
 */
const salesforce: Record<ColourScheme, ThemeTokens> = {
  light: {
    surface: '#ffffff',
    surfaceAlt: '#fafaf9',
    text: '#181818',
    muted: '#444444',
    border: '#c9c9c9',
    accent: '#0b5cab',
    onAccent: '#ffffff',
    warningBg: '#fef1cd',
    warningText: '#3e3e3c',
    errorBg: '#fddde3',
    errorText: '#8e030f',
    strength: '#22683e',
    strengthBg: '#ebf7e6',
    weakness: '#ba0517',
    weaknessBg: '#fddde3',
    series1: '#0176d3',
    series2: '#706e6b',
    reference: '#747474',
    focus: '#014486',
    fontFamily: `'Salesforce Sans', Arial, ${systemFont}`,
  },
  dark: {
    surface: '#1b1b1d',
    surfaceAlt: '#242427',
    text: '#f3f3f3',
    muted: '#c9c9c9',
    border: '#5c5c5c',
    accent: '#78b0fd',
    onAccent: '#03234d',
    warningBg: '#4a3a06',
    warningText: '#fef1cd',
    errorBg: '#4d0a10',
    errorText: '#fed9dc',
    strength: '#91db8b',
    strengthBg: '#0f3b1c',
    weakness: '#fe8f7d',
    weaknessBg: '#4d0a10',
    series1: '#78b0fd',
    series2: '#aeaeae',
    reference: '#939393',
    focus: '#aacbff',
    fontFamily: `'Salesforce Sans', Arial, ${systemFont}`,
  },
};

/** Zoho CRM: its blue accent on white and light grey, dark grey text, rounded flat surfaces. */
const zoho: Record<ColourScheme, ThemeTokens> = {
  light: {
    surface: '#ffffff',
    surfaceAlt: '#f5f7f9',
    text: '#1f2a37',
    muted: '#4b5563',
    border: '#d5dbe1',
    accent: '#0a5ad4',
    onAccent: '#ffffff',
    warningBg: '#fff5db',
    warningText: '#6b4500',
    errorBg: '#fdecec',
    errorText: '#a1141b',
    strength: '#1b7a3e',
    strengthBg: '#e3f5e9',
    weakness: '#b3261e',
    weaknessBg: '#fdecec',
    series1: '#0a5ad4',
    series2: '#6b7785',
    reference: '#7b8794',
    focus: '#0a5ad4',
    fontFamily: `Lato, 'Zoho Puvi', ${systemFont}`,
  },
  dark: {
    surface: '#16191d',
    surfaceAlt: '#1f242a',
    text: '#eef1f4',
    muted: '#b9c1ca',
    border: '#4a525c',
    accent: '#6aa7ff',
    onAccent: '#0b1b33',
    warningBg: '#3f2f08',
    warningText: '#ffe6a6',
    errorBg: '#44161a',
    errorText: '#ffc9c9',
    strength: '#7ad69a',
    strengthBg: '#11331f',
    weakness: '#ff8c82',
    weaknessBg: '#44161a',
    series1: '#6aa7ff',
    series2: '#a3adb8',
    reference: '#8a949f',
    focus: '#9cc4ff',
    fontFamily: `Lato, 'Zoho Puvi', ${systemFont}`,
  },
};

/** Neutral: for any other host (web component, iframe). */
const neutral: Record<ColourScheme, ThemeTokens> = {
  light: {
    surface: '#ffffff',
    surfaceAlt: '#f4f4f5',
    text: '#181818',
    muted: '#4a4a4a',
    border: '#c9c9c9',
    accent: '#0b5cab',
    onAccent: '#ffffff',
    warningBg: '#fff4d6',
    warningText: '#5c3b00',
    errorBg: '#fde9e8',
    errorText: '#8c1a12',
    strength: '#1f7a3a',
    strengthBg: '#e4f4e8',
    weakness: '#b42318',
    weaknessBg: '#fde9e8',
    series1: '#0b5cab',
    series2: '#6e6e73',
    reference: '#767676',
    focus: '#0b5cab',
    fontFamily: systemFont,
  },
  dark: {
    surface: '#18181b',
    surfaceAlt: '#222226',
    text: '#f4f4f5',
    muted: '#c4c4c8',
    border: '#52525b',
    accent: '#7cb4f5',
    onAccent: '#0c1d33',
    warningBg: '#3d2e05',
    warningText: '#ffe3a3',
    errorBg: '#45140f',
    errorText: '#ffcdc7',
    strength: '#7fd49a',
    strengthBg: '#12321d',
    weakness: '#ff8f85',
    weaknessBg: '#45140f',
    series1: '#7cb4f5',
    series2: '#a1a1aa',
    reference: '#8d8d94',
    focus: '#a5ccff',
    fontFamily: systemFont,
  },
};

export const themes: Readonly<Record<ThemeName, Readonly<Record<ColourScheme, ThemeTokens>>>> = { salesforce, zoho, neutral };

/** The CSS custom property of a token: `surfaceAlt` → `--kz-surface-alt`. */
export function tokenProperty(token: keyof ThemeTokens): `--kz-${string}` {
  return `--kz-${token.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * The theme as CSS custom properties for the dashboard root's `style`: every widget below reads
 * `var(--kz-…)`, so a host switches theme and scheme without new CSS. `color-scheme` makes form
 * controls and scrollbars follow.
 */
export function themeStyle(theme: ThemeName, scheme: ColourScheme): CSSProperties {
  const tokens = themes[theme][scheme];
  const style: Record<string, string> = { colorScheme: scheme, color: tokens.text, background: tokens.surface, fontFamily: tokens.fontFamily };
  for (const [token, value] of Object.entries(tokens)) style[tokenProperty(token as keyof ThemeTokens)] = value;
  return style;
}
