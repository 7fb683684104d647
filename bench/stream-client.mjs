// The stream benchmark's client, in a thread of its own as a browser tab is a process of its
// own: it connects, parses every message and reports what it counted.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { url, origin } = workerData;
const ws = new WebSocket(url, { headers: { Origin: origin } });
let received = 0;
let dropped = 0;
ws.on('message', (raw) => {
  const message = JSON.parse(raw.toString());
  if (message.kind !== 'stream') return;
  for (const event of message.batch.events) if (event.eventType === 'synthetic_load') received++;
  dropped = message.batch.dropped.total;
  parentPort.postMessage({ received, dropped, at: performance.timeOrigin + performance.now() });
});
ws.once('open', () => parentPort.postMessage({ open: true }));
parentPort.on('message', () => ws.close());
