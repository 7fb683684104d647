import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SessionHost } from '../main/host/session-host';
import { startWebServer } from '../main/host/web-server';
import type { BenchRow } from './measure';
import { benchSession } from './session';

const EVENTS = 300_000;
const CHUNK = 2_000;
/** Events in flight the producer allows: half the host's stream queue per client. */
const WINDOW = 10_000;

/**
 * Events per second that reach a browser-mode client: the real host batching per frame, the
 * real WebSocket server, a client parsing every message — in a thread of its own, as a browser
 * tab runs in a process of its own.
 */
export async function benchStream(): Promise<BenchRow[]> {
  const session = await benchSession('f22a');
  const host = new SessionHost(session);
  const staticDir = mkdtempSync(join(tmpdir(), 'flightdeck-bench-'));
  writeFileSync(join(staticDir, 'index.html'), '');
  const server = await startWebServer({ host, staticDir });
  const origin = `http://127.0.0.1:${server.port}`;
  const client = new Worker(new URL('./stream-client.mjs', import.meta.url), {
    workerData: { url: `ws://127.0.0.1:${server.port}/ws?token=${server.token}`, origin }
  });
  let received = 0;
  let dropped = 0;
  let lastAt = 0;
  client.on('message', (message: { open?: boolean; received?: number; dropped?: number; at?: number }) => {
    if (message.received === undefined) return;
    received = message.received;
    dropped = message.dropped ?? 0;
    lastAt = (message.at ?? 0) - performance.timeOrigin;
  });
  await new Promise<void>((resolve) => client.on('message', (m: { open?: boolean }) => m.open && resolve()));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { bus } = session.coordinator;
  const startedAt = performance.now();
  for (let sent = 0; sent < EVENTS; sent += CHUNK) {
    // A producer that keeps at most WINDOW events in flight (sent, not yet counted by the client):
    // the figure is the rate the client is served at saturation, with nothing dropped.
    while (sent - received > WINDOW) await new Promise((resolve) => setTimeout(resolve, 1));
    for (let i = 0; i < CHUNK; i++) bus.publish({ eventType: 'synthetic_load', sourceEngine: 'load_generator', priority: 'LOW', data: { n: sent + i } });
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (received + dropped < EVENTS && performance.now() - startedAt < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (lastAt - startedAt) / 1000;
  client.postMessage('close');
  await client.terminate();
  await server.close();
  host.dispose();
  await session.dispose();
  return [
    { key: 'stream.eventsPerSecToClient', value: received / seconds, unit: 'events/s', note: `${received.toLocaleString('en-US')} of ${EVENTS.toLocaleString('en-US')} delivered, ${dropped} dropped by overload` }
  ];
}
