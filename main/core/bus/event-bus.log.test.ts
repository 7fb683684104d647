import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent, EventType } from '../../../shared/events';
import { analysis, disposeBuses, errorsOf, load, makeBus, settle, tick } from './test-bus';
import type { BusMetricsSink } from './types';

afterEach(disposeBuses);

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
