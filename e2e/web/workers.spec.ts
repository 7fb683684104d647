import { spawn, type ChildProcess } from 'node:child_process';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { test, expect } from '../support/fixtures';
import { startBrowserMode } from '../support/browser-mode';
import { writeHostConfig } from '../support/host-config';
import { shootAtBothSizesAndThemes } from './live-helpers';

const NATS = { host: '127.0.0.1', port: 4222 };
const ROOT = join(import.meta.dirname, '..', '..');

function natsListening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp(NATS, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** `npm run worker` for one engine, resolved once it says it is ready. */
function startWorker(engineId: string, workerId: string, prefix: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/distributed/worker-main.ts', '--engine', engineId, '--prefix', prefix, '--id', workerId], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(' ready: ')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
}

test('engine workers over NATS show on the graph and in the inspector; a lost one is visible as it happens', async ({ page }, testInfo) => {
  test.skip(!(await natsListening()), `skipped: no NATS at ${NATS.host}:${NATS.port}`);
  const prefix = `fde2e-${process.pid}-${Date.now().toString(36)}`;
  const worker = await startWorker('sensors', 'sensors-e2e', prefix);
  const config = writeHostConfig(testInfo.outputPath('host'), {}, { distributed: { nats_url: `nats://${NATS.host}:${NATS.port}`, prefix, remote_engines: ['sensors'] } });
  const server = await startBrowserMode(['--config', config]);
  try {
    await page.goto(server.url);
    await page.locator('html[data-bridge="open"]').waitFor({ state: 'attached', timeout: 20_000 });
    await expect(page.getByTestId('engine-workers-sensors')).toHaveText('1 worker');
    await expect(page.getByTestId('engine-workers-aerodynamics')).toHaveCount(0);
    await page.getByTestId('engine-node-sensors').click();
    await expect(page.getByTestId('inspector-workers')).toContainText('on 1 worker process (NATS): sensors-e2e since');
    await expect(page.locator('.tl-row[data-event-type="worker_joined"]')).toContainText('sensors worker sensors-e2e joined');
    expect(await shootAtBothSizesAndThemes(page, 'workers')).toEqual([]);
    // Killed: its heartbeats stop and the session records it lost within a few seconds.
    worker.kill('SIGKILL');
    await expect(page.locator('.tl-row[data-event-type="worker_left"]')).toContainText('lost (heartbeats stopped)', { timeout: 10_000 });
    await expect(page.getByTestId('engine-workers-sensors')).toHaveText('0 workers');
    await expect(page.getByTestId('inspector-workers')).toHaveText('on worker processes (NATS): none alive, its computations wait for one');
  } finally {
    worker.kill('SIGKILL');
    await server.stop();
    const nc = await connect({ servers: `${NATS.host}:${NATS.port}` });
    await (await jetstreamManager(nc)).streams.delete(`${prefix.toUpperCase().replace(/-/g, '_')}_WORK`).catch(() => false);
    await nc.close();
  }
});
