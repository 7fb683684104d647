import { openSync, writeSync } from 'node:fs';
import { EventLog } from '../core/log/event-log';
import { LiveProjection } from '../core/log/live-projection';
import { EventStore } from './event-store';
import { eventStream } from './test-events';

/**
 * The process the crash test kills (`crash.test.ts`): records a steady stream of events into a
 * store file as the host would (worker writer, snapshots from the live projection) until it is
 * killed. After every burst it writes the newest appended seq and its timestamp to
 * `<store>.progress`, so the test knows what had been appended when the kill came.
 *
 * Usage: tsx crash-child.ts <store file> <seed> <events per burst> <burst interval ms>
 */

const [path, seedText, burstText, intervalText] = process.argv.slice(2);
if (!path || !seedText || !burstText || !intervalText) throw new Error('usage: crash-child.ts <store> <seed> <burst> <intervalMs>');
const burst = Number(burstText);
const inputs = eventStream(Number(seedText), 200_000);
const store = EventStore.open(path);
const sessionId = store.sessions.create({ name: `crash ${seedText}`, aircraft: 'F-22A' }).id;
const log = new EventLog();
const projection = new LiveProjection(log);
const recorder = store.record(log, { sessionId, state: () => projection.state, snapshotEvery: 500 });
const progress = openSync(`${path}.progress`, 'w');
let next = 0;

function appendBurst(): void {
  let last = log.append(inputs[next++ % inputs.length] as (typeof inputs)[number]);
  for (let i = 1; i < burst; i++) last = log.append(inputs[next++ % inputs.length] as (typeof inputs)[number]);
  writeSync(progress, `${String(last.seq).padStart(12)} ${String(last.timestamp).padStart(24)}\n`, 0);
}

// The writer is up before the steady stream starts: what is lost is then only what the kill cuts off.
appendBurst();
await recorder.flush();
setInterval(appendBurst, Number(intervalText));
