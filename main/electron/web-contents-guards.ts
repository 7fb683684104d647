import type { App, WebContents } from 'electron';

/**
 * The one place navigation is limited: every web contents the app ever creates (the window,
 * and anything a compromised page might open) may navigate or be redirected only to
 * Flightdeck's own pages, opens no windows, attaches no `<webview>` and picks no Bluetooth
 * device. Call before `ready`, so no web contents is created unguarded.
 */
export function guardEveryWebContents(app: App, isAllowedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isAllowedUrl));
}

function guardWebContents(contents: WebContents, isAllowedUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAllowedUrl(event.url)) event.preventDefault();
  });
  // Sub-frames too: Flightdeck has none, so a frame navigating elsewhere is refused.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedUrl(event.url)) event.preventDefault();
  });
  // A server-side redirect of an allowed navigation: preventDefault stops the whole navigation.
  contents.on('will-redirect', (event) => {
    if (!isAllowedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
