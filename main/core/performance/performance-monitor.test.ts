import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventInput } from '../../../shared/events';
import { PerformanceReportSchema, PerformanceSummarySchema } from '../../../shared/performance';
import { PerformanceMonitor } from './performance-monitor';

/** A monitor on a clock the test moves by hand. */
function setup(): { monitor: PerformanceMonitor; published: EventInput[]; clock: { ms: number } } {
  const clock = { ms: 0 };
  const published: EventInput[] = [];
  const monitor = new PerformanceMonitor({
    now: () => clock.ms,
    publish: (input) => published.push(input),
    memoryUsage: () => ({ heapUsed: 1000 + clock.ms, rss: 5000 + clock.ms }),
    maxMemorySamples: 3
  });
  return { monitor, published, clock };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PerformanceMonitor.measure', () => {
  it('times a sync function and returns its result', () => {
    const { monitor, clock } = setup();
    const result = monitor.measure('sum', () => {
      clock.ms += 12;
      return 42;
    });
    expect(result).toBe(42);
    expect(monitor.getReport().operations['sum']).toMatchObject({ count: 1, maxMs: 12 });
  });

  it('times an async function until it settles', async () => {
    const { monitor, clock } = setup();
    const result = await monitor.measure('load', async () => {
      await Promise.resolve();
      clock.ms += 30;
      return 'done';
    });
    expect(result).toBe('done');
    expect(monitor.getReport().operations['load']).toMatchObject({ count: 1, maxMs: 30 });
  });

  it('records and rethrows a sync throw and an async rejection', async () => {
    const { monitor, clock } = setup();
    expect(() =>
      monitor.measure('bad', () => {
        clock.ms += 5;
        throw new Error('sync boom');
      })
    ).toThrow('sync boom');
    await expect(
      monitor.measure('bad', async () => {
        clock.ms += 7;
        throw new Error('async boom');
      })
    ).rejects.toThrow('async boom');
    expect(monitor.getReport().operations['bad']).toMatchObject({ count: 2, minMs: 5, maxMs: 7 });
  });
});

describe('PerformanceMonitor metrics', () => {
  it('counts logged events per whole second, at the time given or now', () => {
    const { monitor, clock } = setup();
    clock.ms = 1_000;
    for (let i = 0; i < 7; i++) monitor.recordLogged();
    clock.ms = 2_100;
    // Logged in the second before, reported now: still counted there.
    monitor.recordLogged(1_999);
    for (let i = 0; i < 3; i++) monitor.recordLogged();
    clock.ms = 3_000;
    const { eventsPerSecond } = monitor.getReport();
    expect(eventsPerSecond.current).toBe(3);
    expect(eventsPerSecond.total).toBe(11);
    expect(eventsPerSecond.series.slice(-2)).toEqual([
      { at: 1_000, count: 8 },
      { at: 2_000, count: 3 }
    ]);
    expect(monitor.getSummary()).toMatchObject({ eventsPerSecond: 3, deliveredTotal: 0 });
  });

  it('a failed handler counts in the latencies but is not a delivery; engine work counts as the engine\'s latency', () => {
    const { monitor } = setup();
    monitor.recordHandlerFailure('synthetic_load', 'materials', 40);
    monitor.recordHandler('synthetic_load', 'materials', 10);
    monitor.recordEngineWork('aerodynamics', 1_500);
    const report = monitor.getReport();
    expect(report.handlers).toMatchObject({ count: 3, maxMs: 1_500, minMs: 10 });
    expect(report.handlersByEngine['materials']).toMatchObject({ count: 2 });
    expect(report.handlersByEngine['aerodynamics']).toMatchObject({ count: 1, maxMs: 1_500 });
    expect(monitor.getSummary()).toMatchObject({ deliveredTotal: 1 });
  });

  it('lists operations over the threshold by their max, slowest first', () => {
    const { monitor } = setup();
    monitor.recordOperation('fast', 5);
    monitor.recordOperation('medium', 10);
    monitor.recordOperation('medium', 150);
    monitor.recordOperation('slowest', 400);
    monitor.recordOperation('slow', 101);
    monitor.recordOperation('edge', 100);
    expect(monitor.getSlowOperations().map((op) => op.name)).toEqual(['slowest', 'medium', 'slow']);
    expect(monitor.getSlowOperations(200).map((op) => op.name)).toEqual(['slowest']);
    expect(monitor.getSlowOperations()[1]).toMatchObject({ count: 2, maxMs: 150, meanMs: 80 });
  });

  it('keeps handler latencies by event type, engine and overall; queue waits by priority', () => {
    const { monitor } = setup();
    monitor.recordHandler('configuration_changed', 'materials', 4);
    monitor.recordHandler('configuration_changed', 'propulsion', 8);
    monitor.recordHandler('data_invalidated', 'materials', 2);
    monitor.recordQueueWait('HIGH', 1);
    monitor.recordQueueWait('HIGH', 3);
    const report = monitor.getReport();
    expect(report.handlers).toMatchObject({ count: 3, maxMs: 8 });
    expect(report.handlersByEventType['configuration_changed']).toMatchObject({
      count: 2,
      meanMs: 6
    });
    expect(report.handlersByEngine['materials']).toMatchObject({ count: 2, maxMs: 4, minMs: 2 });
    expect(report.queueWaitByPriority['HIGH']).toMatchObject({ count: 2, meanMs: 2 });
    expect(report.queueWaitByPriority['LOW']).toMatchObject({ count: 0 });
    expect(PerformanceReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('keeps a bounded memory series and counts what it dropped', () => {
    const { monitor, clock } = setup();
    for (let i = 1; i <= 5; i++) {
      clock.ms = i * 1000;
      monitor.sampleMemory();
    }
    const report = monitor.getReport();
    expect(report.memory.map((sample) => sample.at)).toEqual([3000, 4000, 5000]);
    expect(report.memory[2]).toEqual({ at: 5000, heapUsedBytes: 6000, rssBytes: 10_000 });
    expect(report.memorySamplesDropped).toBe(2);
  });
});

describe('PerformanceMonitor timers', () => {
  it('publishes performance_updated every interval until stopped', () => {
    vi.useFakeTimers();
    const published: EventInput[] = [];
    const monitor = new PerformanceMonitor({
      publish: (input) => published.push(input),
      publishIntervalMs: 500,
      memoryIntervalMs: 250
    });
    monitor.recordOperation('slow_op', 250);
    monitor.start();
    vi.advanceTimersByTime(1_600);
    expect(published).toHaveLength(3);
    const event = published[0];
    expect(event).toMatchObject({
      eventType: 'performance_updated',
      priority: 'LOW',
      sourceEngine: 'performance_monitor'
    });
    const summary = PerformanceSummarySchema.parse(event?.data);
    expect(summary.slowOperations).toEqual(['slow_op']);
    expect(summary.heapUsedBytes).toBeGreaterThan(0);
    expect(monitor.getReport().memory).toHaveLength(7);
    monitor.stop();
    vi.advanceTimersByTime(5_000);
    expect(published).toHaveLength(3);
    monitor.dispose();
  });

  it('counts a failing publish instead of throwing from the timer', () => {
    const monitor = new PerformanceMonitor({
      publish: () => {
        throw new Error('queue full');
      }
    });
    monitor.publishSummary();
    expect(monitor.publishFailures).toBe(1);
  });
});
