import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { flightdeckPageUrl, isFlightdeckPageUrl } from './electron/app-protocol';

/** The page Flightdeck shows: the dev server in `npm run dev`, `app://flightdeck/` otherwise. */
export function rendererUrl(): string {
  return flightdeckPageUrl(process.env.ELECTRON_RENDERER_URL);
}

/** True for Flightdeck's own pages (and nothing else: no other scheme, host or dev origin). */
export function isFlightdeckUrl(url: string): boolean {
  return isFlightdeckPageUrl(url, process.env.ELECTRON_RENDERER_URL);
}

/**
 * The main window, locked down: context isolation, sandbox, no Node in the page, web
 * security on. Navigation, redirects, new windows and webviews are refused for every web
 * contents in `electron/web-contents-guards.ts`, not here.
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
  void window.loadURL(rendererUrl());
  return window;
}
