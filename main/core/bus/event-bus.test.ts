import { afterEach, describe, expect, it } from 'vitest';
import { EngineEventSchema, type EngineEvent, type Priority } from '../../../shared/events';
import { TransientError } from '../engine';
import { EventBus } from './event-bus';
import { RequestTimeoutError } from './errors';

const buses: EventBus[] = [];
function makeBus(options: ConstructorParameters<typeof EventBus>[0] = {}): EventBus {
  const bus = new EventBus(options);
  buses.push(bus);
  return bus;
}
afterEach(() => {
  for (const bus of buses.splice(0)) bus.dispose();
});

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function settle(bus: EventBus): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await tick();
    if (bus.getStats().queued === 0 && bus.getStats().inFlight === 0) return;
  }
}

describe('EventBus publish and subscribe', () => {
  it('returns the event id and fills in every field of the schema', async () => {
    const bus = makeBus();
    const seen: EngineEvent[] = [];
    bus.subscribe('propulsion', ['configuration_changed'], (e) => void seen.push(e));
    bus.startProcessing();
    const result = bus.publish({ eventType: 'configuration_changed', sourceEngine: 'design', data: { v: 2 } });
    expect(result.status).toBe('published');
    await settle(bus);
    expect(seen).toHaveLength(1);
    const event = seen[0] as EngineEvent;
    expect(event.eventId).toBe(result.eventId);
    expect(event.correlationId).toBe(result.eventId);
    expect(event.causationId).toBeNull();
    expect(event.priority).toBe('NORMAL');
    const roundTrip = EngineEventSchema.parse(JSON.parse(JSON.stringify(event)));
    expect(roundTrip).toEqual(event);
  });

  it('refuses an unknown event type with a message naming it', () => {
    const bus = makeBus();
    expect(() => bus.publish({ eventType: 'bogus' as never, sourceEngine: 'x' })).toThrow(/unknown event type: bogus/);
  });

  it('does not deliver an engine its own events unless it asked to', async () => {
    const bus = makeBus();
    const plain: string[] = [];
    const own: string[] = [];
    bus.subscribe('design', ['module_added'], (e) => void plain.push(e.eventId));
    bus.subscribe('design', ['module_added'], (e) => void own.push(e.eventId), { receiveOwn: true });
    bus.startProcessing();
    bus.publish({ eventType: 'module_added', sourceEngine: 'design' });
    await settle(bus);
    expect(plain).toHaveLength(0);
    expect(own).toHaveLength(1);
  });

  it('delivers targeted events only to targets, while a * monitor sees everything', async () => {
    const bus = makeBus();
    const got: string[] = [];
    for (const id of ['materials', 'propulsion', 'sensors']) {
      bus.subscribe(id, ['data_invalidated'], () => void got.push(id));
    }
    const monitor: string[] = [];
    bus.subscribe('monitor', '*', (e) => void monitor.push(e.eventType));
    bus.startProcessing();
    bus.publish({ eventType: 'data_invalidated', sourceEngine: 'design', targetEngines: ['propulsion'] });
    bus.publish({ eventType: 'module_added', sourceEngine: 'design' });
    await settle(bus);
    expect(got).toEqual(['propulsion']);
    expect(monitor).toEqual(['data_invalidated', 'module_added']);
  });

  it('stops delivering after the subscription is disposed, even mid-dispatch', async () => {
    const bus = makeBus();
    const calls: string[] = [];
    const second = { dispose: (): void => undefined };
    bus.subscribe('a', ['module_added'], () => {
      calls.push('a');
      second.dispose();
    });
    Object.assign(second, bus.subscribe('b', ['module_added'], () => void calls.push('b')));
    bus.startProcessing();
    bus.publish({ eventType: 'module_added', sourceEngine: 'x' });
    bus.publish({ eventType: 'module_added', sourceEngine: 'x' });
    await settle(bus);
    // The first event was already on its way to b; the second is not delivered to b.
    expect(calls).toEqual(['a', 'b', 'a']);
  });
});

describe('EventBus priorities and workers', () => {
  it('delivers a CRITICAL event queued behind 10,000 LOW ones first', async () => {
    const bus = makeBus();
    const order: Priority[] = [];
    bus.subscribe('sensors', ['performance_updated', 'error_occurred'], (e) => void order.push(e.priority));
    for (let i = 0; i < 10_000; i++) bus.publish({ eventType: 'performance_updated', sourceEngine: 'x', priority: 'LOW' });
    bus.publish({ eventType: 'error_occurred', sourceEngine: 'x', priority: 'CRITICAL' });
    bus.startProcessing();
    await settle(bus);
    expect(order).toHaveLength(10_001);
    expect(order[0]).toBe('CRITICAL');
  });

  it('orders by priority and keeps FIFO within a priority', async () => {
    const bus = makeBus();
    const seen: string[] = [];
    bus.subscribe('e', ['module_added'], (e) => void seen.push(e.data.tag as string));
    const plan: [Priority, string][] = [
      ['LOW', 'l1'],
      ['HIGH', 'h1'],
      ['NORMAL', 'n1'],
      ['LOW', 'l2'],
      ['CRITICAL', 'c1'],
      ['HIGH', 'h2'],
      ['NORMAL', 'n2']
    ];
    for (const [priority, tag] of plan) bus.publish({ eventType: 'module_added', sourceEngine: 'x', priority, data: { tag } });
    bus.startProcessing();
    await settle(bus);
    expect(seen).toEqual(['c1', 'h1', 'h2', 'n1', 'n2', 'l1', 'l2']);
  });

  it('runs at most maxWorkers async handlers at once', async () => {
    const bus = makeBus({ maxWorkers: 3 });
    let running = 0;
    let peak = 0;
    bus.subscribe('e', ['module_added'], async () => {
      running++;
      peak = Math.max(peak, running);
      await tick(2);
      running--;
    });
    bus.startProcessing();
    for (let i = 0; i < 20; i++) bus.publish({ eventType: 'module_added', sourceEngine: 'x' });
    await tick(150);
    expect(bus.getStats().delivered).toBe(20);
    expect(peak).toBe(3);
  });

  it('stopProcessing lets running handlers finish and keeps the rest queued', async () => {
    const bus = makeBus({ maxWorkers: 1 });
    const finished: number[] = [];
    bus.subscribe('e', ['module_added'], async (e) => {
      await tick(10);
      finished.push(e.data.n as number);
    });
    bus.startProcessing();
    for (let n = 0; n < 5; n++) bus.publish({ eventType: 'module_added', sourceEngine: 'x', data: { n } });
    await tick(1);
    await bus.stopProcessing();
    expect(finished).toEqual([0]);
    expect(bus.getStats().queued).toBe(4);
    bus.startProcessing();
    await tick(100);
    expect(finished).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('EventBus failures', () => {
  it('turns a throwing handler into an error_occurred event in history and keeps going', async () => {
    const bus = makeBus();
    const ok: number[] = [];
    bus.subscribe('propulsion', ['module_added'], (e) => {
      if (e.data.n === 1) throw new Error('thrust table missing');
      ok.push(e.data.n as number);
    });
    bus.startProcessing();
    for (let n = 0; n < 3; n++) bus.publish({ eventType: 'module_added', sourceEngine: 'design', data: { n } });
    await settle(bus);
    expect(ok).toEqual([0, 2]);
    const errors = bus.getEventHistory({ eventType: 'error_occurred' });
    expect(errors).toHaveLength(1);
    const error = errors[0] as EngineEvent;
    expect(error.priority).toBe('HIGH');
    expect(error.data).toMatchObject({ engineId: 'propulsion', message: 'thrust table missing', originalEventType: 'module_added' });
    const original = bus.getEventHistory({ eventType: 'module_added' })[1] as EngineEvent;
    expect(error.data.originalEventId).toBe(original.eventId);
    expect(error.causationId).toBe(original.eventId);
    expect(bus.getStats().failedDeliveries).toBe(1);
  });

  it('turns a handler that exceeds the timeout into an error event and frees its worker', async () => {
    const bus = makeBus({ maxWorkers: 1, eventTimeoutMs: 30 });
    const done: number[] = [];
    bus.subscribe('slow', ['module_added'], (e) => (e.data.n === 0 ? new Promise(() => undefined) : void done.push(e.data.n as number)));
    bus.startProcessing();
    bus.publish({ eventType: 'module_added', sourceEngine: 'x', data: { n: 0 } });
    bus.publish({ eventType: 'module_added', sourceEngine: 'x', data: { n: 1 } });
    await tick(120);
    expect(done).toEqual([1]);
    const [error] = bus.getEventHistory({ eventType: 'error_occurred' });
    expect(error?.data).toMatchObject({ engineId: 'slow', timedOut: true });
    expect(bus.getStats().timeouts).toBe(1);
  });

  it('retries failures marked transient with backoff, then succeeds', async () => {
    const bus = makeBus({ retryPolicy: { attempts: 3, backoffMs: 5 } });
    let calls = 0;
    bus.subscribe('materials', ['material_updated'], () => {
      calls++;
      if (calls < 3) throw new TransientError('cache busy');
    });
    bus.startProcessing();
    bus.publish({ eventType: 'material_updated', sourceEngine: 'x' });
    await tick(80);
    expect(calls).toBe(3);
    expect(bus.getStats()).toMatchObject({ retries: 2, delivered: 1, failedDeliveries: 0 });
    expect(bus.getEventHistory({ eventType: 'error_occurred' })).toHaveLength(0);
  });

  it('reports a transient failure as an error once the attempts are used up, and never retries a permanent one', async () => {
    const bus = makeBus({ retryPolicy: { attempts: 2, backoffMs: 1 } });
    let transientCalls = 0;
    let permanentCalls = 0;
    bus.subscribe('a', ['module_added'], () => {
      transientCalls++;
      throw new TransientError('still busy');
    });
    bus.subscribe('b', ['module_added'], () => {
      permanentCalls++;
      throw new Error('broken');
    });
    bus.startProcessing();
    bus.publish({ eventType: 'module_added', sourceEngine: 'x' });
    await tick(50);
    expect(transientCalls).toBe(2);
    expect(permanentCalls).toBe(1);
    const errors = bus.getEventHistory({ eventType: 'error_occurred' });
    expect(errors.map((e) => e.data.engineId).sort()).toEqual(['a', 'b']);
  });

  it('does not loop when an error handler itself throws', async () => {
    const bus = makeBus();
    bus.subscribe('a', ['module_added'], () => {
      throw new Error('first');
    });
    bus.subscribe('watcher', ['error_occurred'], () => {
      throw new Error('watcher broken');
    });
    bus.startProcessing();
    bus.publish({ eventType: 'module_added', sourceEngine: 'x' });
    await settle(bus);
    expect(bus.getEventHistory({ eventType: 'error_occurred' })).toHaveLength(1);
    expect(bus.getStats().failedDeliveries).toBe(2);
  });
});

describe('EventBus request/response', () => {
  it('resolves with every targeted engine response, in target order', async () => {
    const bus = makeBus();
    bus.subscribe('propulsion', ['analysis_started'], async () => ({ thrustKN: 156 }));
    bus.subscribe('sensors', ['analysis_started'], () => ({ rangeKm: 210 }));
    bus.startProcessing();
    const responses = await bus.request({
      eventType: 'analysis_started',
      sourceEngine: 'coordinator',
      targetEngines: ['sensors', 'propulsion']
    });
    expect(responses).toEqual([
      { engineId: 'sensors', ok: true, data: { rangeKm: 210 } },
      { engineId: 'propulsion', ok: true, data: { thrustKN: 156 } }
    ]);
  });

  it('reports a failing responder as a failed response, not a rejection', async () => {
    const bus = makeBus();
    bus.subscribe('aerodynamics', ['analysis_started'], () => {
      throw new Error('polar diverged');
    });
    bus.startProcessing();
    const responses = await bus.request({ eventType: 'analysis_started', sourceEngine: 'c', targetEngines: ['aerodynamics'] });
    expect(responses).toEqual([{ engineId: 'aerodynamics', ok: false, error: 'polar diverged' }]);
  });

  it('rejects after the timeout with an error naming the event and the engines that did not answer', async () => {
    const bus = makeBus();
    bus.subscribe('design', ['analysis_started'], () => 'ok');
    bus.startProcessing();
    const request = bus.request(
      { eventType: 'analysis_started', sourceEngine: 'coordinator', targetEngines: ['design', 'sensors', 'manufacturing'] },
      { timeoutMs: 40 }
    );
    await expect(request).rejects.toBeInstanceOf(RequestTimeoutError);
    await expect(request).rejects.toThrow(/analysis_started .*no answer from: sensors, manufacturing/);
  });

  it('a broadcast request waits for every subscribed engine', async () => {
    const bus = makeBus();
    bus.subscribe('a', ['analysis_started'], () => 1);
    bus.subscribe('b', ['analysis_started'], () => 2);
    bus.subscribe('monitor', '*', () => 'monitors do not answer');
    bus.startProcessing();
    const responses = await bus.request({ eventType: 'analysis_started', sourceEngine: 'c' });
    expect(responses.map((r) => r.engineId)).toEqual(['a', 'b']);
  });
});

describe('EventBus history', () => {
  it('keeps exactly the newest maxHistorySize events, error events included', async () => {
    const bus = makeBus({ maxHistorySize: 1000 });
    bus.subscribe('a', ['module_added'], (e) => {
      if ((e.data.n as number) % 100 === 0) throw new Error(`bad ${String(e.data.n)}`);
    });
    bus.startProcessing();
    for (let n = 0; n < 1500; n++) bus.publish({ eventType: 'module_added', sourceEngine: 'x', data: { n } });
    await settle(bus);
    const history = bus.getEventHistory();
    expect(history).toHaveLength(1000);
    expect(bus.getStats().evictedFromHistory).toBe(1500 + 15 - 1000);
    // The newest 1000 of 1515 published: the last module_added and all the late error events.
    expect(history.at(-1)?.eventType).toBe('error_occurred');
    expect(history.filter((e) => e.eventType === 'error_occurred').length).toBeGreaterThan(0);
    const numbers = history.filter((e) => e.eventType === 'module_added').map((e) => e.data.n as number);
    expect(numbers.at(-1)).toBe(1499);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('filters by type, engines, correlation id, time and limit', () => {
    const bus = makeBus();
    const first = bus.publish({ eventType: 'configuration_changed', sourceEngine: 'design' });
    bus.publish({ eventType: 'data_invalidated', sourceEngine: 'design', targetEngines: ['aerodynamics'], correlationId: first.eventId });
    bus.publish({ eventType: 'data_invalidated', sourceEngine: 'materials', targetEngines: ['sensors'] });
    bus.publish({ eventType: 'module_added', sourceEngine: 'design' });
    expect(bus.getEventHistory({ correlationId: first.eventId })).toHaveLength(2);
    expect(bus.getEventHistory({ sourceEngine: 'materials' })).toHaveLength(1);
    expect(bus.getEventHistory({ targetEngine: 'aerodynamics' }).map((e) => e.eventType)).toEqual([
      'configuration_changed',
      'data_invalidated',
      'module_added'
    ]);
    expect(bus.getEventHistory({ limit: 2 }).map((e) => e.eventType)).toEqual(['data_invalidated', 'module_added']);
    expect(bus.getEventHistory({ since: Date.now() + 1000 })).toHaveLength(0);
    expect(bus.getEventHistory({ until: Date.now() + 1000 })).toHaveLength(4);
  });

  it('refuses publishes beyond the queue bound and counts them', () => {
    const bus = makeBus({ maxQueueSize: 3 });
    const results = Array.from({ length: 5 }, () => bus.publish({ eventType: 'module_added', sourceEngine: 'x' }).status);
    expect(results).toEqual(['published', 'published', 'published', 'rejected', 'rejected']);
    expect(bus.getStats().rejected).toBe(2);
  });
});
