import type { StateStorage } from 'zustand/middleware';

/**
 * A storage that skips writing the value already written: zustand's `persist` writes after every
 * state change — dozens a second under load — while the preferences it keeps change rarely, and
 * each `localStorage.setItem` is a synchronous write on the renderer's main thread.
 */
export function skippingUnchangedWrites(storage: Storage): StateStorage {
  const written = new Map<string, string>();
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      if (written.get(name) === value) return;
      written.set(name, value);
      storage.setItem(name, value);
    },
    removeItem: (name) => {
      written.delete(name);
      storage.removeItem(name);
    }
  };
}
