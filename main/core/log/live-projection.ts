import type { Disposable } from '../../../shared/disposable';
import type { EngineEvent } from '../../../shared/events';
import { INITIAL_SESSION_STATE, project, type SessionSnapshot, type SessionState } from '../../../shared/projection';
import type { SessionSync } from '../../../shared/protocol/session-commands';
import { RingBuffer } from '../../../shared/ring-buffer';
import type { EventLog } from './event-log';

export interface LiveProjectionOptions {
  /** A snapshot is kept every this many events. Default 1000. */
  snapshotEvery?: number;
  /** Snapshots kept (oldest dropped first). Default 8. */
  snapshotsKept?: number;
  /** The state to continue from (a recovered session). Default: the initial state. */
  from?: SessionState;
}


/**
 * The session state as the log is written: every appended event is folded in with `project`, so
 * `state` is always the projection of the whole log. Every `snapshotEvery` events the state is
 * kept as a snapshot (a reference: states are immutable), so a client can rebuild from the nearest
 * snapshot plus the events after it — with the same function.
 */
export class LiveProjection implements Disposable {
  private current: SessionState;
  private readonly snapshots: RingBuffer<SessionSnapshot>;
  private readonly snapshotEvery: number;
  private readonly subscription: Disposable;

  constructor(
    private readonly log: EventLog,
    options: LiveProjectionOptions = {}
  ) {
    this.current = options.from ?? INITIAL_SESSION_STATE;
    this.snapshotEvery = options.snapshotEvery ?? 1000;
    this.snapshots = new RingBuffer(options.snapshotsKept ?? 8);
    this.snapshots.push(snapshotOf(this.current));
    this.subscription = log.onDidAppend((event) => this.fold(event));
  }

  get state(): SessionState {
    return this.current;
  }

  /**
   * The newest snapshot whose following events are all still in the log's window, and those
   * events. Folding them onto the snapshot gives `state`.
   */
  sync(): SessionSync {
    const oldestHeld = this.log.lastSeq - this.log.size + 1;
    for (let i = this.snapshots.size - 1; i >= 0; i--) {
      const snapshot = this.snapshots.at(i) as SessionSnapshot;
      if (snapshot.seq >= oldestHeld - 1) return { snapshot, events: this.log.query({ afterSeq: snapshot.seq }), lastSeq: this.log.lastSeq };
    }
    return { snapshot: { format: 'flightdeck-snapshot/1', seq: this.log.lastSeq, state: this.current }, events: [], lastSeq: this.log.lastSeq };
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private fold(event: EngineEvent): void {
    this.current = project(this.current, event);
    if (event.seq % this.snapshotEvery === 0) this.snapshots.push({ format: 'flightdeck-snapshot/1', seq: event.seq, state: this.current });
  }
}

function snapshotOf(state: SessionState): SessionSnapshot {
  return { format: 'flightdeck-snapshot/1', seq: state.seq, state };
}
