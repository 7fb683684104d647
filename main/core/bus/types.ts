import type { EngineEvent, EngineId, EventInput, EventType, Priority } from '../../../shared/events';

/** A subscriber's handler. When the event `requiresResponse`, its return value is the response. */
export type EventHandler = (event: EngineEvent) => unknown;

export interface SubscribeOptions {
  /** Deliver events this engine published itself (off by default). */
  receiveOwn?: boolean;
}

export interface PublishResult {
  status: 'published';
  eventId: string;
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
  recordHandler(eventType: EventType, engineId: EngineId, latencyMs: number): void;
  recordQueueWait(priority: Priority, waitMs: number): void;
  recordDelivered(): void;
}

export interface EventBusOptions {
  /** Handlers that may run at once (a handler counts until its promise settles). Default 4. */
  maxWorkers?: number;
  /** Events kept in history. Default 1000. */
  maxHistorySize?: number;
  /** Request and handler timeout. Default 30 000 ms (the seed's `event_timeout`). */
  eventTimeoutMs?: number;
  /** Events waiting for delivery before `publish` refuses more. Default 1 000 000. */
  maxQueueSize?: number;
  retryPolicy?: RetryPolicy;
  metrics?: BusMetricsSink;
}

export interface EventBusStats {
  published: number;
  delivered: number;
  failedDeliveries: number;
  retries: number;
  timeouts: number;
  queued: number;
  inFlight: number;
  /** Publishes refused because the queue was full. */
  rejected: number;
  /** Events that left the history ring (it holds the newest `maxHistorySize`). */
  evictedFromHistory: number;
}

export type { EngineEvent, EventInput };
