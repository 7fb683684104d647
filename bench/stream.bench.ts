import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { SessionHost } from '../main/host/session-host';
import { startWebServer } from '../main/host/web-server';
import type { BenchRow } from './measure';
import { benchSession } from './session';

const EVENTS = 300_000;
const CHUNK = 2_000;

/**
 * Events per second that reach a browser-mode client: the real host batching per frame, the
 * real WebSocket server, a client parsing every message.
 */
export async function benchStream(): Promise<BenchRow[]> {
  const session = await benchSession('f22a');
  const host = new SessionHost(session);
  const staticDir = mkdtempSync(join(tmpdir(), 'flightdeck-bench-'));
  writeFileSync(join(staticDir, 'index.html'), '');
  const server = await startWebServer({ host, staticDir });
  const origin = `http://127.0.0.1:${server.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { headers: { Origin: origin } });
  let received = 0;
  let dropped = 0;
  let lastAt = 0;
  ws.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as { kind: string; batch?: { events: { eventType: string }[]; dropped: { total: number } } };
    if (message.kind !== 'stream' || !message.batch) return;
    for (const event of message.batch.events) if (event.eventType === 'synthetic_load') received++;
    dropped = message.batch.dropped.total;
    lastAt = performance.now();
  });
  await new Promise((resolve) => ws.once('open', resolve));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { bus } = session.coordinator;
  const startedAt = performance.now();
  for (let sent = 0; sent < EVENTS; sent += CHUNK) {
    for (let i = 0; i < CHUNK; i++) bus.publish({ eventType: 'synthetic_load', sourceEngine: 'load_generator', priority: 'LOW', data: { n: sent + i } });
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (received + dropped < EVENTS && performance.now() - startedAt < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (lastAt - startedAt) / 1000;
  ws.close();
  await server.close();
  host.dispose();
  await session.dispose();
  return [
    { key: 'stream.eventsPerSecToClient', value: received / seconds, unit: 'events/s', note: `${received.toLocaleString('en-US')} of ${EVENTS.toLocaleString('en-US')} delivered, ${dropped} dropped by overload` }
  ];
}
