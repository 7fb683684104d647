import type { EngineEvent, EngineId, EventType, Priority } from '../../../shared/events';
import type { EventLog } from '../log/event-log';

/** A subscriber's handler. When the event `requiresResponse`, its return value is the response. */
export type EventHandler<K extends EventType = EventType> = (event: EngineEvent<K>) => unknown;

export interface SubscribeOptions {
  /** Deliver events this engine published itself (off by default). */
  receiveOwn?: boolean;
}

export interface RequestOptions {
  /** Default: the bus's `eventTimeoutMs`. */
  timeoutMs?: number;
}

/** One engine's answer to a request: expected failures come back as results, not throws. */
export type EngineResponse =
  | { engineId: EngineId; ok: true; data: unknown }
  | { engineId: EngineId; ok: false; error: string };

export interface RetryPolicy {
  /** Total attempts for a failure marked transient (1 = no retry). */
  attempts: number;
  /** Delay before retry n (1-based) is `backoffMs * 2^(n-1)`. */
  backoffMs: number;
}

/**
 * Where the bus reports its timings. `PerformanceMonitor` implements it; the bus never
 * depends on the monitor itself.
 */
export interface BusMetricsSink {
  /** A handler that succeeded: one delivery. */
  recordHandler(eventType: EventType, engineId: EngineId, latencyMs: number): void;
  /** A handler that threw, rejected or timed out (not a delivery). */
  recordHandlerFailure(eventType: EventType, engineId: EngineId, latencyMs: number): void;
  recordQueueWait(priority: Priority, waitMs: number): void;
}

export interface EventBusOptions {
  /** The log the bus appends to; by default a log of its own with `maxHistorySize`. */
  log?: EventLog;
  /** Handlers that may run at once (a handler counts until its promise settles). Default 4. */
  maxWorkers?: number;
  /** Events kept in the history window of the bus's own log. Default 1000. */
  maxHistorySize?: number;
  /** Request and handler timeout. Default 30 000 ms (the seed's `event_timeout`). */
  eventTimeoutMs?: number;
  /** Events waiting for delivery; past it, events are logged but not delivered. Default 1 000 000. */
  maxQueueSize?: number;
  retryPolicy?: RetryPolicy;
  metrics?: BusMetricsSink;
}

export type { BusStats as EventBusStats } from '../../../shared/protocol/engine-commands';
