import type { Disposable } from '../../shared/disposable';
import type { EngineEvent, EngineId, EventType } from '../../shared/events';
import type { EventBus } from '../core/bus/event-bus';
import type { Random } from '../engines/optimization/random';

/** How a faulty delivery fails: retried and then fine, failed for good, or never answering in time. */
type InjectedFault = 'transient' | 'permanent' | 'timeout';

/** Of the faults injected, these shares fail for good and time out; the rest are transient. */
const PERMANENT_SHARE = 0.25;
const TIMEOUT_SHARE = 0.01;

class TransientFault extends Error {
  readonly transient = true;
}

/** One audited subscriber: what it was delivered, by seq. */
export interface SubscriberRecord {
  readonly engineId: EngineId;
  /** The types it listens to (`'*'`: every event). */
  readonly eventTypes: readonly EventType[] | '*';
  /** Completed deliveries per seq (a handler that returned or resolved before its deadline). */
  completions: Uint8Array;
  /** Seqs it was delivered while listening: [fromSeq, toSeq]. */
  fromSeq: number;
  toSeq: number;
  /** Event ids its handler failed on (each fails once: its retry or redelivery succeeds), with their seq. */
  readonly failedFor: Map<string, number>;
  readonly injected: Record<InjectedFault, number>;
}

/**
 * Subscribers on the bus that record every delivery and, at `faultRate`, fail it: a transient
 * throw the bus retries, a permanent throw it dead-letters, or a handler that outlives the bus's
 * timeout (its late completion is not a delivery; the bus already gave up on it). A redelivery
 * of a dead letter succeeds, as it would once its cause was fixed. Failures on `error_occurred`
 * are not injected: the bus does not report a failure on an error report (so a broken error
 * handler cannot loop), and the audit would count it lost.
 */
export class AuditedSubscribers implements Disposable {
  readonly records: SubscriberRecord[] = [];
  private readonly subscriptions: Disposable[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly random: Random,
    private readonly faultRate: number,
    private readonly timeoutMs: number
  ) {}

  /** Starts one audited subscriber; async ones resolve on a later turn, as I/O would. */
  add(engineId: EngineId, eventTypes: readonly EventType[] | '*', async: boolean): SubscriberRecord {
    const record: SubscriberRecord = {
      engineId,
      eventTypes,
      completions: new Uint8Array(1 << 16),
      fromSeq: this.bus.log.lastSeq + 1,
      toSeq: Number.POSITIVE_INFINITY,
      failedFor: new Map(),
      injected: { transient: 0, permanent: 0, timeout: 0 }
    };
    this.records.push(record);
    const handler = (event: EngineEvent): unknown => {
      const fault = this.faultFor(record, event);
      if (fault) record.failedFor.set(event.eventId, event.seq);
      if (fault === 'transient') throw new TransientFault(`injected transient failure in ${engineId}`);
      if (fault === 'permanent') throw new Error(`injected failure in ${engineId} on ${event.eventType}`);
      if (fault === 'timeout') return new Promise((resolve) => setTimeout(resolve, this.timeoutMs * 1.5));
      if (!async) return complete(record, event.seq);
      return new Promise<void>((resolve) => setImmediate(() => resolve(complete(record, event.seq))));
    };
    this.subscriptions.push(this.bus.subscribe(engineId, eventTypes, handler));
    return record;
  }

  /** Stops listening; what was logged after `toSeq` is not expected any more. */
  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const record of this.records) record.toSeq = Math.min(record.toSeq, this.bus.log.lastSeq);
  }

  private faultFor(record: SubscriberRecord, event: EngineEvent): InjectedFault | undefined {
    if (event.eventType === 'error_occurred' || record.failedFor.has(event.eventId)) return undefined;
    if (!this.random.chance(this.faultRate)) return undefined;
    const roll = this.random.next();
    const fault: InjectedFault = roll < TIMEOUT_SHARE ? 'timeout' : roll < TIMEOUT_SHARE + PERMANENT_SHARE ? 'permanent' : 'transient';
    record.injected[fault]++;
    return fault;
  }
}

function complete(record: SubscriberRecord, seq: number): void {
  if (seq >= record.completions.length) {
    let size = record.completions.length;
    while (size <= seq) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(record.completions);
    record.completions = grown;
  }
  // Saturates at 255: any count above 1 is a duplicate.
  if (record.completions[seq] !== 255) record.completions[seq] = (record.completions[seq] as number) + 1;
}
