import type { EngineEvent } from '../../../shared/events';
import { project, type SessionState } from '../../../shared/projection';

/** Replay speeds: a multiple of the recorded pace, or one event per step. */
export const REPLAY_SPEEDS = [1, 10, 100, 'step'] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** Events read per page (`history.page` with `keep: 'oldest'`). */
export const REPLAY_PAGE_SIZE = 1000;
/** The next page is read once fewer events than this are left to fold. */
const REFILL_BELOW = 250;
const TICK_MS = 50;
/** A recorded pause longer than this (in replay time) is skipped: idle minutes would look frozen. */
const MAX_IDLE_MS = 1000;

/** Where a replay reads the recorded session. */
export interface ReplaySource {
  /** The state before the first replayed event (`session.stateAt`, or the initial state). */
  stateBefore(seq: number): Promise<SessionState>;
  /** Up to `limit` events after `afterSeq`, oldest first; `more` when others follow. */
  page(afterSeq: number, limit: number): Promise<{ events: readonly EngineEvent[]; more: boolean }>;
}

/** What a replay reports: each folded state, and its progress. */
export interface ReplaySink {
  show(state: SessionState, event: EngineEvent): void;
  progress(progress: ReplayProgress): void;
}

export interface ReplayProgress {
  /** The last event folded (fromSeq - 1 before the first). */
  seq: number;
  playing: boolean;
  finished: boolean;
  error: string | null;
}

/**
 * Plays recorded events into a state of its own, folding each with the shared `project` at the
 * recorded pace divided by the speed (or one per `step`). It only reads: nothing it folds
 * reaches the live session. Pages are read ahead while the events before them are shown.
 *
 * @example
 * const player = new ReplayPlayer(source, sink, { fromSeq: 1, toSeq: 500, speed: 10 });
 * await player.start();
 * player.pause(); player.step(); player.stop();
 */
export class ReplayPlayer {
  private buffer: EngineEvent[] = [];
  private readAfter: number;
  private exhausted = false;
  private reading: Promise<void> | null = null;
  private state: SessionState | null = null;
  private clockTs: number | null = null;
  private lastWallMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private playing = false;
  private seq: number;
  private speed: ReplaySpeed;

  constructor(
    private readonly source: ReplaySource,
    private readonly sink: ReplaySink,
    private readonly range: { fromSeq: number; toSeq: number; speed: ReplaySpeed },
    private readonly now: () => number = () => performance.now()
  ) {
    this.readAfter = range.fromSeq - 1;
    this.seq = range.fromSeq - 1;
    this.speed = range.speed;
  }

  /** Reads the starting state and the first page, then plays (or waits for `step` at 'step' speed). */
  async start(): Promise<void> {
    try {
      this.state = await this.source.stateBefore(this.range.fromSeq);
      await this.fill();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.speed === 'step') this.report();
    else this.play();
  }

  play(): void {
    if (this.stopped || this.state === null || this.isFinished() || this.speed === 'step') return;
    this.playing = true;
    this.lastWallMs = this.now();
    this.report();
    this.schedule();
  }

  pause(): void {
    this.playing = false;
    clearTimeout(this.timer);
    this.report();
  }

  setSpeed(speed: ReplaySpeed): void {
    this.speed = speed;
    if (speed === 'step') this.pause();
  }

  /** Folds exactly the next event (pausing first). */
  async step(): Promise<void> {
    if (this.playing) this.pause();
    if (this.buffer.length === 0 && !this.exhausted) await this.refill();
    const next = this.buffer.shift();
    if (next) this.fold([next]);
    this.report();
  }

  stop(): void {
    this.stopped = true;
    this.playing = false;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    if (!this.playing || this.stopped) return;
    const speed = this.speed === 'step' ? 0 : this.speed;
    const wall = this.now();
    const next = this.buffer[0];
    if (next) {
      this.clockTs ??= next.timestamp;
      this.clockTs += (wall - this.lastWallMs) * speed;
      if (next.timestamp - this.clockTs > MAX_IDLE_MS * speed) this.clockTs = next.timestamp;
      let due = 0;
      while (due < this.buffer.length && (this.buffer[due] as EngineEvent).timestamp <= this.clockTs) due++;
      if (due > 0) this.fold(this.buffer.splice(0, due));
    }
    this.lastWallMs = wall;
    if (this.buffer.length < REFILL_BELOW && !this.exhausted) void this.refill();
    if (this.isFinished()) {
      this.playing = false;
      this.report();
      return;
    }
    this.schedule();
  }

  private fold(events: readonly EngineEvent[]): void {
    let state = this.state as SessionState;
    for (const event of events) state = project(state, event);
    this.state = state;
    const last = events.at(-1) as EngineEvent;
    this.seq = last.seq;
    this.sink.show(state, last);
    this.report();
  }

  private isFinished(): boolean {
    return this.exhausted && this.buffer.length === 0;
  }

  private refill(): Promise<void> {
    this.reading ??= this.fill()
      .catch((error: unknown) => this.fail(error))
      .finally(() => (this.reading = null));
    return this.reading;
  }

  private async fill(): Promise<void> {
    const wanted = Math.min(REPLAY_PAGE_SIZE, this.range.toSeq - this.readAfter);
    if (wanted <= 0) {
      this.exhausted = true;
      return;
    }
    const page = await this.source.page(this.readAfter, wanted);
    const events = page.events.filter((e) => e.seq <= this.range.toSeq);
    this.buffer.push(...events);
    this.readAfter = events.at(-1)?.seq ?? this.range.toSeq;
    if (!page.more || events.length === 0 || this.readAfter >= this.range.toSeq) this.exhausted = true;
  }

  private fail(error: unknown): void {
    this.stop();
    this.sink.progress({ seq: this.seq, playing: false, finished: false, error: error instanceof Error ? error.message : String(error) });
  }

  private report(): void {
    if (this.stopped) return;
    this.sink.progress({ seq: this.seq, playing: this.playing, finished: this.isFinished(), error: null });
  }
}
