import { afterEach, describe, expect, it, vi } from 'vitest';
import { disposeBuses, errorsOf, load, makeBus } from './test-bus';

afterEach(disposeBuses);

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
