import { app, BrowserWindow, session as electronSession } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO } from './engines/session/create-session';
import { openWorkspace } from './workspace/open-workspace';
import { SessionHost } from './host/session-host';
import { attachIpcTransport } from './host/ipc-transport';
import { sessionFileResponse } from './host/session-files';
import type { SessionRecording } from './host/session-recording';
import { denyAllPermissions } from './electron/permissions';
import { registerAppScheme, serveRenderer } from './electron/serve-renderer';
import { guardEveryWebContents } from './electron/web-contents-guards';
import { createMainWindow, isFlightdeckUrl } from './window';

/** The built renderer, served on app://flightdeck/ (this file is out/main/index.js). */
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

// Before ready: the scheme must be privileged before any page exists, every renderer is
// sandboxed whatever a window's options say, and no web contents is created unguarded.
registerAppScheme();
app.enableSandbox();
guardEveryWebContents(app, isFlightdeckUrl);

/** The open workspace's recording, whose session files `app://flightdeck/sessions/…` serves. */
let recording: SessionRecording | undefined;

async function openFlightdeck(): Promise<void> {
  const resourcesDir = join(app.getAppPath(), 'resources');
  // Recorded into the user's data folder; a session its host did not end reopens where it stopped.
  const workspace = await openWorkspace({ dataDir: join(app.getPath('userData'), 'workspace'), resourcesDir, initialScenario: DEFAULT_SCENARIO });
  recording = workspace.recording;
  const host = new SessionHost(workspace.session, workspace.recording);
  const window = createMainWindow();
  const transport = attachIpcTransport(host, window, isFlightdeckUrl);
  window.on('closed', () => {
    transport.dispose();
    host.dispose();
    recording = undefined;
    void workspace.close();
  });
}

function failedToStart(error: unknown): void {
  console.error('Flightdeck failed to start:', error);
  app.exit(1);
}

app
  .whenReady()
  .then(async () => {
    denyAllPermissions(electronSession.defaultSession);
    serveRenderer(RENDERER_DIR, (request) => sessionFileResponse(request, recording));
    await openFlightdeck();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openFlightdeck().catch(failedToStart);
    });
  })
  .catch(failedToStart);

app.on('window-all-closed', () => app.quit());
