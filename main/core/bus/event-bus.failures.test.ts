import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineEventSchema, type EngineEvent } from '../../../shared/events';
import { TransientError } from '../engine';
import { EVENT_BUS_ENGINE_ID } from './event-bus';
import { disposeBuses, errorsOf, load, makeBus, settle } from './test-bus';

afterEach(disposeBuses);

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
