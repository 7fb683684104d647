import { randomUUID } from 'node:crypto';
import {
  EVENT_TYPES,
  PRIORITY_RANK,
  type EngineEvent,
  type EngineId,
  type EventInput,
  type EventType,
  type HistoryQuery
} from '../../../shared/events';
import type { Disposable } from '../../../shared/disposable';
import { BucketQueue } from './bucket-queue';
import { HistoryRing } from './history-ring';
import { queryHistory } from './history-query';
import { HandlerTimeoutError, RequestTimeoutError, errorMessage, isTransient } from './errors';
import type {
  BusMetricsSink,
  EngineResponse,
  EventBusOptions,
  EventBusStats,
  EventHandler,
  RequestOptions,
  RetryPolicy,
  SubscribeOptions
} from './types';

/** The bus's own engine id, used as the source of the error events it publishes. */
export const EVENT_BUS_ENGINE_ID = 'event_bus';

const DEFAULTS = {
  maxWorkers: 4,
  maxHistorySize: 1000,
  eventTimeoutMs: 30_000,
  maxQueueSize: 1_000_000,
  retryPolicy: { attempts: 3, backoffMs: 50 } satisfies RetryPolicy
};
/** Deliveries between two yields to the event loop, so a flood never starves I/O. */
const DELIVERIES_PER_TURN = 5_000;
const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

interface Subscription {
  readonly engineId: EngineId;
  readonly handler: EventHandler;
  readonly receiveOwn: boolean;
}

/** A handler call whose promise has not settled yet. */
interface InFlight {
  readonly subscription: Subscription;
  readonly event: EngineEvent;
  readonly attempt: number;
  readonly startedAt: number;
  readonly deadline: number;
  done: boolean;
}

interface PendingRequest {
  readonly event: EngineEvent;
  readonly expected: readonly EngineId[];
  readonly responses: Map<EngineId, EngineResponse>;
  readonly resolve: (responses: EngineResponse[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

interface Retry {
  readonly subscription: Subscription;
  readonly event: EngineEvent;
  readonly attempt: number;
}

const EMPTY: readonly Subscription[] = [];

/**
 * The inter-engine event bus: a priority queue (FIFO within a priority) delivering typed
 * events to subscribers, with at most `maxWorkers` async handlers running at once,
 * request/response with timeouts, retries of transient failures, and a bounded history.
 *
 * A handler that throws, rejects or runs past `eventTimeoutMs` never stops the bus: it
 * becomes an `error_occurred` event (HIGH) that names the original event and the engine.
 *
 * @example
 * const bus = new EventBus();
 * bus.subscribe('propulsion', ['configuration_changed'], (e) => recompute(e.data));
 * bus.startProcessing();
 * bus.publish({ eventType: 'configuration_changed', sourceEngine: 'design', priority: 'HIGH' });
 */
export class EventBus implements Disposable {
  private readonly maxWorkers: number;
  private readonly eventTimeoutMs: number;
  private readonly maxQueueSize: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly metrics: BusMetricsSink | undefined;

  private readonly queue = new BucketQueue<EngineEvent>(4);
  private readonly history: HistoryRing<EngineEvent>;
  private readonly byType = new Map<EventType, readonly Subscription[]>();
  private wildcard: readonly Subscription[] = EMPTY;
  private readonly pendingRequests = new Map<string, PendingRequest>();

  /** The event being delivered and the subscribers it still has to reach. */
  private cursorEvent: EngineEvent | undefined;
  private cursorSubscribers: readonly Subscription[] = EMPTY;
  private cursorIndex = 0;

  private readonly inFlight: (InFlight | undefined)[];
  private active = 0;
  private readonly readyRetries: Retry[] = [];
  private readonly retryTimers = new Set<ReturnType<typeof setTimeout>>();

  private processing = false;
  private pumping = false;
  private pumpScheduled = false;
  private yieldPending = false;
  private deliveriesThisTurn = 0;
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;

  private readonly counters = {
    published: 0,
    delivered: 0,
    failedDeliveries: 0,
    retries: 0,
    timeouts: 0,
    rejected: 0
  };

  constructor(options: EventBusOptions = {}) {
    this.maxWorkers = positiveInteger('maxWorkers', options.maxWorkers ?? DEFAULTS.maxWorkers);
    this.eventTimeoutMs = positiveNumber('eventTimeoutMs', options.eventTimeoutMs ?? DEFAULTS.eventTimeoutMs);
    this.maxQueueSize = positiveInteger('maxQueueSize', options.maxQueueSize ?? DEFAULTS.maxQueueSize);
    this.retryPolicy = options.retryPolicy ?? DEFAULTS.retryPolicy;
    this.metrics = options.metrics;
    this.history = new HistoryRing(
      positiveInteger('maxHistorySize', options.maxHistorySize ?? DEFAULTS.maxHistorySize)
    );
    this.inFlight = new Array<InFlight | undefined>(this.maxWorkers).fill(undefined);
  }

  /**
   * Queues an event for delivery and records it in history. Delivery starts on the next
   * microtask, so a burst of synchronous publishes is delivered in priority order.
   */
  publish(input: EventInput): { status: 'published' | 'rejected'; eventId: string; reason?: string } {
    const event = this.createEvent(input);
    if (this.queue.size >= this.maxQueueSize) {
      this.counters.rejected++;
      return { status: 'rejected', eventId: event.eventId, reason: `queue full (${this.maxQueueSize} events)` };
    }
    this.enqueue(event);
    return { status: 'published', eventId: event.eventId };
  }

  /**
   * Subscribes an engine to event types, or to everything with `'*'` (monitors: they see
   * every event, whatever its targets). Returns a disposable that unsubscribes.
   */
  subscribe(
    engineId: EngineId,
    eventTypes: readonly EventType[] | '*',
    handler: EventHandler,
    options: SubscribeOptions = {}
  ): Disposable {
    const subscription: Subscription = { engineId, handler, receiveOwn: options.receiveOwn ?? false };
    if (eventTypes === '*') {
      this.wildcard = [...this.wildcard, subscription];
    } else {
      for (const type of new Set(eventTypes)) {
        assertKnownType(type);
        this.byType.set(type, [...(this.byType.get(type) ?? EMPTY), subscription]);
      }
    }
    let active = true;
    return {
      dispose: (): void => {
        if (!active) return;
        active = false;
        if (eventTypes === '*') {
          this.wildcard = this.wildcard.filter((s) => s !== subscription);
          return;
        }
        for (const type of new Set(eventTypes)) {
          const remaining = (this.byType.get(type) ?? EMPTY).filter((s) => s !== subscription);
          if (remaining.length > 0) this.byType.set(type, remaining);
          else this.byType.delete(type);
        }
      }
    };
  }

  /**
   * Publishes an event that requires a response and resolves with every expected engine's
   * answer (a handler's return value). Expected engines are the targets, or, for a
   * broadcast, the engines subscribed to the type when it is published. Rejects with a
   * `RequestTimeoutError` naming the engines that did not answer.
   */
  request(input: EventInput, options: RequestOptions = {}): Promise<EngineResponse[]> {
    const timeoutMs = options.timeoutMs ?? this.eventTimeoutMs;
    const event = this.createEvent({ ...input, requiresResponse: true });
    const expected = event.targetEngines ?? this.responders(event);
    return new Promise<EngineResponse[]>((resolve, reject) => {
      if (this.queue.size >= this.maxQueueSize) {
        this.counters.rejected++;
        reject(new Error(`request ${event.eventType} refused: queue full (${this.maxQueueSize} events)`));
        return;
      }
      if (expected.length === 0) {
        this.enqueue(event);
        resolve([]);
        return;
      }
      const timer = setTimeout(() => {
        this.pendingRequests.delete(event.eventId);
        const missing = expected.filter((id) => !pending.responses.has(id));
        reject(new RequestTimeoutError(event.eventType, event.eventId, missing, timeoutMs));
      }, timeoutMs);
      const pending: PendingRequest = { event, expected, responses: new Map(), resolve, reject, timer };
      this.pendingRequests.set(event.eventId, pending);
      this.enqueue(event);
    });
  }

  startProcessing(): void {
    if (this.disposed) throw new Error('event bus is disposed');
    if (this.processing) return;
    this.processing = true;
    if (!this.sweeper) {
      const sweepMs = Math.min(1000, Math.max(5, this.eventTimeoutMs / 10));
      this.sweeper = setInterval(() => this.sweepTimeouts(), sweepMs);
      this.sweeper.unref?.();
    }
    this.schedulePump();
  }

  /** Stops taking events off the queue, lets running handlers finish, then resolves. */
  async stopProcessing(): Promise<void> {
    this.processing = false;
    if (this.active === 0) {
      this.stopSweeper();
      return;
    }
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  get isProcessing(): boolean {
    return this.processing;
  }

  /** Matching events, oldest first; `limit` keeps the newest matches. */
  getEventHistory(query: HistoryQuery = {}): EngineEvent[] {
    return queryHistory(this.history, query);
  }

  getStats(): EventBusStats {
    return {
      ...this.counters,
      queued: this.queue.size,
      inFlight: this.active,
      evictedFromHistory: this.history.evicted
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.processing = false;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    for (const pending of this.pendingRequests.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`event bus disposed before ${pending.event.eventType} was answered`));
    }
    this.pendingRequests.clear();
    this.byType.clear();
    this.wildcard = EMPTY;
    this.resolveIdleWaiters();
  }

  private createEvent(input: EventInput): EngineEvent {
    assertKnownType(input.eventType);
    const priority = input.priority ?? 'NORMAL';
    if (PRIORITY_RANK[priority] === undefined) throw new TypeError(`unknown priority: ${String(priority)}`);
    const eventId = randomUUID();
    const event: EngineEvent = {
      eventId,
      eventType: input.eventType,
      sourceEngine: input.sourceEngine,
      priority,
      timestamp: Date.now(),
      data: input.data ?? {},
      metadata: input.metadata ?? {},
      requiresResponse: input.requiresResponse ?? false,
      correlationId: input.correlationId ?? eventId,
      causationId: input.causationId ?? null
    };
    if (input.targetEngines) event.targetEngines = input.targetEngines;
    return event;
  }

  private enqueue(event: EngineEvent): void {
    this.history.push(event);
    this.counters.published++;
    this.queue.push(event, PRIORITY_RANK[event.priority], performance.now());
    this.schedulePump();
  }

  private schedulePump(): void {
    if (this.pumpScheduled || !this.processing) return;
    this.pumpScheduled = true;
    queueMicrotask(this.runScheduledPump);
  }

  private readonly runScheduledPump = (): void => {
    this.pumpScheduled = false;
    this.pump();
  };

  private readonly resumeAfterYield = (): void => {
    this.yieldPending = false;
    this.deliveriesThisTurn = 0;
    this.pump();
  };

  /** Starts handlers until every worker is busy or nothing is left to deliver. */
  private pump(): void {
    if (!this.processing) {
      if (this.active === 0) this.resolveIdleWaiters();
      return;
    }
    if (this.pumping || this.yieldPending) return;
    this.pumping = true;
    try {
      while (this.active < this.maxWorkers) {
        if (this.deliveriesThisTurn >= DELIVERIES_PER_TURN) {
          this.yieldPending = true;
          setImmediate(this.resumeAfterYield);
          return;
        }
        const retry = this.readyRetries.shift();
        if (retry) {
          this.invoke(retry.subscription, retry.event, retry.attempt);
          continue;
        }
        if (this.cursorIndex >= this.cursorSubscribers.length && !this.advanceCursor()) break;
        const subscription = this.cursorSubscribers[this.cursorIndex++] as Subscription;
        this.invoke(subscription, this.cursorEvent as EngineEvent, 1);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Takes the next event off the queue; false when the queue is empty. */
  private advanceCursor(): boolean {
    for (;;) {
      const event = this.queue.shift();
      if (!event) {
        this.cursorEvent = undefined;
        this.cursorSubscribers = EMPTY;
        this.cursorIndex = 0;
        return false;
      }
      const waitMs = performance.now() - this.queue.last.enqueuedAt;
      this.metrics?.recordQueueWait(event.priority, waitMs);
      // Kept on the event so a causal chain can show each hop's wait (µs resolution).
      event.metadata.queueWaitMs = Math.round(waitMs * 1000) / 1000;
      const subscribers = this.matchingSubscribers(event);
      if (subscribers.length === 0) continue;
      this.cursorEvent = event;
      this.cursorSubscribers = subscribers;
      this.cursorIndex = 0;
      return true;
    }
  }

  private matchingSubscribers(event: EngineEvent): readonly Subscription[] {
    const typed = this.byType.get(event.eventType) ?? EMPTY;
    const all = this.wildcard.length === 0 ? typed : typed.length === 0 ? this.wildcard : [...typed, ...this.wildcard];
    if (all.length === 0) return EMPTY;
    // Fast path: nothing to exclude, so the (immutable) list itself is used.
    let excluded = 0;
    for (const s of all) if (!this.accepts(s, event, typed)) excluded++;
    if (excluded === 0) return all;
    return all.filter((s) => this.accepts(s, event, typed));
  }

  private accepts(subscription: Subscription, event: EngineEvent, typed: readonly Subscription[]): boolean {
    if (subscription.engineId === event.sourceEngine && !subscription.receiveOwn) return false;
    if (!event.targetEngines || !typed.includes(subscription)) return true;
    return event.targetEngines.includes(subscription.engineId);
  }

  /** Engines that would answer a broadcast request: typed subscribers, not monitors. */
  private responders(event: EngineEvent): EngineId[] {
    const ids = new Set<EngineId>();
    for (const s of this.byType.get(event.eventType) ?? EMPTY) {
      if (s.engineId !== event.sourceEngine || s.receiveOwn) ids.add(s.engineId);
    }
    return [...ids];
  }

  private invoke(subscription: Subscription, event: EngineEvent, attempt: number): void {
    this.deliveriesThisTurn++;
    const startedAt = performance.now();
    let result: unknown;
    try {
      result = subscription.handler(event);
    } catch (error) {
      this.onFailure(subscription, event, attempt, error, startedAt);
      return;
    }
    if (!isThenable(result)) {
      this.onSuccess(subscription, event, result, startedAt);
      return;
    }
    const slot = this.inFlight.indexOf(undefined);
    const flight: InFlight = {
      subscription,
      event,
      attempt,
      startedAt,
      deadline: startedAt + this.eventTimeoutMs,
      done: false
    };
    this.inFlight[slot] = flight;
    this.active++;
    result.then(
      (value) => {
        if (!this.settle(flight, slot)) return;
        this.onSuccess(subscription, event, value, startedAt);
        this.pump();
      },
      (error: unknown) => {
        if (!this.settle(flight, slot)) return;
        this.onFailure(subscription, event, attempt, error, startedAt);
        this.pump();
      }
    );
  }

  /** Frees the worker a handler held; false if the handler already timed out. */
  private settle(flight: InFlight, slot: number): boolean {
    if (flight.done) return false;
    flight.done = true;
    this.inFlight[slot] = undefined;
    this.active--;
    return true;
  }

  private onSuccess(subscription: Subscription, event: EngineEvent, value: unknown, startedAt: number): void {
    this.counters.delivered++;
    if (this.metrics) {
      this.metrics.recordHandler(event.eventType, subscription.engineId, performance.now() - startedAt);
      this.metrics.recordDelivered();
    }
    if (event.requiresResponse) this.recordResponse(event, { engineId: subscription.engineId, ok: true, data: value });
  }

  private onFailure(
    subscription: Subscription,
    event: EngineEvent,
    attempt: number,
    error: unknown,
    startedAt: number
  ): void {
    this.metrics?.recordHandler(event.eventType, subscription.engineId, performance.now() - startedAt);
    if (isTransient(error) && attempt < this.retryPolicy.attempts && !this.disposed) {
      this.scheduleRetry({ subscription, event, attempt: attempt + 1 });
      return;
    }
    this.counters.failedDeliveries++;
    const message = errorMessage(error);
    if (event.requiresResponse) this.recordResponse(event, { engineId: subscription.engineId, ok: false, error: message });
    // A failure while handling an error event is counted but not re-published, so a
    // broken error handler cannot loop.
    if (event.eventType === 'error_occurred') return;
    this.publish({
      eventType: 'error_occurred',
      sourceEngine: EVENT_BUS_ENGINE_ID,
      priority: 'HIGH',
      correlationId: event.correlationId,
      causationId: event.eventId,
      data: {
        originalEventId: event.eventId,
        originalEventType: event.eventType,
        engineId: subscription.engineId,
        message,
        attempts: attempt,
        timedOut: error instanceof HandlerTimeoutError
      }
    });
  }

  private scheduleRetry(retry: Retry): void {
    this.counters.retries++;
    const delayMs = this.retryPolicy.backoffMs * 2 ** (retry.attempt - 2);
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.readyRetries.push(retry);
      this.schedulePump();
    }, delayMs);
    this.retryTimers.add(timer);
  }

  private recordResponse(event: EngineEvent, response: EngineResponse): void {
    const pending = this.pendingRequests.get(event.eventId);
    if (!pending || !pending.expected.includes(response.engineId) || pending.responses.has(response.engineId)) return;
    pending.responses.set(response.engineId, response);
    if (pending.responses.size < pending.expected.length) return;
    clearTimeout(pending.timer);
    this.pendingRequests.delete(event.eventId);
    pending.resolve(pending.expected.map((id) => pending.responses.get(id) as EngineResponse));
  }

  /** Gives up on handlers past their deadline; one interval serves them all. */
  private sweepTimeouts(): void {
    if (this.active === 0) return;
    const now = performance.now();
    for (let slot = 0; slot < this.inFlight.length; slot++) {
      const flight = this.inFlight[slot];
      if (!flight || flight.deadline > now) continue;
      this.settle(flight, slot);
      this.counters.timeouts++;
      const error = new HandlerTimeoutError(flight.subscription.engineId, flight.event.eventType, this.eventTimeoutMs);
      this.onFailure(flight.subscription, flight.event, flight.attempt, error, flight.startedAt);
    }
    this.pump();
  }

  private stopSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  /** Called once the bus is stopped and no handler is running. */
  private resolveIdleWaiters(): void {
    this.stopSweeper();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

function assertKnownType(type: string): void {
  if (!KNOWN_TYPES.has(type)) throw new TypeError(`unknown event type: ${type}`);
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function positiveNumber(name: string, value: number): number {
  if (!(value > 0)) throw new RangeError(`${name} must be positive, got ${value}`);
  return value;
}
