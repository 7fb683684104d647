import { PRIORITY_RANK, type EngineEvent, type EngineId, type EventInput, type EventType } from '../../../shared/events';
import type { Disposable } from '../../../shared/disposable';
import { EventLog } from '../log/event-log';
import type { Published } from '../log/publish';
import { BucketQueue } from './bucket-queue';
import { HandlerTimeoutError, errorMessage, isTransient } from './errors';
import { DeadLetters } from './dead-letters';
import { PendingRequests } from './pending-requests';
import { RetryScheduler } from './retry-scheduler';
import { SubscriptionTable, type Subscription } from './subscriptions';
import { TimeoutSweeper } from './timeout-sweeper';
import type { BusMetricsSink, EngineResponse, EventBusOptions, EventBusStats, EventHandler, RequestOptions, SubscribeOptions } from './types';
import { WorkerPool, type InFlight } from './worker-pool';

/** The bus's own engine id, used as the source of the error events it publishes. */
export const EVENT_BUS_ENGINE_ID = 'event_bus';

/** Deliveries between two yields to the event loop, so a flood never starves I/O. */
const DELIVERIES_PER_TURN = 5_000;
const EMPTY: readonly Subscription[] = [];

function positive(name: string, value: number, integer: boolean): number {
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return value;
}

/**
 * The inter-engine event bus. Every event is appended to the session's log (which numbers it),
 * then queued by priority (FIFO within a priority) and delivered to its subscribers, with at most
 * `maxWorkers` async handlers running at once, request/response with timeouts, and retries of
 * transient failures. A handler that throws, rejects or runs past `eventTimeoutMs` never stops
 * the bus: it becomes an `error_occurred` event naming the original event and the engine.
 *
 * @example
 * const bus = new EventBus();
 * bus.subscribe('propulsion', ['rule_removed'], (e) => console.log(e.data.ruleId));
 * bus.startProcessing();
 * bus.publish({ eventType: 'rule_removed', sourceEngine: 'consistency_manager', data: { ruleId: 'x' } });
 */
export class EventBus implements Disposable {
  readonly log: EventLog;
  private readonly ownsLog: boolean;
  private readonly eventTimeoutMs: number;
  private readonly maxQueueSize: number;
  private readonly metrics: BusMetricsSink | undefined;
  private readonly queue = new BucketQueue<EngineEvent>(4);
  private readonly subscriptions = new SubscriptionTable();
  private readonly workers: WorkerPool;
  private readonly retries: RetryScheduler;
  private readonly requests: PendingRequests;
  private readonly deadLetters = new DeadLetters();

  /** The event being delivered and the subscribers it still has to reach. */
  private cursorEvent: EngineEvent | undefined;
  private cursorSubscribers: readonly Subscription[] = EMPTY;
  private cursorIndex = 0;
  private dequeuedAt = 0;
  /** The time a handler settled, while the pump it triggers runs (-1 otherwise). */
  private settledAt = -1;

  private processing = false;
  private pumping = false;
  private pumpScheduled = false;
  private yieldPending = false;
  private deliveriesThisTurn = 0;
  private readonly sweeper: TimeoutSweeper;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;
  private readonly counters = { published: 0, delivered: 0, failedDeliveries: 0, timeouts: 0, rejected: 0 };

  constructor(options: EventBusOptions = {}) {
    this.workers = new WorkerPool(positive('maxWorkers', options.maxWorkers ?? 4, true), this.onSettled);
    this.eventTimeoutMs = positive('eventTimeoutMs', options.eventTimeoutMs ?? 30_000, false);
    this.requests = new PendingRequests(() => this.workers.running());
    this.sweeper = new TimeoutSweeper(this.workers, this.eventTimeoutMs, this.onHandlerTimeout);
    this.maxQueueSize = positive('maxQueueSize', options.maxQueueSize ?? 1_000_000, true);
    this.metrics = options.metrics;
    this.retries = new RetryScheduler(options.retryPolicy ?? { attempts: 3, backoffMs: 50 }, () => this.schedulePump());
    this.ownsLog = options.log === undefined;
    this.log = options.log ?? new EventLog({ historySize: positive('maxHistorySize', options.maxHistorySize ?? 1000, true) });
  }

  /**
   * Appends an event to the log and queues it for delivery (delivery starts on the next microtask,
   * so a burst of synchronous publishes is delivered in priority order). When the delivery queue
   * is full the event is still logged — the log is the truth — but not delivered, and counted.
   */
  publish<K extends EventType>(input: EventInput<K>): Published {
    const now = performance.now();
    const event = this.log.append(input as EventInput, now);
    this.enqueue(event, now);
    return event;
  }

  /**
   * Subscribes an engine to event types, or to everything with `'*'` (monitors: they see every
   * event, whatever its targets). Returns a disposable that unsubscribes.
   */
  subscribe<K extends EventType>(
    engineId: EngineId,
    eventTypes: readonly K[] | '*',
    handler: EventHandler<K>,
    options: SubscribeOptions = {}
  ): Disposable {
    return this.subscriptions.add(eventTypes, {
      engineId,
      handler: handler as EventHandler,
      receiveOwn: options.receiveOwn ?? false
    });
  }

  /**
   * Publishes an event that requires a response and resolves with every expected engine's answer
   * (a handler's return value). Expected engines are the targets, or, for a broadcast, the engines
   * subscribed to the type. Rejects with a `RequestTimeoutError` naming who did not answer.
   */
  request<K extends EventType>(input: EventInput<K>, options: RequestOptions = {}): Promise<EngineResponse[]> {
    const timeoutMs = options.timeoutMs ?? this.eventTimeoutMs;
    if (this.queue.size >= this.maxQueueSize) {
      this.counters.rejected++;
      return Promise.reject(new Error(`request ${input.eventType} refused: queue full (${this.maxQueueSize} events)`));
    }
    const event = this.log.append({ ...(input as EventInput), requiresResponse: true });
    const answers = this.requests.open(event, this.subscriptions.responders(event), timeoutMs);
    this.enqueue(event);
    return answers;
  }

  /**
   * Delivers a dead-lettered event again to the subscriber that failed on it (as a first
   * attempt, with its retries). Success publishes `dead_letter_resolved`; failure dead-letters it
   * again. False when there is no such dead letter (or it was dropped by the bound).
   */
  redeliver(eventId: string, engineId: EngineId): boolean {
    const letter = this.deadLetters.redeliver(eventId, engineId);
    if (!letter) return false;
    this.retries.schedule({ subscription: letter.subscription, event: letter.event, attempt: 1 }, 0);
    return true;
  }

  /** Drops a dead letter for good (`dead_letter_resolved`, discarded). False when there is none. */
  discardDeadLetter(eventId: string, engineId: EngineId): boolean {
    const letter = this.deadLetters.take(eventId, engineId);
    if (!letter) return false;
    this.publish({
      eventType: 'dead_letter_resolved',
      sourceEngine: EVENT_BUS_ENGINE_ID,
      correlationId: letter.event.correlationId,
      causationId: letter.event.eventId,
      data: { originalEventId: eventId, engineId, outcome: 'discarded' }
    });
    return true;
  }

  startProcessing(): void {
    if (this.disposed) throw new Error('event bus is disposed');
    if (this.processing) return;
    this.processing = true;
    this.sweeper.start();
    this.schedulePump();
  }

  /** Stops taking events off the queue, lets running handlers finish, then resolves. */
  async stopProcessing(): Promise<void> {
    this.processing = false;
    if (this.workers.active === 0) return this.sweeper.stop();
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  get isProcessing(): boolean {
    return this.processing;
  }

  /** Nothing left to do: no event queued or half delivered, no handler running, no retry waiting. */
  get isIdle(): boolean {
    return this.queue.size === 0 && this.cursorIndex >= this.cursorSubscribers.length && this.workers.active === 0 && this.retries.waiting === 0;
  }

  getStats(): EventBusStats {
    return {
      ...this.counters,
      retries: this.retries.scheduled,
      deadLetters: this.deadLetters.size,
      deadLettersDropped: this.deadLetters.dropped,
      queued: this.queue.size,
      inFlight: this.workers.active,
      evictedFromHistory: this.log.evicted
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.processing = false;
    this.retries.dispose();
    this.requests.rejectAll((event) => new Error(`event bus disposed before ${event.eventType} was answered`));
    this.subscriptions.clear();
    this.resolveIdleWaiters();
    if (this.ownsLog) this.log.dispose();
  }

  private enqueue(event: EngineEvent, now: number = performance.now()): void {
    this.counters.published++;
    if (this.queue.size >= this.maxQueueSize) {
      this.counters.rejected++;
      return;
    }
    this.queue.push(event, PRIORITY_RANK[event.priority], now);
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
      if (this.workers.active === 0) this.resolveIdleWaiters();
      return;
    }
    if (this.pumping || this.yieldPending) return;
    this.pumping = true;
    try {
      while (this.workers.hasFreeWorker) {
        if (this.deliveriesThisTurn >= DELIVERIES_PER_TURN) {
          this.yieldPending = true;
          setImmediate(this.resumeAfterYield);
          return;
        }
        const retry = this.retries.next();
        if (retry) {
          this.invoke(retry.subscription, retry.event, retry.attempt, performance.now());
          continue;
        }
        // The time an event leaves the queue is also when its first handler starts.
        let startedAt: number;
        if (this.cursorIndex < this.cursorSubscribers.length) {
          startedAt = performance.now();
          this.settledAt = -1;
        }
        else if (this.advanceCursor()) startedAt = this.dequeuedAt;
        else break;
        this.invoke(this.cursorSubscribers[this.cursorIndex++] as Subscription, this.cursorEvent as EngineEvent, 1, startedAt);
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
      // An event published after the settle (by its handler's reporting) left the queue no earlier than it entered.
      this.dequeuedAt = this.settledAt >= 0 ? Math.max(this.settledAt, this.queue.last.enqueuedAt) : performance.now();
      this.settledAt = -1;
      const waitMs = this.dequeuedAt - this.queue.last.enqueuedAt;
      this.metrics?.recordQueueWait(event.priority, waitMs);
      // Kept on the event so a causal chain can show each hop's wait (µs resolution).
      event.queueWaitMs = Math.round(waitMs * 1000) / 1000;
      const subscribers = this.subscriptions.matching(event);
      if (subscribers.length === 0) continue;
      this.cursorEvent = event;
      this.cursorSubscribers = subscribers;
      this.cursorIndex = 0;
      return true;
    }
  }

  private invoke(subscription: Subscription, event: EngineEvent, attempt: number, startedAt: number): void {
    this.deliveriesThisTurn++;
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
    const flight = this.workers.occupy(subscription, event, attempt, startedAt, startedAt + this.eventTimeoutMs);
    result.then(flight.fulfilled, flight.rejected);
  }

  /** A handler's promise settled: its worker is free; its outcome counts unless it already timed out. */
  private readonly onSettled = (flight: InFlight, fulfilled: boolean, outcome: unknown): void => {
    const endedAt = performance.now();
    this.workers.release(flight);
    if (!flight.timedOut) {
      if (fulfilled) this.onSuccess(flight.subscription, flight.event, outcome, flight.startedAt, endedAt);
      else this.onFailure(flight.subscription, flight.event, flight.attempt, outcome, flight.startedAt);
    }
    // The next event leaves the queue at this same instant: one clock read serves both.
    this.settledAt = endedAt;
    this.pump();
    this.settledAt = -1;
  };

  private onSuccess(subscription: Subscription, event: EngineEvent, value: unknown, startedAt: number, endedAt = performance.now()): void {
    this.counters.delivered++;
    this.metrics?.recordHandler(event.eventType, subscription.engineId, endedAt - startedAt);
    if (this.deadLetters.redelivered(event.eventId, subscription.engineId)) {
      this.publish({
        eventType: 'dead_letter_resolved',
        sourceEngine: EVENT_BUS_ENGINE_ID,
        correlationId: event.correlationId,
        causationId: event.eventId,
        configVersion: event.configVersion,
        data: { originalEventId: event.eventId, engineId: subscription.engineId, outcome: 'redelivered' }
      });
    }
    if (event.requiresResponse) this.requests.record(event.eventId, { engineId: subscription.engineId, ok: true, data: value });
  }

  private onFailure(subscription: Subscription, event: EngineEvent, attempt: number, error: unknown, startedAt: number): void {
    this.metrics?.recordHandlerFailure(event.eventType, subscription.engineId, performance.now() - startedAt);
    if (isTransient(error) && this.retries.allows(attempt) && !this.disposed) {
      this.retries.schedule({ subscription, event, attempt: attempt + 1 });
      return;
    }
    this.counters.failedDeliveries++;
    this.deadLetters.failed(event.eventId, subscription.engineId);
    const message = errorMessage(error);
    if (event.requiresResponse) this.requests.record(event.eventId, { engineId: subscription.engineId, ok: false, error: message });
    // A failure while handling an error event is counted but not re-published, so a broken
    // error handler cannot loop.
    if (event.eventType === 'error_occurred' || this.disposed) return;
    // A request's failure is its requester's answer; any other event is kept for redelivery.
    const deadLettered = !event.requiresResponse;
    if (deadLettered) this.deadLetters.add(subscription, event);
    this.publish({
      eventType: 'error_occurred',
      sourceEngine: EVENT_BUS_ENGINE_ID,
      priority: 'HIGH',
      correlationId: event.correlationId,
      causationId: event.eventId,
      configVersion: event.configVersion,
      data: {
        engineId: subscription.engineId,
        origin: 'handler',
        message,
        originalEventId: event.eventId,
        originalEventType: event.eventType,
        attempts: attempt,
        timedOut: error instanceof HandlerTimeoutError,
        deadLettered
      }
    });
  }

  /** A handler ran past its deadline: a failure now, though it keeps its worker until it settles. */
  private readonly onHandlerTimeout = (flight: InFlight): void => {
    this.counters.timeouts++;
    const error = new HandlerTimeoutError(flight.subscription.engineId, flight.event.eventType, this.eventTimeoutMs);
    this.onFailure(flight.subscription, flight.event, flight.attempt, error, flight.startedAt);
  };

  /** Called once the bus is stopped and no handler is running. */
  private resolveIdleWaiters(): void {
    this.sweeper.stop();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}
