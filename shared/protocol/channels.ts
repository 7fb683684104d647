/**
 * Electron IPC channel names: allow-listed in preload and main, used nowhere else. Kept
 * free of imports so the sandboxed preload bundles nothing but these strings.
 */
export const IPC_CHANNELS = {
  invoke: 'flightdeck:invoke',
  stream: 'flightdeck:stream'
} as const;
