import { WebSocket } from 'ws';
import type { EngineEvent, EventType } from '../../shared/events';
import { projectAll, project, type SessionState } from '../../shared/projection';
import type { SessionSync, StreamBatch, WireServerMessage } from '../../shared/protocol';
import { DROPPABLE_TYPES } from '../host/stream-batcher';

/** What one streaming client saw, checked as it arrived. */
export interface StreamClientReport {
  /** Events after its sync point that arrived twice or out of order. */
  duplicated: number;
  /** Facts (events the state depends on) that never arrived. */
  lostFacts: number;
  /** Noise skipped by the host's overload policy (counted by the host as dropped). */
  droppedNoise: number;
  /** Batches missing from the batch sequence. */
  batchGaps: number;
  received: number;
  /** How the socket closed: by this client, or by the host with a code and reason. */
  closedBy: 'client' | 'host' | 'open';
  closeCode: number | null;
  closeReason: string;
  /** Why its sync failed, when it did. */
  syncFailure: string | null;
}

/**
 * A browser-mode client over a real WebSocket: it syncs (`session.sync`), then reads the stream
 * and checks, event by event, that everything after its sync point arrives once and in order;
 * only noise may be skipped. One that `verifies` also folds what it receives with `project`,
 * so its state can be compared with the host's. A `stalled` one stops reading after the sync,
 * as a frozen tab would: the host must pause and then disconnect it.
 */
export class StreamClient {
  readonly report: StreamClientReport = {
    duplicated: 0,
    lostFacts: 0,
    droppedNoise: 0,
    batchGaps: 0,
    received: 0,
    closedBy: 'open',
    closeCode: null,
    closeReason: '',
    syncFailure: null
  };
  /** The newest seq taken in (the sync point until the stream moves past it). */
  cursor = -1;
  state: SessionState | undefined;
  private readonly ws: WebSocket;
  private held: StreamBatch[] | null = [];
  private lastBatchSeq = -1;
  private closing = false;
  readonly closed: Promise<void>;

  constructor(
    port: number,
    token: string,
    private readonly typeOf: (seq: number) => EventType | undefined,
    private readonly options: { verifies: boolean; stalled: boolean }
  ) {
    const origin = `http://127.0.0.1:${port}`;
    this.ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { headers: { Origin: origin } });
    this.ws.on('message', (raw) => this.receive(JSON.parse(raw.toString()) as WireServerMessage));
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => {
        this.report.closedBy = this.closing ? 'client' : 'host';
        this.report.closeCode = code;
        this.report.closeReason = reason.toString();
        resolve();
      });
      this.ws.on('error', () => undefined);
    });
  }

  get synced(): boolean {
    return this.held === null;
  }

  /** A stalled client reads again (the frozen tab wakes up), and learns whether it was disconnected. */
  async wake(withinMs: number): Promise<void> {
    this.ws.resume();
    await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, withinMs))]);
  }

  /** Leaves: a clean close or, as a crashed tab, a dropped connection. */
  disconnect(abruptly: boolean): Promise<void> {
    this.closing = true;
    if (abruptly) this.ws.terminate();
    else this.ws.close(1000, 'chaos client leaves');
    return this.closed;
  }

  private receive(message: WireServerMessage): void {
    if (message.kind === 'hello') {
      this.ws.send(JSON.stringify({ kind: 'invoke', id: 1, command: 'session.sync', payload: {} }));
      return;
    }
    if (message.kind === 'result') {
      const result = message.result as { ok: true; data: SessionSync } | { ok: false };
      if (message.id === 1 && result.ok) this.start(result.data);
      else this.report.syncFailure = JSON.stringify(message.result).slice(0, 200);
      return;
    }
    if (this.held) this.held.push(message.batch);
    else this.take(message.batch);
  }

  private start(sync: SessionSync): void {
    this.cursor = sync.lastSeq;
    if (this.options.verifies) this.state = projectAll(sync.events, sync.snapshot.state);
    const held = this.held ?? [];
    this.held = null;
    for (const batch of held) this.take(batch);
    // A frozen tab: nothing more is read, so the host's buffer for it fills.
    if (this.options.stalled) this.ws.pause();
  }

  private take(batch: StreamBatch): void {
    if (this.lastBatchSeq >= 0 && batch.seq !== this.lastBatchSeq + 1) this.report.batchGaps++;
    this.lastBatchSeq = batch.seq;
    for (const event of batch.events) this.takeEvent(event);
  }

  private takeEvent(event: EngineEvent): void {
    if (event.seq <= this.cursor) {
      // Before the sync point the sync already holds it; after, it is a second copy.
      if (this.report.received > 0) this.report.duplicated++;
      return;
    }
    for (let skipped = this.cursor + 1; skipped < event.seq; skipped++) {
      const type = this.typeOf(skipped);
      if (type !== undefined && DROPPABLE_TYPES.has(type)) this.report.droppedNoise++;
      else this.report.lostFacts++;
    }
    this.cursor = event.seq;
    this.report.received++;
    if (this.state) this.state = project(this.state, event);
  }
}
