import type { EngineEvent } from '../../../shared/events';
import { projectAll, type SessionState } from '../../../shared/projection';
import type { StreamBatch } from '../../../shared/protocol';
import type { Bridge } from '../../bridge/bridge';

/** Events of the host's log shown in the timeline when the window first connects. */
export const HISTORY_SEED_LIMIT = 2000;

/** Where a `SessionFeed` delivers what it learns. */
export interface SessionFeedSink {
  /** The session rebuilt from `session.sync` (replaces any state held before). */
  rebuilt(state: SessionState): void;
  /** A rebuild or history query failed; the stream is delivered anyway. */
  failed(message: string): void;
  /** The seq of the newest event the timeline holds (0 when empty). */
  timelineLastSeq(): number;
  /** Log events the timeline has not seen; `restarted` when the host's log started over. */
  history(events: readonly EngineEvent[], restarted: boolean): void;
  /** One stream batch, in order, after the rebuild it followed. */
  batch(batch: StreamBatch): void;
}

/**
 * Keeps a client in step with the host's log. On every (re)connection `rebuild` holds the
 * incoming stream, rebuilds the session from `session.sync` (the snapshot's state with the
 * events after it folded in by `project`), asks `history.query` for the log events the timeline
 * lacks (the newest `HISTORY_SEED_LIMIT` on a first connection, everything after the last seq
 * held after a reconnect), then releases the held batches. Events are identified by seq, so an
 * overlap between the sync, the history and the stream changes nothing.
 *
 * @example
 * const feed = new SessionFeed(bridge, sink);
 * bridge.onStream((batch) => feed.accept(batch));
 * bridge.onConnection((info) => { if (info.state === 'open') void feed.rebuild(); });
 */
export class SessionFeed {
  private held: StreamBatch[] | null = null;
  private generation = 0;

  constructor(
    private readonly bridge: Bridge,
    private readonly sink: SessionFeedSink
  ) {}

  /** Takes a stream batch: held while a rebuild runs, delivered at once otherwise. */
  accept(batch: StreamBatch): void {
    if (this.held) this.held.push(batch);
    else this.sink.batch(batch);
  }

  /** Rebuilds the session and fills the timeline; a later call supersedes one in flight. */
  async rebuild(): Promise<void> {
    const generation = ++this.generation;
    this.held ??= [];
    const sync = await this.bridge.invoke('session.sync', {});
    if (generation !== this.generation) return;
    let restarted = false;
    if (sync.ok) {
      const state = projectAll(sync.data.events, sync.data.snapshot.state);
      // A log shorter than what the timeline holds is a new session (the host restarted).
      restarted = sync.data.lastSeq < this.sink.timelineLastSeq();
      this.sink.rebuilt(state);
    } else {
      this.sink.failed(`session.sync failed: ${sync.error.message}`);
    }
    const lastSeq = restarted ? 0 : this.sink.timelineLastSeq();
    let history = await this.bridge.invoke('history.query', lastSeq > 0 ? { afterSeq: lastSeq, limit: HISTORY_SEED_LIMIT } : { limit: HISTORY_SEED_LIMIT });
    // A gap longer than one seed's worth: the timeline starts over from the newest events.
    const gapTooLong = lastSeq > 0 && history.ok && history.data.nextAfterSeq !== null;
    if (gapTooLong) history = await this.bridge.invoke('history.query', { limit: HISTORY_SEED_LIMIT });
    if (generation !== this.generation) return;
    if (!history.ok) this.sink.failed(`history.query failed: ${history.error.message}`);
    this.sink.history(history.ok ? history.data.events : [], restarted || gapTooLong);
    const held = this.held ?? [];
    this.held = null;
    for (const batch of held) this.sink.batch(batch);
  }
}
