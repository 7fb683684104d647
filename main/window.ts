import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';

/** The page Flightdeck shows: the dev server in `npm run dev`, the built file otherwise. */
export function rendererUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) return devServer;
  return new URL('../renderer/index.html', import.meta.url).toString();
}

/** True for Flightdeck's own page (and nothing else: no other file, host or scheme). */
export function isFlightdeckUrl(url: string): boolean {
  const own = new URL(rendererUrl());
  try {
    const candidate = new URL(url);
    if (own.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === own.pathname;
    return candidate.origin === own.origin;
  } catch {
    return false;
  }
}

/**
 * The main window, locked down: context isolation, sandbox, no Node in the page, web
 * security on, and no navigation or new windows.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0f1419',
    title: 'Flightdeck',
    autoHideMenuBar: true,
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows; Flightdeck has none to open.
      disableBlinkFeatures: 'Auxclick'
    }
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isFlightdeckUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isFlightdeckUrl(url)) event.preventDefault();
  });
  void window.loadURL(rendererUrl());
  return window;
}
