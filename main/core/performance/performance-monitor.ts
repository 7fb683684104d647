import type { EngineId, EventInput, EventType, Priority } from '../../../shared/events';
import { PRIORITIES } from '../../../shared/events';
import type { Disposable } from '../../../shared/disposable';
import type {
  DurationStats,
  PerformanceReport,
  PerformanceSummary,
  SlowOperation
} from '../../../shared/performance';
import type { BusMetricsSink } from '../bus/types';
import { DEFAULT_MEMORY_SAMPLES, MemoryRing } from './memory-ring';
import { DEFAULT_RATE_SECONDS, RateCounter } from './rate-counter';
import { DEFAULT_WINDOW_CAPACITY, SampleWindow, type WindowStats } from './sample-window';

/** The engine id the monitor publishes `performance_updated` under. */
export const PERFORMANCE_MONITOR_SOURCE = 'performance_monitor';

/** What `process.memoryUsage()` gives that the monitor keeps. */
export interface MemoryUsageReading {
  heapUsed: number;
  rss: number;
}

export interface PerformanceMonitorOptions {
  /** Where `performance_updated` goes (normally `bus.publish`). Absent = nothing is published. */
  publish?: (input: EventInput) => unknown;
  /** Milliseconds clock. Default `performance.now()`. */
  now?: () => number;
  /** Samples per metric window. Default 1000. */
  windowCapacity?: number;
  /** Default 1000 ms. */
  memoryIntervalMs?: number;
  /** Memory samples kept. Default 600. */
  maxMemorySamples?: number;
  /** Default 1000 ms. */
  publishIntervalMs?: number;
  /** Threshold of the report's slow operations. Default 100 ms. */
  slowOperationThresholdMs?: number;
  /** Seconds of the events/s series. Default 60. */
  rateSeconds?: number;
  /** Default `process.memoryUsage()`. */
  memoryUsage?: () => MemoryUsageReading;
}

const SUMMARY_SLOW_OPERATIONS = 5;

/**
 * Collects timings of the core: named operations, bus handler latencies (per event type and
 * per engine, and each engine's compute time), queue waits per priority, logged events per second
 * and process memory.
 * The `record*` methods sit on the bus's hot path: each is O(1) and allocates only the first
 * time a name is seen. Statistics are computed when a report is asked for.
 *
 * @example
 * const monitor = new PerformanceMonitor({ publish: (input) => bus.publish(input) });
 * const bus = new EventBus({ metrics: monitor });
 * monitor.start();
 * const result = await monitor.measure('configuration.apply', () => coordinator.apply(config));
 * monitor.getSlowOperations(50); // [{ name: 'configuration.apply', maxMs: 73, ... }]
 */
export class PerformanceMonitor implements BusMetricsSink, Disposable {
  private readonly now: () => number;
  private readonly publish: ((input: EventInput) => unknown) | undefined;
  private readonly windowCapacity: number;
  private readonly memoryIntervalMs: number;
  private readonly publishIntervalMs: number;
  private readonly slowOperationThresholdMs: number;
  private readonly memoryUsage: () => MemoryUsageReading;

  private readonly operations = new Map<string, SampleWindow>();
  private readonly handlers: SampleWindow;
  private readonly handlersByEventType = new Map<EventType, SampleWindow>();
  private readonly handlersByEngine = new Map<EngineId, SampleWindow>();
  private readonly queueWaitByPriority = new Map<Priority, SampleWindow>();
  private readonly logged: RateCounter;
  private readonly lastType: { key: string | undefined; window: SampleWindow } = { key: undefined, window: new SampleWindow(1) };
  private readonly lastEngine: { key: string | undefined; window: SampleWindow } = { key: undefined, window: new SampleWindow(1) };
  private deliveredCount = 0;
  private readonly memory: MemoryRing;

  private memoryTimer: ReturnType<typeof setInterval> | undefined;
  private publishTimer: ReturnType<typeof setInterval> | undefined;
  private publishFailureCount = 0;

  constructor(options: PerformanceMonitorOptions = {}) {
    this.now = options.now ?? ((): number => performance.now());
    this.publish = options.publish;
    this.windowCapacity = options.windowCapacity ?? DEFAULT_WINDOW_CAPACITY;
    this.memoryIntervalMs = options.memoryIntervalMs ?? 1000;
    this.publishIntervalMs = options.publishIntervalMs ?? 1000;
    this.slowOperationThresholdMs = options.slowOperationThresholdMs ?? 100;
    this.memoryUsage = options.memoryUsage ?? ((): MemoryUsageReading => process.memoryUsage());
    this.handlers = new SampleWindow(this.windowCapacity);
    for (const priority of PRIORITIES) {
      this.queueWaitByPriority.set(priority, new SampleWindow(this.windowCapacity));
    }
    this.logged = new RateCounter(this.now, options.rateSeconds ?? DEFAULT_RATE_SECONDS);
    this.memory = new MemoryRing(options.maxMemorySamples ?? DEFAULT_MEMORY_SAMPLES);
  }

  /** `performance_updated` publishes that threw (the timer carries on). */
  get publishFailures(): number {
    return this.publishFailureCount;
  }

  /** Records one timing of a named operation. */
  recordOperation(name: string, ms: number): void {
    this.windowFor(this.operations, name).add(ms);
  }

  /**
   * Runs `fn`, records how long it took under `name` and returns its result unchanged. For a
   * promise the time runs until it settles. A throw or rejection is recorded too, then passed on.
   *
   * @example
   * const data = await monitor.measure('engine.materials.compute', () => engine.compute(ctx));
   */
  measure<T>(name: string, fn: () => T): T {
    const startMs = this.now();
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.recordOperation(name, this.now() - startMs);
      throw error;
    }
    if (isPromiseLike(result)) {
      const settle = this.operationTimer(name, startMs);
      result.then(settle, settle);
      return result;
    }
    this.recordOperation(name, this.now() - startMs);
    return result;
  }

  /** Records `name` as taking from `startMs` until it is called (a promise's settling). */
  private operationTimer(name: string, startMs: number): () => void {
    return () => this.recordOperation(name, this.now() - startMs);
  }

  recordHandler(eventType: EventType, engineId: EngineId, latencyMs: number): void {
    this.recordHandlerFailure(eventType, engineId, latencyMs);
    this.deliveredCount++;
  }

  /**
   * One event appended to the session's log: what the events/s figures count (the rate the
   * session produces events, whoever handles them). `atMs` is a time of the monitor's clock.
   */
  recordLogged(atMs: number = this.now()): void {
    this.logged.record(atMs);
  }

  /** How long an engine took to compute (its latency, beside the bus handlers' latencies). */
  recordEngineWork(engineId: EngineId, latencyMs: number): void {
    this.recordHandlerFailure('engine_output', engineId, latencyMs);
  }

  recordHandlerFailure(eventType: EventType, engineId: EngineId, latencyMs: number): void {
    this.handlers.add(latencyMs);
    // One-entry caches: deliveries come in runs of one type to one engine, and this is the bus's
    // hot path. Updated in place: engines' compute times alternate engines every call.
    const lastType = this.lastType;
    if (eventType !== lastType.key) {
      lastType.key = eventType;
      lastType.window = this.windowFor(this.handlersByEventType, eventType);
    }
    lastType.window.add(latencyMs);
    const lastEngine = this.lastEngine;
    if (engineId !== lastEngine.key) {
      lastEngine.key = engineId;
      lastEngine.window = this.windowFor(this.handlersByEngine, engineId);
    }
    lastEngine.window.add(latencyMs);
  }

  recordQueueWait(priority: Priority, waitMs: number): void {
    (this.queueWaitByPriority.get(priority) as SampleWindow).add(waitMs);
  }

  /** Takes one memory sample now (the timer started by `start()` calls this). */
  sampleMemory(): void {
    const usage = this.memoryUsage();
    this.memory.add(this.now(), usage.heapUsed, usage.rss);
  }

  /**
   * Operations whose slowest sample in the window (its max, not a percentile: one slow call
   * is worth seeing) exceeds `thresholdMs`, slowest first.
   */
  getSlowOperations(thresholdMs: number = this.slowOperationThresholdMs): SlowOperation[] {
    const slow: SlowOperation[] = [];
    for (const [name, window] of this.operations) {
      const stats = window.stats();
      if (stats.windowSize > 0 && stats.max > thresholdMs) {
        const { count, max: maxMs, p99: p99Ms, mean: meanMs } = stats;
        slow.push({ name, count, maxMs, p99Ms, meanMs });
      }
    }
    return slow.sort((a, b) => b.maxMs - a.maxMs || a.name.localeCompare(b.name));
  }

  /** Everything the monitor knows, as a plain serialisable object (`PerformanceReportSchema`). */
  getReport(): PerformanceReport {
    return {
      generatedAt: this.now(),
      operations: statsByName(this.operations),
      handlers: toDurationStats(this.handlers.stats()),
      handlersByEventType: statsByName(this.handlersByEventType),
      handlersByEngine: statsByName(this.handlersByEngine),
      queueWaitByPriority: statsByName(this.queueWaitByPriority),
      eventsPerSecond: {
        current: this.logged.current(),
        total: this.logged.total,
        series: this.logged.series()
      },
      memory: this.memory.toArray(),
      memorySamplesDropped: this.memory.dropped,
      slowOperationThresholdMs: this.slowOperationThresholdMs,
      slowOperations: this.getSlowOperations()
    };
  }

  /** The compact figures a `performance_updated` event carries. */
  getSummary(): PerformanceSummary {
    const handlerStats = this.handlers.stats();
    const memory = this.memory.latest();
    return {
      generatedAt: this.now(),
      eventsPerSecond: this.logged.current(),
      deliveredTotal: this.deliveredCount,
      handlerP95Ms: handlerStats.p95,
      handlerP99Ms: handlerStats.p99,
      heapUsedBytes: memory?.heapUsedBytes ?? null,
      rssBytes: memory?.rssBytes ?? null,
      slowOperations: this.getSlowOperations()
        .slice(0, SUMMARY_SLOW_OPERATIONS)
        .map((operation) => operation.name)
    };
  }

  /** Publishes one `performance_updated` event now (the timer started by `start()` calls this). */
  publishSummary(): void {
    if (!this.publish) return;
    try {
      this.publish({
        eventType: 'performance_updated',
        sourceEngine: PERFORMANCE_MONITOR_SOURCE,
        priority: 'LOW',
        data: { ...this.getSummary() }
      });
    } catch {
      this.publishFailureCount++;
    }
  }

  /**
   * Starts memory sampling and `performance_updated` publishing (unref'd timers, so they never
   * keep the process alive). Takes a first memory sample at once. Calling it twice is harmless.
   */
  start(): void {
    if (this.memoryTimer || this.publishTimer) return;
    this.sampleMemory();
    this.memoryTimer = setInterval(() => this.sampleMemory(), this.memoryIntervalMs);
    this.memoryTimer.unref();
    this.publishTimer = setInterval(() => this.publishSummary(), this.publishIntervalMs);
    this.publishTimer.unref();
  }

  /** Stops the timers; recorded data stays. */
  stop(): void {
    clearInterval(this.memoryTimer);
    clearInterval(this.publishTimer);
    this.memoryTimer = undefined;
    this.publishTimer = undefined;
  }

  dispose(): void {
    this.stop();
  }

  private windowFor<K>(map: Map<K, SampleWindow>, key: K): SampleWindow {
    let window = map.get(key);
    if (!window) {
      window = new SampleWindow(this.windowCapacity);
      map.set(key, window);
    }
    return window;
  }
}

function toDurationStats(stats: WindowStats): DurationStats {
  return {
    count: stats.count,
    windowSize: stats.windowSize,
    meanMs: stats.mean,
    minMs: stats.min,
    maxMs: stats.max,
    p50Ms: stats.p50,
    p95Ms: stats.p95,
    p99Ms: stats.p99
  };
}

function statsByName(windows: ReadonlyMap<string, SampleWindow>): Record<string, DurationStats> {
  const out: Record<string, DurationStats> = {};
  for (const name of [...windows.keys()].sort()) {
    const window = windows.get(name);
    if (window) out[name] = toDurationStats(window.stats());
  }
  return out;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
