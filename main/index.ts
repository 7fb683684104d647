import { app, BrowserWindow, session as electronSession } from 'electron';
import { join } from 'node:path';
import { createFlightdeckSession, DEFAULT_SCENARIO } from './engines/session/create-session';
import { SessionHost } from './host/session-host';
import { attachIpcTransport } from './host/ipc-transport';
import { createMainWindow, isFlightdeckUrl } from './window';

// Every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isFlightdeckUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/** Flightdeck needs no camera, microphone, notifications or any other permission: refuse all. */
function denyAllPermissions(): void {
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  electronSession.defaultSession.setPermissionCheckHandler(() => false);
}

async function start(): Promise<void> {
  denyAllPermissions();
  const resourcesDir = join(app.getAppPath(), 'resources');
  const session = await createFlightdeckSession({ resourcesDir, initialScenario: DEFAULT_SCENARIO });
  const host = new SessionHost(session);
  const window = createMainWindow();
  const transport = attachIpcTransport(host, window, isFlightdeckUrl);
  window.on('closed', () => {
    transport.dispose();
    host.dispose();
    void session.dispose();
  });
}

app.whenReady().then(start, (error: unknown) => {
  console.error('Flightdeck failed to start:', error);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) void start();
});
