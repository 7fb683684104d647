import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SCENARIO } from '../engines/session/create-session';
import { defaultDataDir, openWorkspace } from '../workspace/open-workspace';
import { SessionHost } from './session-host';
import { startWebServer } from './web-server';

/**
 * Browser mode: `npm run serve -- [--port N] [--host 127.0.0.1] [--config FILE] [--data-dir DIR]`.
 * Runs the same host as the desktop app, recorded into the workspace in DIR (`:memory:` keeps
 * nothing), and serves the built renderer with a WebSocket bridge.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      config: { type: 'string' },
      scenario: { type: 'string', default: DEFAULT_SCENARIO },
      'data-dir': { type: 'string', default: defaultDataDir() }
    }
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  // Built: out/main/serve.js; the project root is two levels up.
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const workspace = await openWorkspace({
    dataDir: values['data-dir'],
    resourcesDir: join(root, 'resources'),
    configPath: values.config,
    initialScenario: values.scenario
  });
  const { session, recording, resumed } = workspace;
  const host = new SessionHost(session, recording);
  const server = await startWebServer({ host, staticDir: join(root, 'out', 'renderer'), port, bindAddress: values.host });
  if (values.host !== '127.0.0.1' && values.host !== '::1' && values.host !== 'localhost') {
    console.warn(`Warning: listening on ${values.host}; anyone who can reach it and has the token can drive this session.`);
  }
  if (resumed) console.log(`Reopened session ${resumed.id} "${resumed.name}" where it stopped (event ${resumed.lastSeq})`);
  console.log(`Recording into ${recording.health().path} (session ${recording.liveSessionId})`);
  console.log(`Flightdeck listening on ${server.url}`);
  const stop = async (): Promise<void> => {
    await server.close();
    host.dispose();
    await workspace.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Flightdeck could not start browser mode: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
