/**
 * Stand-in for `lightning/platformResourceLoader`: adds a `<script>` or `<link rel="stylesheet">`
 * for a static resource's file to the page, once per URL (a second call for the same URL resolves
 * with the first load, as Lightning's does), and rejects when the file cannot be loaded.
 */
const loads = new Map<string, Promise<void>>();

function load(url: string, element: () => HTMLScriptElement | HTMLLinkElement): Promise<void> {
  const known = loads.get(url);
  if (known !== undefined) return known;
  const loading = new Promise<void>((resolve, reject) => {
    const node = element();
    node.addEventListener('load', () => resolve(), { once: true });
    node.addEventListener('error', () => reject(new Error(`Could not load ${url}.`)), { once: true });
    document.head.append(node);
  });
  loads.set(url, loading);
  // A failed load may be tried again, as after a network error in Lightning.
  loading.catch(() => loads.delete(url));
  return loading;
}

export function loadScript(_component: unknown, url: string): Promise<void> {
  return load(url, () => Object.assign(document.createElement('script'), { src: url }));
}

export function loadStyle(_component: unknown, url: string): Promise<void> {
  return load(url, () => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url }));
}
