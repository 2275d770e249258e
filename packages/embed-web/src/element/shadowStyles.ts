import widgetStyles from '@kizuna/widgets/styles.css?inline';

/** The element's own box, and the notices it shows before a dashboard can render. */
const hostStyles = `
:host { display: block; contain: content; }
:host([hidden]) { display: none; }
.kz-embed-notice__details { margin: 0.25rem 0 0; padding-left: 1.25rem; }
`;

/** Everything the shadow root needs: the widgets' styles (which do not leak out) and the host's. */
export const shadowCss = `${widgetStyles}\n${hostStyles}`;

/**
 * Puts the styles into a shadow root: as a constructed style sheet where the browser has them
 * (not an inline `<style>`, so a strict `style-src` policy does not block it), else as a `<style>`.
 */
export function adoptShadowStyles(shadow: ShadowRoot, css: string = shadowCss): void {
  const view = shadow.ownerDocument.defaultView;
  const Sheet = view?.CSSStyleSheet;
  if (Sheet !== undefined && 'adoptedStyleSheets' in shadow && typeof Sheet.prototype.replaceSync === 'function') {
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
