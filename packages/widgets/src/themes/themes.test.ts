import { describe, expect, it } from 'vitest';
import { colourSchemes, themeNames } from '../dashboard/dashboardProps';
import { AA_GRAPHICS, AA_TEXT, contrastRatio, relativeLuminance } from './contrast';
import { graphicPairs, textPairs, themeStyle, themes, tokenProperty } from './themes';

describe('contrastRatio', () => {
  it('reproduces the WCAG reference points', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // #767676 on white is the classic lightest grey that passes AA (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(AA_TEXT);
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4);
    expect(() => relativeLuminance('blue')).toThrow(RangeError);
  });
});

describe('themes', () => {
  const cases = themeNames.flatMap((theme) => colourSchemes.map((scheme) => [theme, scheme] as const));

  it.each(cases)('%s %s: every text/background pair passes WCAG AA (4.5:1)', (theme, scheme) => {
    const tokens = themes[theme][scheme];
    const failing = textPairs
      .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrastRatio(tokens[fg], tokens[bg]) }))
      .filter(({ ratio }) => ratio < AA_TEXT);
    expect(failing).toEqual([]);
  });

  it.each(cases)('%s %s: chart marks and focus rings reach 3:1 against the surface', (theme, scheme) => {
    const tokens = themes[theme][scheme];
    const failing = graphicPairs
      .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrastRatio(tokens[fg], tokens[bg]) }))
      .filter(({ ratio }) => ratio < AA_GRAPHICS);
    expect(failing).toEqual([]);
  });

  it('uses the SLDS token values inside Salesforce', () => {
    expect(themes.salesforce.light).toMatchObject({ text: '#181818', series1: '#0176d3', focus: '#014486' });
  });

  it('applies as CSS custom properties on the dashboard root', () => {
    const style = themeStyle('zoho', 'dark') as Record<string, string>;
    expect(style['--kz-surface']).toBe(themes.zoho.dark.surface);
    expect(style['--kz-surface-alt']).toBe(themes.zoho.dark.surfaceAlt);
    expect(style['--kz-series1']).toBe(themes.zoho.dark.series1);
    expect(style['colorScheme']).toBe('dark');
    expect(tokenProperty('warningBg')).toBe('--kz-warning-bg');
  });
});
