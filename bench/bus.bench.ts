import EventEmitter3 from 'eventemitter3';
import Emittery from 'emittery';
import { EventBus } from '../main/core/bus/event-bus';
import { PerformanceMonitor } from '../main/core/performance';
import { medianOf, type BenchRow } from './measure';

const EVENTS = 500_000;
/** Events published before waiting for their delivery: a producer that is not infinitely ahead. */
const BATCH = 1000;

/** The handler every emitter runs: async, as engine handlers are. */
function makeHandler(): { handler: () => Promise<void>; count: () => number } {
  let n = 0;
  return {
    handler: async (): Promise<void> => {
      n++;
    },
    count: () => n
  };
}

/** A rate, once every event reached the handler (a peer that skipped some would look faster). */
function rateOf(handled: number, startedAt: number): number {
  if (handled !== EVENTS) throw new Error(`${handled} of ${EVENTS} events reached the handler`);
  return (EVENTS / (performance.now() - startedAt)) * 1000;
}

/**
 * publish → async handler through our bus, with history, priorities, metrics and timeouts on.
 * The subscriber is the handler itself, as for the peers (with the count check the batch waits
 * on inlined): wrapping it in a second async function would add a promise per event that only
 * this side paid.
 */
async function ourBus(): Promise<number> {
  const monitor = new PerformanceMonitor({ publish: () => undefined });
  const bus = new EventBus({ metrics: monitor });
  let n = 0;
  let wake: () => void = () => undefined;
  let target = 0;
  bus.subscribe('propulsion', ['synthetic_load'], async () => {
    n++;
    if (n === target) wake();
  });
  bus.startProcessing();
  const startedAt = performance.now();
  for (let sent = 0; sent < EVENTS; sent += BATCH) {
    target += BATCH;
    const delivered = new Promise<void>((resolve) => (wake = resolve));
    for (let i = 0; i < BATCH; i++) bus.publish({ eventType: 'synthetic_load', sourceEngine: 'design', data: { n: i } });
    await delivered;
  }
  const rate = rateOf(n, startedAt);
  bus.dispose();
  monitor.dispose();
  return rate;
}

async function eventEmitter3(): Promise<number> {
  const emitter = new EventEmitter3();
  const { handler, count } = makeHandler();
  const pending: Promise<void>[] = new Array(BATCH);
  let i = 0;
  emitter.on('configuration_changed', () => {
    pending[i++] = handler();
  });
  const startedAt = performance.now();
  for (let sent = 0; sent < EVENTS; sent += BATCH) {
    i = 0;
    for (let j = 0; j < BATCH; j++) emitter.emit('configuration_changed', {});
    await Promise.all(pending);
  }
  return rateOf(count(), startedAt);
}

async function emittery(): Promise<number> {
  const emitter = new Emittery();
  const { handler, count } = makeHandler();
  emitter.on('configuration_changed', handler);
  const pending: Promise<void>[] = new Array(BATCH);
  const startedAt = performance.now();
  for (let sent = 0; sent < EVENTS; sent += BATCH) {
    for (let j = 0; j < BATCH; j++) pending[j] = emitter.emit('configuration_changed', {});
    await Promise.all(pending);
  }
  return rateOf(count(), startedAt);
}

export async function benchBus(): Promise<BenchRow[]> {
  // Warm-up so that JIT tiers are comparable across the three.
  await ourBus();
  await eventEmitter3();
  await emittery();
  const ours = await medianOf(3, ourBus);
  const ee3 = await medianOf(3, eventEmitter3);
  const emt = await medianOf(3, emittery);
  return [
    { key: 'bus.eventsPerSec', value: ours, unit: 'events/s', note: 'publish → async handler, 1 subscriber, history + metrics + timeouts on' },
    { key: 'bus.eventEmitter3PerSec', value: ee3, unit: 'events/s', note: 'same handler, same run' },
    { key: 'bus.emitteryPerSec', value: emt, unit: 'events/s', note: 'same handler, same run' },
    { key: 'bus.vsEventEmitter3', value: ours / ee3, unit: '×' },
    { key: 'bus.vsEmittery', value: ours / emt, unit: '×' }
  ];
}
