const svgNamespace = 'http://www.w3.org/2000/svg';

/** The size an SVG draws at: its width/height attributes, else its viewBox, else its layout box. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number.parseFloat(svg.getAttribute('width') ?? '');
  const height = Number.parseFloat(svg.getAttribute('height') ?? '');
  if (width > 0 && height > 0) return { width, height };
  const viewBox = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const [, , boxWidth = 0, boxHeight = 0] = viewBox;
  if (boxWidth > 0 && boxHeight > 0) return { width: boxWidth, height: boxHeight };
  const box = svg.getBoundingClientRect();
  return { width: Math.max(1, box.width), height: Math.max(1, box.height) };
}

/** Presentation properties copied inline, so the image looks as on screen without the page's CSS. */
const inlinedProperties = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor'];

/**
 * A standalone SVG document of the chart: namespaced, sized, with computed styles inlined and a
 * background rectangle (PNG has no page behind it). Pure DOM work; no network, no fonts fetched.
 */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true);
  if (!(copy instanceof SVGSVGElement)) throw new Error('The chart is not an SVG element.');
  const { width, height } = svgSize(svg);
  copy.setAttribute('xmlns', svgNamespace);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const view = svg.ownerDocument.defaultView;
  if (view !== null) {
    const originals = [svg, ...svg.querySelectorAll('*')];
    const copies = [copy, ...copy.querySelectorAll('*')];
    originals.forEach((original, index) => {
      const target = copies[index];
      if (target === undefined) return;
      const computed = view.getComputedStyle(original);
      const inline = inlinedProperties
        .map((property) => [property, computed.getPropertyValue(property)] as const)
        .filter(([, value]) => value !== '')
        .map(([property, value]) => `${property}:${value}`)
        .join(';');
      if (inline !== '') target.setAttribute('style', `${inline};${target.getAttribute('style') ?? ''}`);
    });
  }
  const backdrop = svg.ownerDocument.createElementNS(svgNamespace, 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/**
 * Draws the chart's SVG onto a canvas at `scale` (2 = sharp on high-density screens) and returns
 * it as a PNG blob. Rejects with a clear message when the browser cannot draw it.
 */
export async function svgToPng(svg: SVGSVGElement, options: { scale?: number; background?: string } = {}): Promise<Blob> {
  const scale = options.scale ?? 2;
  const markup = standaloneSvg(svg, options.background ?? '#ffffff');
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This browser cannot draw images.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob === null ? reject(new Error('The image could not be encoded.')) : resolve(blob)), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
