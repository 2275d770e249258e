export { graphicPairs, textPairs, themeStyle, themes, tokenProperty } from './themes';
export type { ThemeTokens } from './themes';
export { AA_GRAPHICS, AA_TEXT, contrastRatio, relativeLuminance } from './contrast';
