/**
 * WCAG 2.x contrast between two sRGB colours written `#rrggbb`. Relative luminance and the
 * contrast ratio follow the WCAG 2.2 definitions (Understanding SC 1.4.3: (L1 + 0.05) / (L2 + 0.05)).
 */

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance (0 for black … 1 for white) of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => channel(Number.parseInt(part ?? '0', 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The contrast ratio (1 … 21) of two colours, whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG AA minimums: 4.5:1 for body text, 3:1 for graphical objects and UI components (SC 1.4.11). */
export const AA_TEXT = 4.5;
export const AA_GRAPHICS = 3;
