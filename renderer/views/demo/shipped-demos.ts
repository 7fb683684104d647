/** A demo shipped in resources/demos, by its file name without `.yaml`. */
export interface ShippedDemo {
  id: string;
  text: string;
}

// Bundled into the renderer as text: the same in Electron and in browser mode.
const FILES = import.meta.glob('../../../resources/demos/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The shipped demos, by file name. */
export const SHIPPED_DEMOS: readonly ShippedDemo[] = Object.entries(FILES)
  .map(([path, text]) => ({ id: path.replace(/^.*\//, '').replace(/\.yaml$/, ''), text }))
  .sort((a, b) => a.id.localeCompare(b.id));
