/**
 * A service worker has no `localStorage`, and msw's cookie store asks for one when its module loads
 * in a browser-like scope. An in-memory Storage is given before msw loads (import this first); the
 * simulator keeps no cookies between loads, so memory is what it needs.
 */
class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  [name: string]: unknown;
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
}

if (!('localStorage' in globalThis)) Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(), configurable: true });
