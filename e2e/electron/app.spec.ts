import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

/** The Electron binary's path, or why it is not there. */
function electronBinary(): { path?: string; reason?: string } {
  try {
    const path = require('electron') as unknown as string;
    return existsSync(path) ? { path } : { reason: `Electron binary missing at ${path}` };
  } catch (error) {
    return { reason: `Electron binary not installed (${(error as Error).message.split('\n')[0]})` };
  }
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

test.describe('desktop app (Electron)', () => {
  test.skip(!binary.path, binary.reason ?? 'Electron binary not installed');
  test.skip(!hasDisplay, 'no display for an Electron window (DISPLAY is not set)');

  test('opens the window with the IPC bridge and the six engines', async () => {
    const app = await electron.launch({ executablePath: binary.path, args: [join(import.meta.dirname, '..', '..')] });
    const page = await app.firstWindow();
    await page.locator('html[data-bridge="open"]').waitFor({ state: 'attached', timeout: 30_000 });
    await expect(page.locator('html')).toHaveAttribute('data-transport', 'ipc');
    const exposed = await page.evaluate(() => ({
      verbs: Object.keys(window.flightdeck ?? {}).sort(),
      hasIpcRenderer: 'ipcRenderer' in (window.flightdeck ?? {}),
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined'
    }));
    expect(exposed).toEqual({ verbs: ['invoke', 'onStream', 'transport'], hasIpcRenderer: false, hasRequire: false });
    const status = await page.evaluate(() => window.flightdeck?.invoke('status.get', {}));
    expect((status as { ok: boolean; data: { engines: unknown[] } }).data.engines).toHaveLength(6);
    await app.close();
  });
});
