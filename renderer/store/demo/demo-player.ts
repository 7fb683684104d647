import type { DemoScript, DemoStep } from '../../../shared/demo/demo-script';
import type { EngineEvent } from '../../../shared/events';

/** What the player does to the app: the store implements it, tests fake it. */
export interface DemoEffects {
  /** Runs an action step (a command through the bridge); resolves to an error message, or null when it went well. */
  run(step: DemoStep): Promise<string | null>;
  /** Shows a tab, an engine and a panel of the tab (null: leave as it is). */
  showView(view: DemoView): void;
  /** The newest seq the window holds. */
  newestSeq(): number;
  /** Calls `found` once an event after `afterSeq` passes `match` (one held already, or one arriving); returns a cancel. */
  watchEvents(afterSeq: number, match: (event: EngineEvent) => boolean, found: () => void): () => void;
}

export type DemoStatus = 'ready' | 'running' | 'waiting' | 'holding' | 'finished';

/** The player as the demo bar shows it. */
export interface DemoSnapshot {
  /** The step shown (-1 before the first). */
  index: number;
  status: DemoStatus;
  /** Auto-advance is off: the presenter moves on (→), or resumes (p). */
  paused: boolean;
  caption: string | null;
  /** Why the current step stopped the demo (a failed command, a wait that timed out). */
  error: string | null;
}

/** What a demo shows besides its caption: a tab, an engine, a panel of the tab (null: as it is). */
export interface DemoView {
  tab: string | null;
  engine: string | null;
  panel: string | null;
}

const NO_VIEW: DemoView = { tab: null, engine: null, panel: null };

/** The caption and view in effect once step `index` has run: what "previous" shows again. */
export function viewAtStep(steps: readonly DemoStep[], index: number): DemoView & { caption: string | null } {
  let caption: string | null = null;
  let view = NO_VIEW;
  for (const step of steps.slice(0, index + 1)) {
    if (step.action === 'caption') caption = step.params.text;
    // A new tab starts at its top.
    else if (step.action === 'selectTab') view = { ...view, tab: step.params, panel: null };
    else if (step.action === 'selectEngine') view = { ...view, engine: step.params };
    else if (step.action === 'showPanel') view = { ...view, panel: step.params };
  }
  return { caption, ...view };
}

/** How a `waitForEvent` step recognises its event. */
function matcher(params: Extract<DemoStep, { action: 'waitForEvent' }>['params']): (event: EngineEvent) => boolean {
  return (event) => event.eventType === params.type && (params.source === undefined || event.sourceEngine === params.source);
}

function describeStep(index: number, step: DemoStep): string {
  return `step ${index + 1} (${step.action})`;
}

/**
 * Plays a demo script: runs a step, pauses (`pauseMs` × pacing; a caption holds `holdMs`), runs
 * the next. `next` skips the pause or wait and runs the next step now; `previous` shows the
 * previous step's caption and view again and pauses — it undoes nothing the steps did, and
 * `next` from there runs the following step again. A failed step or a wait that times out
 * pauses the demo with an error: `togglePause` retries the step, `next` skips it.
 *
 * @example
 * const player = new DemoPlayer(script, effects, (snapshot) => render(snapshot));
 * player.start();
 */
export class DemoPlayer {
  private snapshot: DemoSnapshot = { index: -1, status: 'ready', paused: false, caption: null, error: null };
  /** Bumped whenever the presenter moves: a step finishing late then changes nothing. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cancelWatch: (() => void) | undefined;
  /** `waitForEvent` looks at events after the newest seq when the last action step started. */
  private markSeq = 0;

  constructor(
    readonly script: DemoScript,
    private readonly effects: DemoEffects,
    private readonly onChange: (snapshot: DemoSnapshot) => void,
    private readonly pacing: () => number = () => 1
  ) {}

  get state(): DemoSnapshot {
    return this.snapshot;
  }

  start(): void {
    this.markSeq = this.effects.newestSeq();
    this.update({ index: -1, paused: false, error: null, caption: null });
    this.advance();
  }

  next(): void {
    if (this.snapshot.status === 'finished') return;
    this.update({ error: null });
    this.advance();
  }

  previous(): void {
    if (this.snapshot.index <= 0) return;
    this.interrupt();
    const index = this.snapshot.index - 1;
    const view = viewAtStep(this.script.steps, index);
    this.effects.showView({ tab: view.tab, engine: view.engine, panel: view.panel });
    this.update({ index, status: 'holding', paused: true, caption: view.caption, error: null });
  }

  togglePause(): void {
    if (this.snapshot.status === 'finished') return;
    if (!this.snapshot.paused) {
      clearTimeout(this.timer);
      this.update({ paused: true });
      return;
    }
    this.update({ paused: false });
    const step = this.script.steps[this.snapshot.index];
    if (this.snapshot.error !== null && step) {
      this.update({ error: null });
      this.execute(this.snapshot.index, step);
    } else if (this.snapshot.status === 'holding') {
      this.scheduleAdvance(this.script.pauseMs);
    }
  }

  dispose(): void {
    this.interrupt();
  }

  private advance(): void {
    this.interrupt();
    const index = this.snapshot.index + 1;
    const step = this.script.steps[index];
    if (!step) {
      this.update({ status: 'finished', paused: false });
      return;
    }
    this.execute(index, step);
  }

  private execute(index: number, step: DemoStep): void {
    const generation = this.generation;
    const current = (): boolean => generation === this.generation;
    switch (step.action) {
      case 'caption':
        this.update({ index, status: 'holding', caption: step.params.text });
        this.scheduleAdvance(step.params.holdMs ?? this.script.pauseMs);
        return;
      case 'selectTab':
      case 'selectEngine':
      case 'showPanel':
        this.effects.showView(
          step.action === 'selectTab' ? { ...NO_VIEW, tab: step.params } : step.action === 'selectEngine' ? { ...NO_VIEW, engine: step.params } : { ...NO_VIEW, panel: step.params }
        );
        this.update({ index });
        this.afterStep(step);
        return;
      case 'waitForEvent': {
        this.update({ index, status: 'waiting' });
        const timeout = setTimeout(() => {
          if (!current()) return;
          this.cancelWatch?.();
          const source = step.params.source ? ` from ${step.params.source}` : '';
          this.fail(`${describeStep(index, step)}: no ${step.params.type}${source} within ${step.params.timeoutMs} ms`);
        }, step.params.timeoutMs);
        this.cancelWatch = this.effects.watchEvents(this.markSeq, matcher(step.params), () => {
          clearTimeout(timeout);
          if (current()) this.afterStep(step);
        });
        const cancel = this.cancelWatch;
        this.cancelWatch = () => {
          clearTimeout(timeout);
          cancel();
        };
        return;
      }
      default:
        this.markSeq = this.effects.newestSeq();
        this.update({ index, status: 'running' });
        void this.effects.run(step).then(
          (error) => {
            if (!current()) return;
            if (error === null) this.afterStep(step);
            else this.fail(`${describeStep(index, step)}: ${error}`);
          },
          (error: unknown) => {
            if (current()) this.fail(`${describeStep(index, step)}: ${error instanceof Error ? error.message : String(error)}`);
          }
        );
    }
  }

  private afterStep(step: DemoStep): void {
    this.update({ status: 'holding' });
    this.scheduleAdvance(step.pauseMs ?? this.script.pauseMs);
  }

  private scheduleAdvance(pauseMs: number): void {
    clearTimeout(this.timer);
    if (this.snapshot.paused) return;
    this.timer = setTimeout(() => this.advance(), pauseMs * this.pacing());
  }

  private fail(error: string): void {
    this.update({ status: 'holding', paused: true, error });
  }

  /** Stops what the current step waits for; its late result is ignored. */
  private interrupt(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.cancelWatch?.();
    this.cancelWatch = undefined;
  }

  private update(partial: Partial<DemoSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...partial };
    this.onChange(this.snapshot);
  }
}
