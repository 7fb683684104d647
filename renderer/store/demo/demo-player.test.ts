import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDemoScript, type DemoScript, type DemoStep } from '../../../shared/demo/demo-script';
import type { EngineEvent } from '../../../shared/events';
import { DemoPlayer, viewAtStep, type DemoEffects, type DemoSnapshot, type DemoView } from './demo-player';

function script(yaml: string): DemoScript {
  const parsed = parseDemoScript(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.script;
}

/** A bridge stand-in: records the steps run and the views shown, and delivers events on demand. */
class FakeEffects implements DemoEffects {
  readonly ran: DemoStep['action'][] = [];
  readonly views: DemoView[] = [];
  failWith: string | null = null;
  private seq = 10;
  private held: EngineEvent[] = [];
  private watchers: { afterSeq: number; match: (e: EngineEvent) => boolean; found: () => void }[] = [];

  run(step: DemoStep): Promise<string | null> {
    this.ran.push(step.action);
    return Promise.resolve(this.failWith);
  }
  showView(view: DemoView): void {
    this.views.push(view);
  }
  newestSeq(): number {
    return this.seq;
  }
  watchEvents(afterSeq: number, match: (e: EngineEvent) => boolean, found: () => void): () => void {
    if (this.held.some((e) => e.seq > afterSeq && match(e))) {
      found();
      return () => undefined;
    }
    const watcher = { afterSeq, match, found };
    this.watchers.push(watcher);
    return () => (this.watchers = this.watchers.filter((w) => w !== watcher));
  }
  emit(eventType: string, sourceEngine: string): void {
    const event = { seq: ++this.seq, eventType, sourceEngine } as unknown as EngineEvent;
    this.held.push(event);
    for (const w of [...this.watchers]) if (event.seq > w.afterSeq && w.match(event)) w.found();
  }
}

const FAULT_DEMO = `
name: fault
pauseMs: 1000
steps:
  - caption: { text: Healthy, holdMs: 2000 }
  - selectTab: actions
  - injectFault: { engine: propulsion, kind: crash }
  - waitForEvent: { type: engine_restarted, source: propulsion, timeoutMs: 5000 }
  - caption: Recovered
`;

describe('DemoPlayer', () => {
  let effects: FakeEffects;
  let seen: DemoSnapshot[];
  const play = (yaml: string, pacing = 1): DemoPlayer => {
    const player = new DemoPlayer(script(yaml), effects, (s) => seen.push(s), () => pacing);
    player.start();
    return player;
  };
  beforeEach(() => {
    vi.useFakeTimers();
    effects = new FakeEffects();
    seen = [];
  });
  afterEach(() => vi.useRealTimers());

  it('plays every step with its pause and finishes', async () => {
    const player = play(FAULT_DEMO);
    expect(player.state).toMatchObject({ index: 0, caption: 'Healthy', status: 'holding' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(player.state.index).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(player.state.index).toBe(1);
    expect(effects.views).toEqual([{ tab: 'actions', engine: null, panel: null }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(effects.ran).toEqual(['injectFault']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(player.state).toMatchObject({ index: 3, status: 'waiting' });
    effects.emit('engine_restarted', 'design');
    expect(player.state.status).toBe('waiting');
    effects.emit('engine_restarted', 'propulsion');
    expect(player.state.status).toBe('holding');
    await vi.advanceTimersByTimeAsync(1000);
    expect(player.state).toMatchObject({ index: 4, caption: 'Recovered' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(player.state.status).toBe('finished');
  });

  it('scales pauses by the pacing', async () => {
    const player = play(FAULT_DEMO, 0.1);
    await vi.advanceTimersByTimeAsync(200);
    expect(player.state.index).toBe(1);
  });

  it('next skips the hold; previous restores the earlier caption and view and pauses', async () => {
    const player = play(FAULT_DEMO);
    player.next();
    player.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(player.state.index).toBe(2);
    expect(effects.ran).toEqual(['injectFault']);
    player.previous();
    expect(player.state).toMatchObject({ index: 1, paused: true, caption: 'Healthy' });
    expect(effects.views.at(-1)).toEqual({ tab: 'actions', engine: null, panel: null });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(player.state.index).toBe(1);
    player.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(effects.ran).toEqual(['injectFault', 'injectFault']);
  });

  it('pause stops auto-advance; resume continues after the pause', async () => {
    const player = play(FAULT_DEMO);
    player.togglePause();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(player.state).toMatchObject({ index: 0, paused: true });
    player.togglePause();
    await vi.advanceTimersByTimeAsync(1000);
    expect(player.state.index).toBe(1);
  });

  it('a wait that times out pauses with an error naming the step; resume retries it', async () => {
    const player = play(FAULT_DEMO);
    player.next();
    player.next();
    await vi.advanceTimersByTimeAsync(1000);
    expect(player.state.status).toBe('waiting');
    await vi.advanceTimersByTimeAsync(5000);
    expect(player.state).toMatchObject({ index: 3, paused: true, error: 'step 4 (waitForEvent): no engine_restarted from propulsion within 5000 ms' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(player.state.index).toBe(3);
    player.togglePause();
    expect(player.state).toMatchObject({ status: 'waiting', error: null });
    effects.emit('engine_restarted', 'propulsion');
    expect(player.state.status).toBe('holding');
  });

  it('a wait is met by an event that arrived during the previous step', async () => {
    const player = play(FAULT_DEMO);
    player.next();
    player.next();
    await vi.advanceTimersByTimeAsync(0);
    effects.emit('engine_restarted', 'propulsion');
    await vi.advanceTimersByTimeAsync(1000);
    expect(player.state).toMatchObject({ index: 3, status: 'holding' });
  });

  it('a failed command pauses with its message; next skips it', async () => {
    effects.failWith = 'engine.fault refused';
    const player = play(FAULT_DEMO);
    player.next();
    player.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(player.state).toMatchObject({ index: 2, paused: true, error: 'step 3 (injectFault): engine.fault refused' });
    player.next();
    expect(player.state).toMatchObject({ index: 3, status: 'waiting', error: null });
  });
});

describe('viewAtStep', () => {
  it('takes the last caption, tab, engine and panel up to the step; a new tab forgets the panel', () => {
    const { steps } = script('name: x\nsteps:\n  - caption: a\n  - selectTab: actions\n  - selectEngine: propulsion\n  - showPanel: Optimization\n  - caption: b\n  - selectTab: timeline\n');
    expect(viewAtStep(steps, 3)).toEqual({ caption: 'a', tab: 'actions', engine: 'propulsion', panel: 'Optimization' });
    expect(viewAtStep(steps, 5)).toEqual({ caption: 'b', tab: 'timeline', engine: 'propulsion', panel: null });
  });
});
