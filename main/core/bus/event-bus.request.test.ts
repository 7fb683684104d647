import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestTimeoutError } from './errors';
import { analysis, disposeBuses, load, makeBus } from './test-bus';

afterEach(disposeBuses);

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
