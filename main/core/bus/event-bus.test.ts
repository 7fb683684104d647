import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EngineEventSchema,
  type EngineEvent,
  type EngineId,
  type EventInput,
  type EventType,
  type Priority
} from '../../../shared/events';
import { TransientError } from '../engine';
import { EventLog } from '../log/event-log';
import { RequestTimeoutError } from './errors';
import { EVENT_BUS_ENGINE_ID, EventBus } from './event-bus';
import type { BusMetricsSink, EventBusOptions } from './types';

const buses: EventBus[] = [];
function makeBus(options: EventBusOptions = {}): EventBus {
  const bus = new EventBus(options);
  buses.push(bus);
  return bus;
}
afterEach(() => {
  for (const bus of buses.splice(0)) bus.dispose();
  vi.useRealTimers();
});

/** A `synthetic_load` event numbered `n`: the test's tag travels in the payload. */
function load(n: number, extra: Partial<Omit<EventInput<'synthetic_load'>, 'eventType' | 'data'>> = {}): EventInput<'synthetic_load'> {
  return { eventType: 'synthetic_load', sourceEngine: 'load', data: { n }, ...extra };
}

function analysis(targetEngines?: EngineId[]): EventInput<'analysis_started'> {
  return {
    eventType: 'analysis_started',
    sourceEngine: 'coordinator',
    data: { analysisType: 'mission', params: {} },
    ...(targetEngines ? { targetEngines } : {})
  };
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Real timers: waits until nothing is queued or running. */
async function settle(bus: EventBus): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await tick();
    const { queued, inFlight } = bus.getStats();
    if (queued === 0 && inFlight === 0) return;
  }
  throw new Error('bus did not settle');
}

function errorsOf(bus: EventBus): EngineEvent<'error_occurred'>[] {
  return bus.log.query({ eventType: 'error_occurred' }) as EngineEvent<'error_occurred'>[];
}

describe('EventBus publish and subscribe', () => {
  it('logs the event, returns its id and seq, and delivers the logged event', async () => {
    const bus = makeBus();
    const seen: EngineEvent<'synthetic_load'>[] = [];
    bus.subscribe('propulsion', ['synthetic_load'], (event) => void seen.push(event));
    bus.startProcessing();
    const published = bus.publish(load(7));
    expect(published.seq).toBe(1);
    expect(bus.log.get(1)?.eventId).toBe(published.eventId);
    await settle(bus);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(bus.log.get(1));
    expect(seen[0]?.data.n).toBe(7);
    expect(EngineEventSchema.parse(JSON.parse(JSON.stringify(seen[0])))).toEqual(seen[0]);
  });

  it('appends to a log it is given, and does not dispose it', () => {
    const log = new EventLog();
    const bus = makeBus({ log });
    bus.publish(load(1));
    bus.dispose();
    expect(log.append(load(2)).seq).toBe(2);
  });

  it('does not deliver an engine its own events unless it asked to', async () => {
    const bus = makeBus();
    const plain: number[] = [];
    const own: number[] = [];
    bus.subscribe('design', ['synthetic_load'], (e) => void plain.push(e.data.n));
    bus.subscribe('design', ['synthetic_load'], (e) => void own.push(e.data.n), { receiveOwn: true });
    bus.startProcessing();
    bus.publish(load(1, { sourceEngine: 'design' }));
    bus.publish(load(2, { sourceEngine: 'materials' }));
    await settle(bus);
    expect(plain).toEqual([2]);
    expect(own).toEqual([1, 2]);
  });

  it('targets restrict typed subscribers, while * monitors see every event, targeted or not', async () => {
    const bus = makeBus();
    const got: string[] = [];
    for (const id of ['materials', 'propulsion', 'sensors']) bus.subscribe(id, ['synthetic_load'], (e) => void got.push(`${id}${e.data.n}`));
    const monitor: string[] = [];
    bus.subscribe('monitor', '*', (e) => void monitor.push(`${e.eventType}:${String(e.targetEngines ?? 'all')}`));
    bus.startProcessing();
    bus.publish(load(1, { targetEngines: ['propulsion'] }));
    bus.publish(load(2, { targetEngines: ['monitor'] }));
    bus.publish({ eventType: 'rule_removed', sourceEngine: 'consistency_manager', data: { ruleId: 'r' } });
    bus.publish(load(3));
    await settle(bus);
    expect(got).toEqual(['propulsion1', 'materials3', 'propulsion3', 'sensors3']);
    expect(monitor).toEqual(['synthetic_load:propulsion', 'synthetic_load:monitor', 'rule_removed:all', 'synthetic_load:all']);
  });

  it('unsubscribing mid-dispatch skips nobody: the event in flight keeps its list, the next uses the new one', async () => {
    const bus = makeBus();
    const calls: string[] = [];
    const subscriptions: { a?: { dispose(): void }; c?: { dispose(): void } } = {};
    subscriptions.a = bus.subscribe('a', ['synthetic_load'], (e) => {
      calls.push(`a${e.data.n}`);
      subscriptions.a?.dispose();
      subscriptions.c?.dispose();
      bus.subscribe('d', ['synthetic_load'], (later) => void calls.push(`d${later.data.n}`));
    });
    bus.subscribe('b', ['synthetic_load'], (e) => void calls.push(`b${e.data.n}`));
    subscriptions.c = bus.subscribe('c', ['synthetic_load'], (e) => void calls.push(`c${e.data.n}`));
    bus.startProcessing();
    bus.publish(load(1));
    bus.publish(load(2));
    await settle(bus);
    expect(calls).toEqual(['a1', 'b1', 'c1', 'b2', 'd2']);
  });

  it('refuses bad options naming them', () => {
    expect(() => new EventBus({ maxWorkers: 0 })).toThrow(/maxWorkers must be a positive integer, got 0/);
    expect(() => new EventBus({ eventTimeoutMs: -1 })).toThrow(/eventTimeoutMs/);
    expect(() => new EventBus({ maxQueueSize: 1.5 })).toThrow(/maxQueueSize/);
  });
});

describe('EventBus priorities', () => {
  it('delivers a CRITICAL event published behind 10,000 LOW ones first, then the LOW ones in order', async () => {
    const bus = makeBus();
    const order: string[] = [];
    bus.subscribe('sensors', ['synthetic_load'], (e) => void order.push(`${e.priority}${e.data.n}`));
    bus.startProcessing();
    for (let n = 0; n < 10_000; n++) bus.publish(load(n, { priority: 'LOW' }));
    bus.publish(load(-1, { priority: 'CRITICAL' }));
    await settle(bus);
    expect(order).toHaveLength(10_001);
    expect(order[0]).toBe('CRITICAL-1');
    expect(order.slice(1)).toEqual(Array.from({ length: 10_000 }, (_, n) => `LOW${n}`));
  });

  it('orders by priority and keeps FIFO within a priority', async () => {
    const bus = makeBus();
    const seen: number[] = [];
    bus.subscribe('e', ['synthetic_load'], (e) => void seen.push(e.data.n));
    const plan: [Priority, number][] = [
      ['LOW', 1],
      ['HIGH', 2],
      ['NORMAL', 3],
      ['LOW', 4],
      ['CRITICAL', 5],
      ['HIGH', 6],
      ['NORMAL', 7],
      ['CRITICAL', 8]
    ];
    for (const [priority, n] of plan) bus.publish(load(n, { priority }));
    bus.startProcessing();
    await settle(bus);
    expect(seen).toEqual([5, 8, 2, 6, 3, 7, 1, 4]);
  });

  it('serves a HIGH event queued while the workers are busy before earlier LOW ones', async () => {
    vi.useFakeTimers();
    const bus = makeBus({ maxWorkers: 1 });
    const started: number[] = [];
    bus.subscribe('e', ['synthetic_load'], async (e) => {
      started.push(e.data.n);
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    bus.startProcessing();
    bus.publish(load(0));
    await vi.advanceTimersByTimeAsync(1);
    bus.publish(load(1, { priority: 'LOW' }));
    bus.publish(load(2, { priority: 'LOW' }));
    bus.publish(load(3, { priority: 'HIGH' }));
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual([0, 3, 1, 2]);
  });
});

describe('EventBus workers', () => {
  it('runs at most maxWorkers async handlers at once', async () => {
    vi.useFakeTimers();
    const bus = makeBus({ maxWorkers: 3 });
    let running = 0;
    let peak = 0;
    bus.subscribe('e', ['synthetic_load'], async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running--;
    });
    bus.startProcessing();
    for (let n = 0; n < 20; n++) bus.publish(load(n));
    await vi.advanceTimersByTimeAsync(100);
    expect(bus.getStats()).toMatchObject({ delivered: 20, inFlight: 0, queued: 0 });
    expect(peak).toBe(3);
  });

  it('a timed-out handler keeps its worker until it settles: maxWorkers 1 never runs two at once', async () => {
    vi.useFakeTimers();
    const bus = makeBus({ maxWorkers: 1, eventTimeoutMs: 50 });
    const engines = ['design', 'materials', 'propulsion', 'sensors'];
    let running = 0;
    let peak = 0;
    const started: string[] = [];
    const finished: string[] = [];
    for (const engineId of engines) {
      bus.subscribe(engineId, ['synthetic_load'], async () => {
        started.push(engineId);
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 500));
        running--;
        finished.push(engineId);
      });
    }
    bus.startProcessing();
    const event = bus.publish(load(1));

    await vi.advanceTimersByTimeAsync(100);
    // Reported as timed out at its deadline, but still running: nobody else started.
    expect(errorsOf(bus).map((e) => e.data)).toEqual([
      expect.objectContaining({ engineId: 'design', timedOut: true, originalEventId: event.eventId })
    ]);
    expect(started).toEqual(['design']);
    expect(bus.getStats().inFlight).toBe(1);

    await vi.advanceTimersByTimeAsync(2_500);
    expect(peak).toBe(1);
    expect(started).toEqual(engines);
    expect(finished).toEqual(engines);
    const errors = errorsOf(bus);
    expect(errors.map((e) => e.data.engineId)).toEqual(engines);
    for (const error of errors) {
      expect(error.data).toMatchObject({ timedOut: true, origin: 'handler', originalEventId: event.eventId, originalEventType: 'synthetic_load' });
    }
    // A late success after the timeout report is not counted as a delivery as well.
    expect(bus.getStats()).toMatchObject({ timeouts: 4, failedDeliveries: 4, delivered: 0, inFlight: 0, queued: 0 });
  });

  it('sync handlers also wait for a free worker', async () => {
    vi.useFakeTimers();
    const bus = makeBus({ maxWorkers: 1 });
    const calls: string[] = [];
    bus.subscribe('slow', ['synthetic_load'], async () => {
      calls.push('slow start');
      await new Promise((resolve) => setTimeout(resolve, 100));
      calls.push('slow end');
    });
    bus.subscribe('quick', ['synthetic_load'], () => void calls.push('quick'));
    bus.startProcessing();
    bus.publish(load(1));
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toEqual(['slow start', 'slow end', 'quick']);
  });

  it('stopProcessing lets running handlers finish and keeps the rest queued', async () => {
    vi.useFakeTimers();
    const bus = makeBus({ maxWorkers: 1 });
    const finished: number[] = [];
    bus.subscribe('e', ['synthetic_load'], async (e) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      finished.push(e.data.n);
    });
    bus.startProcessing();
    for (let n = 0; n < 5; n++) bus.publish(load(n));
    await vi.advanceTimersByTimeAsync(1);
    const stopped = bus.stopProcessing();
    await vi.advanceTimersByTimeAsync(20);
    await stopped;
    expect(bus.isProcessing).toBe(false);
    expect(finished).toEqual([0]);
    expect(bus.getStats().queued).toBe(4);
    bus.startProcessing();
    await vi.advanceTimersByTimeAsync(100);
    expect(finished).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('EventBus failures', () => {
  it('turns a throw or a rejection into an error_occurred naming the original event, and keeps going', async () => {
    const bus = makeBus();
    const ok: number[] = [];
    bus.subscribe('propulsion', ['synthetic_load'], (e) => {
      if (e.data.n === 1) throw new Error('thrust table missing');
      ok.push(e.data.n);
    });
    bus.subscribe('sensors', ['synthetic_load'], async (e) => {
      if (e.data.n === 2) throw new Error('radar offline');
    });
    bus.startProcessing();
    bus.publish({ eventType: 'configuration_changed', sourceEngine: 'design', data: { version: 3, previousVersion: 2, configuration: {} } });
    const published = [0, 1, 2, 3].map((n) => bus.publish(load(n, { sourceEngine: 'design' })));
    await settle(bus);
    expect(ok).toEqual([0, 2, 3]);
    const errors = errorsOf(bus);
    expect(errors).toHaveLength(2);
    const [thrown, rejected] = errors as [EngineEvent<'error_occurred'>, EngineEvent<'error_occurred'>];
    expect(thrown).toMatchObject({
      sourceEngine: EVENT_BUS_ENGINE_ID,
      priority: 'HIGH',
      causationId: published[1]?.eventId,
      correlationId: published[1]?.eventId,
      configVersion: 3,
      data: {
        engineId: 'propulsion',
        origin: 'handler',
        message: 'thrust table missing',
        originalEventId: published[1]?.eventId,
        originalEventType: 'synthetic_load',
        attempts: 1,
        timedOut: false
      }
    });
    expect(rejected.data).toMatchObject({ engineId: 'sensors', message: 'radar offline', originalEventId: published[2]?.eventId });
    expect(bus.getStats().failedDeliveries).toBe(2);
    for (const error of errors) expect(EngineEventSchema.safeParse(error).error?.issues ?? []).toEqual([]);
  });

  it('does not re-publish a failure while handling an error_occurred event', async () => {
    const bus = makeBus();
    bus.subscribe('a', ['synthetic_load'], () => {
      throw new Error('first');
    });
    let watcherCalls = 0;
    bus.subscribe('watcher', ['error_occurred'], () => {
      watcherCalls++;
      throw new Error('watcher broken');
    });
    bus.startProcessing();
    bus.publish(load(1));
    await settle(bus);
    expect(errorsOf(bus)).toHaveLength(1);
    expect(watcherCalls).toBe(1);
    expect(bus.getStats().failedDeliveries).toBe(2);
  });

  it('retries a transient failure after backoffMs, then 2 × backoffMs, then counts the success', async () => {
    vi.useFakeTimers();
    const bus = makeBus({ retryPolicy: { attempts: 3, backoffMs: 100 } });
    let calls = 0;
    bus.subscribe('materials', ['synthetic_load'], async () => {
      calls++;
      if (calls < 3) throw new TransientError('cache busy');
    });
    bus.startProcessing();
    bus.publish(load(1));
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toBe(1);
    // A retry waiting out its backoff is work left: the bus is not idle.
    expect(bus.isIdle).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(3);
    expect(bus.getStats()).toMatchObject({ retries: 2, delivered: 1, failedDeliveries: 0 });
    expect(errorsOf(bus)).toHaveLength(0);
    expect(bus.isIdle).toBe(true);
  });

  it('reports a transient failure once its attempts are used up, and never retries a permanent one', async () => {
    vi.useFakeTimers();
    const bus = makeBus({ retryPolicy: { attempts: 2, backoffMs: 10 } });
    let transientCalls = 0;
    let permanentCalls = 0;
    bus.subscribe('a', ['synthetic_load'], () => {
      transientCalls++;
      throw new TransientError('still busy');
    });
    bus.subscribe('b', ['synthetic_load'], () => {
      permanentCalls++;
      throw new Error('broken');
    });
    bus.startProcessing();
    bus.publish(load(1));
    await vi.advanceTimersByTimeAsync(1_000);
    expect([transientCalls, permanentCalls]).toEqual([2, 1]);
    expect(errorsOf(bus).map((e) => [e.data.engineId, e.data.attempts])).toEqual([
      ['b', 1],
      ['a', 2]
    ]);
    expect(bus.getStats()).toMatchObject({ retries: 1, delivered: 0, failedDeliveries: 2 });
  });
});

describe('EventBus request/response', () => {
  it('resolves with every targeted engine response, in target order', async () => {
    const bus = makeBus();
    bus.subscribe('propulsion', ['analysis_started'], async () => ({ thrustKN: 156 }));
    bus.subscribe('sensors', ['analysis_started'], () => ({ rangeKm: 210 }));
    bus.startProcessing();
    const responses = await bus.request(analysis(['sensors', 'propulsion']));
    expect(responses).toEqual([
      { engineId: 'sensors', ok: true, data: { rangeKm: 210 } },
      { engineId: 'propulsion', ok: true, data: { thrustKN: 156 } }
    ]);
    expect(bus.log.query({ eventType: 'analysis_started' })[0]?.requiresResponse).toBe(true);
  });

  it('reports a failing responder as a failed response, not a rejection', async () => {
    const bus = makeBus();
    bus.subscribe('aerodynamics', ['analysis_started'], () => {
      throw new Error('polar diverged');
    });
    bus.startProcessing();
    await expect(bus.request(analysis(['aerodynamics']))).resolves.toEqual([{ engineId: 'aerodynamics', ok: false, error: 'polar diverged' }]);
  });

  it('a broadcast request waits for every typed subscriber, not monitors or the source itself', async () => {
    const bus = makeBus();
    bus.subscribe('a', ['analysis_started'], () => 1);
    bus.subscribe('b', ['analysis_started'], async () => 2);
    bus.subscribe('coordinator', ['analysis_started'], () => 'own request');
    bus.subscribe('monitor', '*', () => 'monitors do not answer');
    bus.startProcessing();
    const responses = await bus.request(analysis());
    expect(responses).toEqual([
      { engineId: 'a', ok: true, data: 1 },
      { engineId: 'b', ok: true, data: 2 }
    ]);
  });

  it('names the slow engine still running its handler when a request times out', async () => {
    vi.useFakeTimers();
    const bus = makeBus();
    bus.subscribe('design', ['analysis_started'], () => 'ok');
    bus.subscribe('aerodynamics', ['analysis_started'], () => new Promise((resolve) => setTimeout(resolve, 5_000)));
    bus.startProcessing();
    const request = bus.request(analysis(['design', 'aerodynamics']), { timeoutMs: 100 });
    const outcome = request.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    const error = await outcome;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    const timeout = error as RequestTimeoutError;
    expect(timeout.runningEngines).toEqual([{ engineId: 'aerodynamics', runningMs: 100 }]);
    expect(timeout.waitingEngines).toEqual([]);
    expect(timeout.missingEngines).toEqual(['aerodynamics']);
    expect(timeout.eventType).toBe('analysis_started');
    expect(timeout.message).toMatch(/request analysis_started \(.+\) timed out after 100 ms; no answer from aerodynamics \(still running after 100 ms\)$/);
    expect(timeout.message).not.toMatch(/design/);
    // The late answer changes nothing and throws nowhere.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(bus.getStats().inFlight).toBe(0);
  });

  it('names the engine holding the only worker when the requested engine never started', async () => {
    vi.useFakeTimers();
    const bus = makeBus({ maxWorkers: 1 });
    const designCalls: number[] = [];
    bus.subscribe('aerodynamics', ['synthetic_load'], () => new Promise((resolve) => setTimeout(resolve, 1_000)));
    bus.subscribe('design', ['analysis_started'], () => void designCalls.push(Date.now()));
    bus.startProcessing();
    bus.publish(load(1));
    await vi.advanceTimersByTimeAsync(10);
    const outcome = bus.request(analysis(['design']), { timeoutMs: 200 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(200);
    const error = await outcome;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    const timeout = error as RequestTimeoutError;
    expect(timeout.runningEngines).toEqual([]);
    expect(timeout.waitingEngines).toEqual(['design']);
    expect(timeout.busyWorkers).toEqual([{ engineId: 'aerodynamics', eventType: 'synthetic_load', runningMs: 210 }]);
    expect(timeout.message).toMatch(/not started: design \(every worker busy: aerodynamics on synthetic_load for 210 ms\)/);
    expect(designCalls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(designCalls).toHaveLength(1);
  });

  it('answers for a targeted engine that does not handle the type at once, instead of timing out', async () => {
    const bus = makeBus();
    bus.subscribe('design', ['analysis_started'], () => 'answer');
    bus.startProcessing();
    const responses = await bus.request(analysis(['design', 'manufacturing']), { timeoutMs: 60_000 });
    expect(responses).toEqual([
      { engineId: 'design', ok: true, data: 'answer' },
      { engineId: 'manufacturing', ok: false, error: 'manufacturing does not handle analysis_started' }
    ]);
  });

  it('rejects pending requests when the bus is disposed', async () => {
    const bus = makeBus();
    bus.subscribe('design', ['analysis_started'], () => 'never asked: the bus is not processing');
    const request = bus.request(analysis(['design']));
    bus.dispose();
    await expect(request).rejects.toThrow(/disposed before analysis_started was answered/);
  });
});

describe('EventBus log, history and queue bound', () => {
  it('gives every event a gap-free seq in publish order, its own error events included', async () => {
    const bus = makeBus();
    bus.subscribe('a', ['synthetic_load'], (e) => {
      if (e.data.n % 3 === 0) throw new Error(`bad ${e.data.n}`);
    });
    bus.startProcessing();
    const seqs: number[] = [];
    for (let n = 0; n < 10; n++) {
      seqs.push(bus.publish(load(n)).seq);
      if (n % 4 === 0) await tick();
    }
    await settle(bus);
    const history = bus.log.query();
    expect(history.map((e) => e.seq)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
    expect(errorsOf(bus)).toHaveLength(4);
    expect(history.filter((e) => e.eventType === 'synthetic_load').map((e) => e.seq)).toEqual(seqs);
    for (const error of errorsOf(bus)) {
      expect(error.seq).toBeGreaterThan(bus.log.query().find((e) => e.eventId === error.data.originalEventId)?.seq ?? Infinity);
    }
    expect(bus.getStats().published).toBe(history.length);
  });

  it('keeps exactly the newest maxHistorySize events, error events included, and counts the evicted', async () => {
    const bus = makeBus({ maxHistorySize: 1000 });
    bus.subscribe('a', ['synthetic_load'], (e) => {
      if (e.data.n % 100 === 0) throw new Error(`bad ${e.data.n}`);
    });
    bus.startProcessing();
    for (let n = 0; n < 1500; n++) bus.publish(load(n));
    await settle(bus);
    const history = bus.log.query();
    expect(history).toHaveLength(1000);
    expect(bus.getStats().evictedFromHistory).toBe(1515 - 1000);
    expect(history.map((e) => e.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => 516 + i));
    expect(history.filter((e) => e.eventType === 'error_occurred')).toHaveLength(15);
  });

  it('logs events published while the delivery queue is full but does not deliver them, and counts them', async () => {
    const bus = makeBus({ maxQueueSize: 3 });
    const delivered: number[] = [];
    bus.subscribe('a', ['synthetic_load'], (e) => void delivered.push(e.data.n));
    const published = [1, 2, 3, 4, 5].map((n) => bus.publish(load(n)));
    expect(published.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(bus.log.query().map((e) => (e as EngineEvent<'synthetic_load'>).data.n)).toEqual([1, 2, 3, 4, 5]);
    expect(bus.getStats()).toMatchObject({ published: 5, queued: 3, rejected: 2 });
    await expect(bus.request(analysis(['a']))).rejects.toThrow(/queue full/);
    expect(bus.getStats().rejected).toBe(3);
    bus.startProcessing();
    await settle(bus);
    expect(delivered).toEqual([1, 2, 3]);
  });
});

describe('EventBus metrics', () => {
  it('reports handler latencies, failures and queue waits to the sink', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const metrics: BusMetricsSink = {
      recordHandler: (type: EventType, engineId, latencyMs) => void calls.push(`ok ${type} ${engineId} ${latencyMs}`),
      recordHandlerFailure: (type, engineId, latencyMs) => void calls.push(`fail ${type} ${engineId} ${latencyMs}`),
      recordQueueWait: (priority, waitMs) => void calls.push(`wait ${priority} ${waitMs}`)
    };
    const bus = makeBus({ metrics, retryPolicy: { attempts: 1, backoffMs: 1 } });
    bus.subscribe('slow', ['synthetic_load'], () => new Promise((resolve) => setTimeout(resolve, 30)));
    bus.subscribe('broken', ['synthetic_load'], async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('no');
    });
    bus.publish(load(1, { priority: 'HIGH' }));
    await vi.advanceTimersByTimeAsync(20);
    bus.startProcessing();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual([
      'wait HIGH 20',
      'fail synthetic_load broken 5',
      // The error event the failure published waits too (no subscriber, so no handler).
      'wait HIGH 0',
      'ok synthetic_load slow 30'
    ]);
  });
});

describe('EventBus dead letters', () => {
  it('keeps an event whose handler failed for redelivery; a redelivery that succeeds resolves it, one that fails keeps it', async () => {
    const bus = makeBus({ retryPolicy: { attempts: 1, backoffMs: 1 } });
    let broken = true;
    const seen: number[] = [];
    bus.subscribe('materials', ['synthetic_load'], (e) => {
      if (broken) throw new Error('library missing');
      seen.push(e.data.n);
    });
    bus.startProcessing();
    const original = bus.publish(load(7));
    await settle(bus);
    expect(errorsOf(bus).map((e) => e.data)).toMatchObject([{ engineId: 'materials', originalEventId: original.eventId, deadLettered: true }]);
    expect(bus.getStats()).toMatchObject({ deadLetters: 1 });

    expect(bus.redeliver(original.eventId, 'materials')).toBe(true);
    await settle(bus);
    expect(errorsOf(bus)).toHaveLength(2);
    expect(bus.getStats().deadLetters).toBe(1);

    broken = false;
    expect(bus.redeliver(original.eventId, 'materials')).toBe(true);
    await settle(bus);
    expect(seen).toEqual([7]);
    expect(bus.getStats().deadLetters).toBe(0);
    const resolved = bus.log.query({ eventType: 'dead_letter_resolved' });
    expect(resolved.map((e) => e.data)).toEqual([{ originalEventId: original.eventId, engineId: 'materials', outcome: 'redelivered' }]);
    expect(bus.redeliver(original.eventId, 'materials')).toBe(false);
  });

  it('discards a dead letter on request; a failed request is its requester\'s answer, not a dead letter', async () => {
    const bus = makeBus({ retryPolicy: { attempts: 1, backoffMs: 1 } });
    bus.subscribe('design', ['synthetic_load', 'analysis_started'], () => {
      throw new Error('no');
    });
    bus.startProcessing();
    const original = bus.publish(load(1));
    const answers = await bus.request({ eventType: 'analysis_started', sourceEngine: 'coordinator', targetEngines: ['design'], data: { analysisType: 'x', params: {} } });
    await settle(bus);
    expect(answers[0]).toMatchObject({ ok: false, error: 'no' });
    expect(errorsOf(bus).map((e) => e.data.deadLettered)).toEqual([true, false]);
    expect(bus.discardDeadLetter(original.eventId, 'design')).toBe(true);
    expect(bus.log.query({ eventType: 'dead_letter_resolved' }).at(-1)?.data).toMatchObject({ outcome: 'discarded' });
    expect(bus.getStats().deadLetters).toBe(0);
  });
});
