import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineEventSchema, type EngineEvent, type Priority } from '../../../shared/events';
import { EventLog } from '../log/event-log';
import { EventBus } from './event-bus';
import { disposeBuses, load, makeBus, settle } from './test-bus';

afterEach(disposeBuses);

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
