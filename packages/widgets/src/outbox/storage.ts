/** The part of the Web Storage API the outbox uses; `localStorage` is one, tests pass a map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage kept in memory: for hosts that forbid `localStorage`, and for tests. */
export function memoryStorage(initial: Readonly<Record<string, string>> = {}): KeyValueStorage {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/**
 * The browser's `localStorage` when the host allows it (some CRM sandboxes and private windows
 * throw on access or on write), else memory: pending writes then survive failures but not a reload.
 */
export function browserStorage(): { storage: KeyValueStorage; persistent: boolean } {
  try {
    const storage = globalThis.localStorage;
    const probe = 'kizuna.probe';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return { storage, persistent: true };
  } catch {
    return { storage: memoryStorage(), persistent: false };
  }
}
