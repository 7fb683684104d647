import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../main/core/bus/event-bus';
import { EventLog } from '../main/core/log/event-log';
import { LiveProjection } from '../main/core/log/live-projection';
import { PerformanceMonitor } from '../main/core/performance';
import { EventStore, type EventRecorder } from '../main/store';
import type { EngineEvent, EventInput } from '../shared/events';
import { median, percentile, type BenchRow } from './measure';
import { benchSession } from './session';

/** As bus.bench.ts: events per run, and published before waiting for their delivery. */
const EVENTS = 500_000;
const BATCH = 1000;
const STORED = 1_000_000;
/** The recorder's default snapshot interval. */
const SNAPSHOT_EVERY = 10_000;
/** Of the stored events, one in this many is a real engine event (the rest synthetic load). */
const REAL_EVERY = 4;

/**
 * The publish loop of `bus.eventsPerSec` (bus.bench.ts: publish → async handler, history, metrics
 * and timeouts on), with the store recording the bus's log when `store` is given. Returns the
 * bus's rate and, with a store, the rate at which the events were committed: all of them, from
 * the first publish to the commit of the last.
 */
async function busLoop(store?: EventStore): Promise<{ busPerSec: number; ingestPerSec: number; textCatchUpMs: number }> {
  const monitor = new PerformanceMonitor({ publish: () => undefined });
  const bus = new EventBus({ metrics: monitor });
  let recorder: EventRecorder | undefined;
  if (store) {
    recorder = store.record(bus.log, { sessionId: store.sessions.create({ name: 'bus bench' }).id });
    // The writer thread is started and has committed once before the clock starts.
    bus.log.append({ eventType: 'synthetic_load', sourceEngine: 'design', data: { n: -1 } });
    await recorder.flush();
  }
  let delivered = 0;
  let target = 0;
  let wake: () => void = () => undefined;
  bus.subscribe('propulsion', ['synthetic_load'], async () => {
    delivered++;
    if (delivered === target) wake();
  });
  bus.startProcessing();
  const startedAt = performance.now();
  for (let sent = 0; sent < EVENTS; sent += BATCH) {
    target += BATCH;
    const done = new Promise<void>((resolve) => (wake = resolve));
    for (let i = 0; i < BATCH; i++) bus.publish({ eventType: 'synthetic_load', sourceEngine: 'design', data: { n: i } });
    await done;
  }
  const busPerSec = (EVENTS / (performance.now() - startedAt)) * 1000;
  let ingestPerSec = 0;
  let textCatchUpMs = 0;
  if (recorder) {
    await recorder.flush();
    const committedAt = performance.now();
    ingestPerSec = (EVENTS / (committedAt - startedAt)) * 1000;
    // A flood leaves the full-text index behind the events (it is fed when the writer has time); closing completes it.
    await recorder.close();
    textCatchUpMs = performance.now() - committedAt;
  }
  bus.dispose();
  monitor.dispose();
  return { busPerSec, ingestPerSec, textCatchUpMs };
}

/**
 * Real engine events as inputs to publish again: a session of the six engines through scenario
 * changes, engine swaps and a failing engine, its log captured from the first event.
 */
async function realInputs(): Promise<{ inputs: EventInput[]; correlationOf: number[]; maxVersion: number }> {
  const session = await benchSession('f22a');
  const { coordinator } = session;
  const scenarios = ['f22a', 'fa18e', 'typhoon', 'f16c-block50'];
  for (let round = 0; round < 6; round++) {
    for (const id of scenarios) await coordinator.processConfigurationChange(session.loadScenario(id), 'design');
    await coordinator.injectFault(scenarios[round % 4] === 'f22a' ? 'propulsion' : 'aerodynamics', { kind: 'fail', count: 1 });
  }
  // Let the supervisor restart the failed engines (its timers do not hold the process: no whenQuiet here).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const events: EngineEvent[] = coordinator.log.query({ limit: 100_000 });
  await session.dispose();
  const indexOf = new Map(events.map((event, i) => [event.eventId, i]));
  return {
    inputs: events.map((event) => ({
      eventType: event.eventType,
      sourceEngine: event.sourceEngine,
      data: event.data,
      priority: event.priority,
      targetEngines: event.targetEngines,
      configVersion: event.configVersion
    }) as EventInput),
    // Which earlier event each one's chain started with (its own index for a chain's first).
    correlationOf: events.map((event, i) => indexOf.get(event.correlationId) ?? i),
    maxVersion: Math.max(...events.map((event) => event.configVersion))
  };
}

/** The input shifted to a later round of configuration versions, so versions keep rising as the session goes on. */
function renumbered(input: EventInput, offset: number): EventInput {
  const data = { ...(input.data as Record<string, unknown>) };
  for (const field of ['version', 'previousVersion', 'recoveredConfigVersion']) {
    if (typeof data[field] === 'number') data[field] = (data[field] as number) + offset;
  }
  return { ...input, data, configVersion: (input.configVersion ?? 0) + offset } as EventInput;
}

/**
 * Records a 1,000,000-event session: the real events over and over (a fresh round of versions
 * each time, chains kept together by their correlation), with synthetic load in between, as a
 * load test over a live session produces.
 */
async function recordLargeSession(store: EventStore): Promise<{ sessionId: number; ingestPerSec: number }> {
  const { inputs, correlationOf, maxVersion } = await realInputs();
  const sessionId = store.sessions.create({ name: 'large', aircraft: 'F-22A' }).id;
  const log = new EventLog();
  const projection = new LiveProjection(log);
  let recorder = store.record(log, { sessionId, state: () => projection.state });
  const ids: string[] = new Array(inputs.length);
  const startedAt = performance.now();
  let real = 0;
  for (let seq = 1; seq <= STORED; seq++) {
    if (seq % REAL_EVERY === 0) {
      const index = real % inputs.length;
      const round = Math.floor(real / inputs.length);
      const own = correlationOf[index] as number;
      const input = renumbered(inputs[index] as EventInput, round * maxVersion);
      ids[index] = log.append(own === index ? input : { ...input, correlationId: ids[own] as string }).eventId;
      real++;
    } else {
      log.append({ eventType: 'synthetic_load', sourceEngine: 'load', data: { n: seq } });
    }
    // Engines publish from async work: the loop yields now and then (the recorder snapshots at such quiet points)…
    if (seq % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
    // …and a producer far ahead of the writer waits, so the recorder's buffer never fills.
    if (seq % 20_000 === 0) while (recorder.health().lagEvents > 200_000) await new Promise((resolve) => setTimeout(resolve, 5));
    // The last snapshot interval is recorded without snapshots: recovery then folds a full interval
    // after the newest one, as after a crash just before a snapshot was due (the worst case).
    if (seq === STORED - SNAPSHOT_EVERY + 1) {
      await recorder.close();
      recorder = store.record(log, { sessionId });
    }
  }
  await recorder.close();
  projection.dispose();
  return { sessionId, ingestPerSec: (STORED / (performance.now() - startedAt)) * 1000 };
}

function timed<T>(samples: number[], work: () => T): T {
  const startedAt = performance.now();
  const result = work();
  samples.push(performance.now() - startedAt);
  return result;
}

export async function benchStore(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-store-bench-'));
  try {
    const busStore = EventStore.open(join(dir, 'bus.db'));
    // Warm-up of both, then alternate so that drift hits both alike.
    await busLoop();
    await busLoop(busStore);
    const alone: number[] = [];
    const withStore: number[] = [];
    const ingest: number[] = [];
    const textCatchUp: number[] = [];
    for (let run = 0; run < 3; run++) {
      alone.push((await busLoop()).busPerSec);
      const recorded = await busLoop(busStore);
      withStore.push(recorded.busPerSec);
      ingest.push(recorded.ingestPerSec);
      textCatchUp.push(recorded.textCatchUpMs);
    }
    await busStore.close();
    const busAlone = median(alone);
    const busWithStore = median(withStore);

    const path = join(dir, 'large.db');
    const large = EventStore.open(path);
    const { sessionId, ingestPerSec: realisticIngest } = await recordLargeSession(large);
    const { bytes } = large.sessions.get(sessionId) as { bytes: number };

    const random = ((seed) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31))(42);
    const randomSeq = (): number => 1 + Math.floor(random() * STORED);
    const correlationMs: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const correlationId = (large.reader.eventAt(sessionId, randomSeq()) as EngineEvent).correlationId;
      timed(correlationMs, () => large.reader.events(sessionId, { correlationId }));
    }
    const travelMs: number[] = [];
    for (let i = 0; i < 200; i++) timed(travelMs, () => large.reader.stateAt(sessionId, randomSeq()));
    await large.close();

    const recoveryMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      timed(recoveryMs, () => {
        const reopened = EventStore.open(path);
        reopened.recover(sessionId);
        reopened.dispose();
      });
    }

    return [
      { key: 'store.ingestEventsPerSec', value: median(ingest), unit: 'events/s', note: `the bus loop's 500,000 events committed with their indexes, first publish → last commit (worker thread); the full-text index then caught up in ${Math.round(median(textCatchUp))} ms; realistic mix incl. full-text: ${Math.round(realisticIngest).toLocaleString('en-US')}/s` },
      { key: 'bus.eventsPerSecWithStore', value: busWithStore, unit: 'events/s', note: `same loop as bus.eventsPerSec with the store recording; bus alone in this run ${Math.round(busAlone).toLocaleString('en-US')}/s → ${((busWithStore / busAlone) * 100).toFixed(0)} %` },
      { key: 'store.correlationQueryP99Ms', value: percentile(correlationMs, 99), unit: 'ms', note: `one correlation's events over ${STORED.toLocaleString('en-US')} stored; p50 ${percentile(correlationMs, 50).toFixed(3)} ms` },
      { key: 'store.timeTravelP99Ms', value: percentile(travelMs, 99), unit: 'ms', note: `state at a random event of ${STORED.toLocaleString('en-US')}: snapshot + fold; p50 ${percentile(travelMs, 50).toFixed(1)} ms` },
      { key: 'store.recoveryMs', value: median(recoveryMs), unit: 'ms', note: `open the file + recover a ${STORED.toLocaleString('en-US')}-event session (${(bytes / 1e6).toFixed(0)} MB of rows) whose newest snapshot is ${(SNAPSHOT_EVERY - 1).toLocaleString('en-US')} events back, median of 3` }
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
