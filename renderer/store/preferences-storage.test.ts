import { describe, expect, it } from 'vitest';
import { skippingUnchangedWrites } from './preferences-storage';

/** A Storage that counts its writes. */
function countingStorage(): Storage & { writes: number } {
  const items = new Map<string, string>();
  return {
    writes: 0,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (name) => items.get(name) ?? null,
    setItem(name, value) {
      this.writes++;
      items.set(name, value);
    },
    removeItem: (name) => void items.delete(name)
  };
}

describe('skippingUnchangedWrites', () => {
  it('writes a value once however often it is set, and again once it changes or was removed', () => {
    const backing = countingStorage();
    const storage = skippingUnchangedWrites(backing);
    for (let i = 0; i < 50; i++) void storage.setItem('prefs', '{"theme":"dark"}');
    expect(backing.writes).toBe(1);
    void storage.setItem('prefs', '{"theme":"light"}');
    expect(backing.getItem('prefs')).toBe('{"theme":"light"}');
    void storage.removeItem('prefs');
    void storage.setItem('prefs', '{"theme":"light"}');
    expect(backing.writes).toBe(3);
    expect(storage.getItem('prefs')).toBe('{"theme":"light"}');
  });
});
