import type { EngineEvent } from '../../shared/events';
import type { StreamBatch } from '../../shared/protocol';
import type { Bridge } from '../bridge/bridge';

/** Events of the host's history shown when the window opens (the host keeps 10,000). */
export const HISTORY_SEED_LIMIT = 2000;
/** How long events that came from history are filtered out of the stream (they may still be in flight). */
const DUPLICATE_WINDOW_MS = 5000;

/**
 * Fills the timeline with what happened before this client connected (or while it was
 * disconnected): holds the stream while `history.query` runs, adds the history events the
 * stream will not bring, then releases the held batches. Events already shown, or coming in
 * the stream, are not shown twice.
 */
export class HistorySeed {
  private held: StreamBatch[] | null = null;
  private fromHistory = new Set<string>();
  private fromHistoryUntil = 0;

  /** Takes a stream batch: held while seeding, otherwise returned (minus history duplicates). */
  accept(batch: StreamBatch): StreamBatch | undefined {
    if (this.held) {
      this.held.push(batch);
      return undefined;
    }
    return this.withoutDuplicates(batch);
  }

  /**
   * Loads history since `newest` (the last event shown; everything up to the limit on a first
   * connection) and hands the events to `show`, then replays the held batches to `release`.
   */
  async seed(
    bridge: Bridge,
    newest: EngineEvent | undefined,
    knownIds: (sinceTimestamp: number) => ReadonlySet<string>,
    show: (events: EngineEvent[]) => void,
    release: (batch: StreamBatch) => void
  ): Promise<void> {
    this.held = [];
    const result = await bridge.invoke('history.query', newest ? { since: newest.timestamp } : { limit: HISTORY_SEED_LIMIT });
    const held = this.held;
    this.held = null;
    if (result.ok) {
      const known = newest ? knownIds(newest.timestamp) : new Set<string>();
      const streamed = new Set(held.flatMap((b) => b.events.map((e) => e.eventId)));
      const events = result.data.events.filter((e) => !known.has(e.eventId) && !streamed.has(e.eventId));
      this.fromHistory = new Set(events.map((e) => e.eventId));
      this.fromHistoryUntil = Date.now() + DUPLICATE_WINDOW_MS;
      if (events.length > 0) show(events);
    }
    for (const batch of held) release(batch);
  }

  private withoutDuplicates(batch: StreamBatch): StreamBatch {
    if (this.fromHistory.size === 0) return batch;
    if (Date.now() > this.fromHistoryUntil) {
      this.fromHistory = new Set();
      return batch;
    }
    const events = batch.events.filter((e) => !this.fromHistory.has(e.eventId));
    return events.length === batch.events.length ? batch : { ...batch, events };
  }
}
