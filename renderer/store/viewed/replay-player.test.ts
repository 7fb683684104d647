import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { INITIAL_SESSION_STATE, type SessionState } from '../../../shared/projection';
import { makeEvent } from '../live/test-events';
import { ReplayPlayer, type ReplayProgress, type ReplaySource } from './replay-player';

/** Events 1 s apart in recorded time. */
const EVENTS: EngineEvent[] = Array.from({ length: 30 }, (_, i) =>
  makeEvent(i + 1, 'synthetic_load', { n: i }, { timestamp: 1_000_000 + i * 1000 })
);

function source(): ReplaySource & { pages: number } {
  const src = {
    pages: 0,
    stateBefore: async (): Promise<SessionState> => INITIAL_SESSION_STATE,
    page: async (afterSeq: number, limit: number) => {
      src.pages++;
      const after = EVENTS.filter((e) => e.seq > afterSeq);
      return { events: after.slice(0, limit), more: after.length > limit };
    }
  };
  return src;
}

describe('ReplayPlayer', () => {
  let shown: number[];
  let progress: ReplayProgress[];
  const sink = { show: (_: SessionState, event: EngineEvent) => shown.push(event.seq), progress: (p: ReplayProgress) => progress.push(p) };
  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
    progress = [];
  });
  afterEach(() => vi.useRealTimers());

  it('plays at the recorded pace divided by the speed, to the end of the range', async () => {
    const player = new ReplayPlayer(source(), sink, { fromSeq: 1, toSeq: 20, speed: 10 }, () => Date.now());
    await player.start();
    await vi.advanceTimersByTimeAsync(1000);
    // 1 s of wall time at 10× covers 10 s of recording: events 1–11.
    expect(shown.at(-1)).toBeGreaterThanOrEqual(10);
    expect(shown.at(-1)).toBeLessThanOrEqual(12);
    await vi.advanceTimersByTimeAsync(2000);
    expect(shown.at(-1)).toBe(20);
    expect(progress.at(-1)).toMatchObject({ seq: 20, finished: true, playing: false });
  });

  it('steps one event at a time at step speed, and resumes nothing until a speed is chosen', async () => {
    const player = new ReplayPlayer(source(), sink, { fromSeq: 5, toSeq: 30, speed: 'step' }, () => Date.now());
    await player.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown).toEqual([]);
    await player.step();
    await player.step();
    expect(shown).toEqual([5, 6]);
    player.play();
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown).toEqual([5, 6]);
    player.setSpeed(100);
    player.play();
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown.at(-1)).toBe(30);
  });

  it('stops for good: nothing is shown after stop', async () => {
    const player = new ReplayPlayer(source(), sink, { fromSeq: 1, toSeq: 30, speed: 1 }, () => Date.now());
    await player.start();
    player.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(shown).toEqual([]);
  });
});
