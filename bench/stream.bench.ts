import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WebSocketServer, type WebSocket } from 'ws';
import { SessionHost } from '../main/host/session-host';
import { startWebServer } from '../main/host/web-server';
import type { BenchRow } from './measure';
import { benchSession } from './session';

const EVENTS = 300_000;
const CHUNK = 2_000;
/** Events in flight the producer allows: half the host's stream queue per client. */
const WINDOW = 10_000;
/** The bare peer's batch size: what the host's per-frame batches hold at this rate. */
const PEER_BATCH = 100;

interface ClientRate {
  received: number;
  dropped: number;
  perSecond: number;
}

/**
 * Publishes `EVENTS` in chunks while at most `WINDOW` are in flight (sent, not yet counted by
 * the client), to a client parsing every message in a thread of its own, as a browser tab runs
 * in a process of its own: the rate it is served at saturation.
 */
async function measureClient(url: string, origin: string, publish: (from: number, count: number) => void): Promise<ClientRate> {
  const client = new Worker(new URL('./stream-client.mjs', import.meta.url), { workerData: { url, origin } });
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
  const startedAt = performance.now();
  for (let sent = 0; sent < EVENTS; sent += CHUNK) {
    while (sent - received > WINDOW) await new Promise((resolve) => setTimeout(resolve, 1));
    publish(sent, CHUNK);
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (received + dropped < EVENTS && performance.now() - startedAt < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
  client.postMessage('close');
  await client.terminate();
  return { received, dropped, perSecond: received / ((lastAt - startedAt) / 1000) };
}

/** The real host: per-frame batching, budgets and backpressure, the real WebSocket server. */
async function flightdeckStream(): Promise<ClientRate> {
  const session = await benchSession('f22a');
  const host = new SessionHost(session);
  const staticDir = mkdtempSync(join(tmpdir(), 'flightdeck-bench-'));
  writeFileSync(join(staticDir, 'index.html'), '');
  const server = await startWebServer({ host, staticDir });
  const { bus } = session.coordinator;
  const rate = await measureClient(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, `http://127.0.0.1:${server.port}`, (from, count) => {
    for (let i = 0; i < count; i++) bus.publish({ eventType: 'synthetic_load', sourceEngine: 'load_generator', priority: 'LOW', data: { n: from + i } });
  });
  await server.close();
  host.dispose();
  await session.dispose();
  return rate;
}

/**
 * The ceiling: a bare `ws` server sending the same events, already built, in batches of 100 as
 * one `JSON.stringify` each — no log, batching, budgets or backpressure.
 */
async function bareWebSocket(): Promise<ClientRate> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const socket = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
  const { port } = server.address() as { port: number };
  let batchSeq = 0;
  let ws: WebSocket | undefined;
  void socket.then((s) => (ws = s));
  const rate = await measureClient(`ws://127.0.0.1:${port}/`, `http://127.0.0.1:${port}`, (from, count) => {
    for (let start = from; start < from + count; start += PEER_BATCH) {
      const events = [];
      for (let seq = start + 1; seq <= start + PEER_BATCH; seq++) {
        const eventId = `bench-${seq}`;
        events.push({ seq, eventId, eventType: 'synthetic_load', sourceEngine: 'load_generator', priority: 'LOW', timestamp: Date.now(), configVersion: 1, requiresResponse: false, correlationId: eventId, causationId: null, data: { n: seq - 1 } });
      }
      ws?.send(JSON.stringify({ kind: 'stream', batch: { seq: batchSeq++, events, dropped: { total: 0 } } }));
    }
  });
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
  return rate;
}

export async function benchStream(): Promise<BenchRow[]> {
  const ours = await flightdeckStream();
  const ceiling = await bareWebSocket();
  return [
    { key: 'stream.eventsPerSecToClient', value: ours.perSecond, unit: 'events/s', note: `${ours.received.toLocaleString('en-US')} of ${EVENTS.toLocaleString('en-US')} delivered, ${ours.dropped} dropped by overload` },
    { key: 'stream.wsCeilingPerSec', value: ceiling.perSecond, unit: 'events/s', note: `a bare ws server, batches of ${PEER_BATCH}, same client, same run` },
    { key: 'stream.vsWsCeiling', value: ours.perSecond / ceiling.perSecond, unit: '×' }
  ];
}
