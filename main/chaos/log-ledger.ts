import type { Disposable } from '../../shared/disposable';
import { EVENT_TYPES, type EngineEvent, type EngineId, type EventType } from '../../shared/events';
import type { EventLog } from '../core/log/event-log';

const TYPE_CODE = new Map<EventType, number>(EVENT_TYPES.map((type, i) => [type, i]));

/** A handler failure the bus gave up on, as its `error_occurred` event reported it. */
export interface ReportedDeadLetter {
  engineId: EngineId;
  originalEventId: string;
  message: string;
  timedOut: boolean;
}

/** Time an engine spent failed before its supervisor restarted it. */
export interface Downtime {
  engineId: EngineId;
  fromMs: number;
  toMs: number;
  failures: number;
}

/**
 * What a chaos run needs to know of every event ever logged, kept compactly: the log itself
 * keeps only a window. The type of each seq (to tell a stream's dropped noise from a lost fact),
 * the dead letters and their resolutions, duplicated engine outputs, and each engine's downtimes.
 */
export class LogLedger implements Disposable {
  private types = new Uint8Array(1 << 16);
  private firstSeq = 0;
  private lastSeq = 0;
  readonly counts = new Map<EventType, number>();
  readonly deadLetters: ReportedDeadLetter[] = [];
  readonly resolved: { originalEventId: string; engineId: EngineId; outcome: string }[] = [];
  /** Engine outputs for a (version, cause) that already had one. */
  duplicatedOutputs = 0;
  readonly downtimes: Downtime[] = [];
  givenUp = 0;
  private readonly outputsSeen = new Map<EngineId, Map<number, Set<string>>>();
  private readonly downSince = new Map<EngineId, { at: number; failures: number }>();
  private readonly subscription: Disposable;

  constructor(log: EventLog) {
    this.subscription = log.onDidAppend((event) => this.record(event));
  }

  /** The type of the event numbered `seq`, if it was logged while the ledger listened. */
  typeOf(seq: number): EventType | undefined {
    if (seq < this.firstSeq || seq > this.lastSeq) return undefined;
    return EVENT_TYPES[this.types[seq - this.firstSeq] as number];
  }

  get eventCount(): number {
    return this.firstSeq === 0 ? 0 : this.lastSeq - this.firstSeq + 1;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private record(event: EngineEvent): void {
    if (this.firstSeq === 0) this.firstSeq = event.seq;
    this.lastSeq = event.seq;
    const index = event.seq - this.firstSeq;
    if (index >= this.types.length) {
      const grown = new Uint8Array(this.types.length * 2);
      grown.set(this.types);
      this.types = grown;
    }
    this.types[index] = TYPE_CODE.get(event.eventType) as number;
    this.counts.set(event.eventType, (this.counts.get(event.eventType) ?? 0) + 1);
    switch (event.eventType) {
      case 'error_occurred': {
        const data = (event as EngineEvent<'error_occurred'>).data;
        if (data.deadLettered && data.originalEventId) {
          this.deadLetters.push({ engineId: data.engineId, originalEventId: data.originalEventId, message: data.message, timedOut: data.timedOut === true });
        }
        break;
      }
      case 'dead_letter_resolved':
        this.resolved.push({ ...(event as EngineEvent<'dead_letter_resolved'>).data });
        break;
      case 'engine_output':
        this.recordOutput(event as EngineEvent<'engine_output'>);
        break;
      case 'engine_status_changed':
        this.recordStatus(event as EngineEvent<'engine_status_changed'>);
        break;
      case 'engine_restarted':
        this.recordRestart(event as EngineEvent<'engine_restarted'>);
        break;
    }
  }

  private recordOutput(event: EngineEvent<'engine_output'>): void {
    const { engineId, version } = event.data;
    let byVersion = this.outputsSeen.get(engineId);
    if (!byVersion) this.outputsSeen.set(engineId, (byVersion = new Map()));
    let causes = byVersion.get(version);
    if (!causes) {
      byVersion.set(version, (causes = new Set()));
      // Only recent versions can still be computed again: older ones are forgotten.
      for (const old of byVersion.keys()) if (old < version - 16) byVersion.delete(old);
    }
    const cause = event.causationId ?? '';
    if (causes.has(cause)) this.duplicatedOutputs++;
    causes.add(cause);
  }

  private recordStatus(event: EngineEvent<'engine_status_changed'>): void {
    const { engineId, status, final } = event.data;
    if (status !== 'failed') return;
    if (final) {
      // Given up by its policy: down until a user restarts it, which the policy allows.
      this.givenUp++;
      this.downSince.delete(engineId);
      return;
    }
    const down = this.downSince.get(engineId);
    if (down) down.failures++;
    else this.downSince.set(engineId, { at: event.timestamp, failures: 1 });
  }

  private recordRestart(event: EngineEvent<'engine_restarted'>): void {
    const down = this.downSince.get(event.data.engineId);
    if (!down) return;
    this.downSince.delete(event.data.engineId);
    this.downtimes.push({ engineId: event.data.engineId, fromMs: down.at, toMs: event.timestamp, failures: down.failures });
  }
}
