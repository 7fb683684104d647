import type { EngineEvent, EngineId } from '../../shared/events';
import { INITIAL_SESSION_STATE, project, type SessionState } from '../../shared/projection';

/** Where the recompute path checked the consistency rules in a recorded session. */
export interface RecordedCheck {
  /** The engine checked: it computed, failed, or was blocked. */
  engineId: EngineId;
  kind: 'computed' | 'failed' | 'blocked';
  /** The `engine_output`, or the `engine_status_changed` (failed, blocked). */
  event: EngineEvent;
  /**
   * Engines whose outcome the state already holds but whose own check had not run yet: the
   * recompute path still counted them as computing (not yet `reported`), so not settled.
   */
  computing: ReadonlySet<EngineId>;
}

export interface RecordedCheckListener {
  /** The recompute path checked here; `state` is the session as that check saw it. */
  check(check: RecordedCheck, state: SessionState): void;
  /** The recording's events of that check are folded in: `state` is as the recording stood right after it. */
  checked(check: RecordedCheck, state: SessionState): void;
}

/** An outcome the recompute path checks after: a computation that published outputs or a failure. */
interface Outcome {
  engineId: EngineId;
  kind: 'computed' | 'failed';
  event: EngineEvent;
  /** The causation its check publishes under: the output itself, or what the failed computation was for. */
  causeId: string;
  /** Whether its check published something, further on in the turn. */
  shows: boolean;
  /** Whether it computed because it was invalidated (not behind the version): its dependents may have been computing. */
  invalidated: boolean;
}

/** An engine's last check: what its dependents' computations show ran before them. */
interface LastCheck {
  outcome: Outcome;
  /** The outcomes pending then: their checks ran before its computation ended. */
  computing: ReadonlySet<EngineId>;
}

/** A located check whose recorded events are being folded. */
interface OpenCheck {
  check: RecordedCheck;
  outcome: Outcome;
  /** False while its invalidations come in: the check runs after them. */
  ran: boolean;
}

/** Events only a user's action or a timer publishes (a new turn): no check is still due then. */
const NEW_TURN: ReadonlySet<string> = new Set(['session_started', 'session_stopped', 'configuration_changed', 'fault_injected', 'rule_added', 'rule_updated', 'rule_removed', 'engine_restarted']);

/** What an engine emits while it computes (`EngineEmittedType`). */
const EMITTED: ReadonlySet<string> = new Set(['module_added', 'module_removed', 'material_updated']);

/**
 * Folds a recorded session's events into its state and says where the recompute path checked
 * the rules, with the state that check saw and the recorded state right after it.
 *
 * The log does not record checks. They are placed from how `main/core/coordinator/recompute.ts`
 * is built rather than from how long anything took:
 * - A check runs in the microtask queued as its outcome is published (the path's `.then` on the
 *   runner's promise, settled in the step that publishes), and microtasks run in the order queued.
 *   So checks run in the order of their outcomes, and a computation's end — which runs the walk
 *   (starts, blocks) — comes after the checks of every outcome published before its own check.
 * - At a check, an engine whose outcome is published but whose check has not run is computing
 *   (not `reported`): `computing` is the outcomes before the check whose checks come after it;
 *   every other engine is settled or not as its status says.
 * - A check's events are contiguous: the engine's invalidations (caused by its output), then its
 *   violations (under the check's cause, each for a pair with the engine). A blocked engine's
 *   check follows its status at once, its violations under the status' cause.
 * A check that published something (known by looking ahead to the end of the turn) is placed
 * exactly. A silent one is placed as late as these allow: before the next placed check, before its
 * engine computes again, before a computation that computes from its output or had to wait for it
 * (a dependency that was behind the version), and before the first event of a new turn.
 *
 * Assumed: (1) nothing of a new turn (a user's action, a timer) comes between an outcome and its
 * check — untrue when a configuration change queued behind another starts as that one resolves,
 * which it does once the state shows every engine done, possibly before its last checks and the
 * recomputations their invalidations start. (2) The walk that blocks a failed engine's dependents
 * runs as the first computation checked after the failure ends. (3) Placed late, a silent check
 * is not moved past an outcome it preceded. (2) and (3) hold when every computation takes the same
 * number of microtask steps, as the synchronous engines' do; where they fail, a pair between two
 * engines is judged at the other one's check, on the same outputs — but for a failure that
 * re-blocks engines through the projection (no event), past which a pair is judged that the path
 * never judged. A crash injected into a computing engine shows it failed while the path still
 * counts it computing.
 *
 * @example
 * const checks = new RecordedChecks({ check: (c, state) => judge.check(c, state), checked: () => undefined });
 * for (const event of recording) checks.push(event);
 * checks.finish();
 */
export class RecordedChecks {
  private current: SessionState = INITIAL_SESSION_STATE;
  /** Outcomes whose checks have not run yet, in log order: the order the checks run. */
  private readonly pending: Outcome[] = [];
  private open: OpenCheck | undefined;
  /** A blocked engine's status and its check's violations, held until the check ends (they tell which checks ran before it). */
  private blocked: { event: EngineEvent<'engine_status_changed'>; violations: EngineEvent[] } | undefined;
  /** Each engine's last check this turn. */
  private readonly lastCheck = new Map<EngineId, LastCheck>();
  /** Each failure this turn, with the outcomes pending at the first check after it (undefined until then): checked before the walk it ends. */
  private readonly failures = new Map<EngineId, ReadonlySet<EngineId> | undefined>();
  private turn: EngineEvent[] = [];

  constructor(private readonly listener: RecordedCheckListener) {}

  /** The recorded state so far: a turn's events are folded in once the turn is over (or at `finish`). */
  get state(): SessionState {
    return this.current;
  }

  /** Takes the next recorded event, in log order. */
  push(event: EngineEvent): void {
    if (startsTurn(event)) this.takeTurn();
    this.turn.push(event);
  }

  /** Runs the checks still due after the last event. */
  finish(): void {
    this.takeTurn();
    if (this.blocked) this.runBlocked();
    if (this.open) this.continueOpen(this.open, undefined);
    this.runThrough(this.pending.length - 1);
  }

  /** Takes the turn's events: only at its end is it known which checks published something. */
  private takeTurn(): void {
    const events = this.turn;
    this.turn = [];
    const shows = checksThatShow(events);
    for (const event of events) this.step(event, shows);
  }

  private step(event: EngineEvent, shows: ReadonlySet<EngineEvent>): void {
    if (this.blocked) {
      if (isViolationOf(event, this.blocked.event.data.engineId, this.blocked.event.causationId)) {
        this.blocked.violations.push(event);
        return;
      }
      this.runBlocked();
    }
    if (this.open && this.continueOpen(this.open, event)) return;
    this.take(event, shows);
  }

  private take(event: EngineEvent, shows: ReadonlySet<EngineEvent>): void {
    this.runThrough(this.ranBeforeComputing(event));
    const outcome = outcomeOf(event, shows, this.current);
    if (outcome) {
      this.fold(event);
      this.pending.push(outcome);
      if (outcome.kind === 'failed') this.failures.set(outcome.engineId, undefined);
      return;
    }
    const owner = this.ownerOf(event);
    if (owner >= 0) {
      this.runThrough(owner - 1);
      const located = this.pending.shift() as Outcome;
      this.open = this.openCheck(located);
      if (event.eventType !== 'data_invalidated') this.ran(this.open);
      this.fold(event);
      return;
    }
    if (event.eventType === 'engine_status_changed' && event.data.status === 'blocked') {
      this.blocked = { event, violations: [] };
      return;
    }
    if (startsTurn(event)) {
      this.runThrough(this.pending.length - 1);
      this.lastCheck.clear();
      this.failures.clear();
    }
    this.fold(event);
  }

  /**
   * The last pending check a computation's event shows had run, or -1. The computation started
   * after the end of its engine's last one, of the one whose output it computes from, and of a
   * dependency's that was behind its version: after their checks and those of the outcomes
   * pending at them.
   */
  private ranBeforeComputing(event: EngineEvent): number {
    const engineId = computingEngineOf(event);
    if (engineId === undefined) return -1;
    const dependsOn = this.current.engines[engineId]?.dependsOn ?? [];
    // A dependency computing its version, not from an invalidation, kept it from starting.
    const waitedFor = (o: Outcome): boolean => !o.invalidated && dependsOn.includes(o.engineId) && o.event.configVersion === event.configVersion;
    const computesFrom = (o: Outcome): boolean => o.kind === 'computed' && o.causeId === event.causationId;
    let last = -1;
    for (const check of this.lastCheck.values()) {
      if (check.outcome.engineId === engineId || waitedFor(check.outcome) || computesFrom(check.outcome)) {
        last = Math.max(last, this.silentThrough(this.lastPendingIn(check.computing)));
      }
    }
    this.pending.forEach((o, index) => {
      if (waitedFor(o)) last = Math.max(last, this.silentThrough(index));
      if (o.engineId === engineId || computesFrom(o)) last = Math.max(last, index);
    });
    return last;
  }

  /** Folds `event` into the open check when it is one of its events (true); else ends the check. */
  private continueOpen(open: OpenCheck, event: EngineEvent | undefined): boolean {
    if (!open.ran) {
      if (event?.eventType === 'data_invalidated' && event.sourceEngine === open.check.engineId && event.causationId === open.outcome.causeId) {
        this.fold(event);
        return true;
      }
      this.ran(open);
    }
    // A violation a pending check also owns is that later check's: this one saw its engine computing.
    if (event && isViolationOf(event, open.check.engineId, open.outcome.causeId) && this.ownerOf(event) < 0) {
      this.fold(event);
      return true;
    }
    this.listener.checked(open.check, this.current);
    this.open = undefined;
    return false;
  }

  /**
   * The pending outcome whose check published `event` (an invalidation by its output, a violation
   * under its cause for a pair with it), or -1. Of two pending engines of one pair, the later: at
   * the earlier's check the other was still computing.
   */
  private ownerOf(event: EngineEvent): number {
    if (event.eventType === 'data_invalidated') {
      return this.pending.findIndex((o) => o.kind === 'computed' && o.engineId === event.sourceEngine && o.causeId === event.causationId);
    }
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const outcome = this.pending[i] as Outcome;
      if (isViolationOf(event, outcome.engineId, outcome.causeId)) return i;
    }
    return -1;
  }

  /** The blocked engine's check, after the checks that ran before its walk. */
  private runBlocked(): void {
    const { event, violations } = this.blocked as NonNullable<RecordedChecks['blocked']>;
    this.blocked = undefined;
    const engineId = event.data.engineId;
    let last = -1;
    for (const blocker of event.data.blockedBy ?? []) {
      if (!this.failures.has(blocker)) continue;
      const seen = this.failures.get(blocker);
      // No check since the failure: the first one (whose end runs the walk) is still to place, and
      // with every computation taking the same steps, every outcome so far came before it.
      last = Math.max(last, this.silentThrough(seen ? this.lastPendingIn(seen) : this.pending.length - 1));
    }
    // A pending engine its check judged a pair with was settled: that engine's check had run.
    for (const violation of violations) {
      const pair = pairOf(violation);
      const other = pair?.sourceEngine === engineId ? pair.dependentEngine : pair?.sourceEngine;
      last = Math.max(last, this.pending.findIndex((o) => o.engineId === other));
    }
    this.runThrough(last);
    this.fold(event);
    const check = this.checkOf(engineId, 'blocked', event);
    this.listener.check(check, this.current);
    for (const violation of violations) this.fold(violation);
    this.listener.checked(check, this.current);
  }

  /** Runs the pending checks up to `index`, in order: checks that published nothing. */
  private runThrough(index: number): void {
    for (let i = 0; i <= index; i++) {
      const outcome = this.pending.shift() as Outcome;
      const open = this.openCheck(outcome);
      this.ran(open);
      this.listener.checked(open.check, this.current);
    }
  }

  /** A computation's check runs now. */
  private ran(open: OpenCheck): void {
    open.ran = true;
    const { check } = open;
    for (const [engineId, seen] of this.failures) if (seen === undefined) this.failures.set(engineId, check.computing);
    this.lastCheck.set(check.engineId, { outcome: open.outcome, computing: check.computing });
    this.listener.check(check, this.current);
  }

  private openCheck(outcome: Outcome): OpenCheck {
    return { check: this.checkOf(outcome.engineId, outcome.kind, outcome.event), outcome, ran: false };
  }

  /** A check now: the outcomes still pending are computing. */
  private checkOf(engineId: EngineId, kind: RecordedCheck['kind'], event: EngineEvent): RecordedCheck {
    return { engineId, kind, event, computing: new Set(this.pending.map((o) => o.engineId)) };
  }

  /**
   * `index`, or less so as to take no check that published something later: when a pending
   * check is placed by inference, those after it ran after it.
   */
  private silentThrough(index: number): number {
    const shows = this.pending.findIndex((o) => o.shows);
    return shows < 0 ? index : Math.min(index, shows - 1);
  }

  /** The index of the last pending outcome of one of `engines`, or -1. */
  private lastPendingIn(engines: ReadonlySet<EngineId> | undefined): number {
    if (!engines) return -1;
    for (let i = this.pending.length - 1; i >= 0; i--) if (engines.has((this.pending[i] as Outcome).engineId)) return i;
    return -1;
  }

  private fold(event: EngineEvent): void {
    this.current = project(this.current, event);
  }
}

/** The outcome an event records, if it is one the recompute path checks after; `state` is the one before it. */
function outcomeOf(event: EngineEvent, shows: ReadonlySet<EngineEvent> = NO_EVENTS, state: SessionState = INITIAL_SESSION_STATE): Outcome | undefined {
  let found: Pick<Outcome, 'engineId' | 'kind' | 'causeId'> | undefined;
  if (event.eventType === 'engine_output') found = { engineId: event.data.engineId, kind: 'computed', causeId: event.eventId };
  // A computation's failure carries its cause; an injected crash has none and is not checked.
  else if (event.eventType === 'engine_status_changed' && event.data.status === 'failed' && event.causationId !== null) {
    found = { engineId: event.data.engineId, kind: 'failed', causeId: event.causationId };
  }
  // The recompute path computed from the invalidation the state held, if any.
  return found && { ...found, event, shows: shows.has(event), invalidated: Object.hasOwn(state.invalidations, found.engineId) };
}

const NO_EVENTS: ReadonlySet<EngineEvent> = new Set();

/** Whether only a new turn publishes `event`: a user's action, a restart's timer, an injected crash. */
function startsTurn(event: EngineEvent): boolean {
  if (NEW_TURN.has(event.eventType)) return true;
  if (event.eventType === 'data_invalidated') return event.causationId === null;
  if (event.eventType !== 'engine_status_changed') return false;
  const { status } = event.data;
  return status === 'restarting' || status === 'stopped' || (status === 'failed' && event.causationId === null);
}

/**
 * The outcomes of a turn whose checks published something (an invalidation or a violation of
 * theirs under their cause, before the engine's next outcome).
 */
function checksThatShow(events: readonly EngineEvent[]): Set<EngineEvent> {
  const byCause = new Map<string, number[]>();
  events.forEach((event, index) => {
    if (event.causationId === null) return;
    const indices = byCause.get(event.causationId);
    if (indices) indices.push(index);
    else byCause.set(event.causationId, [index]);
  });
  const next = new Map<EngineId, number>();
  const shows = new Set<EngineEvent>();
  for (let i = events.length - 1; i >= 0; i--) {
    const outcome = outcomeOf(events[i] as EngineEvent);
    if (!outcome) continue;
    const until = next.get(outcome.engineId) ?? events.length;
    next.set(outcome.engineId, i);
    const published = (byCause.get(outcome.causeId) ?? []).some((j) => {
      const later = events[j] as EngineEvent;
      if (j <= i || j >= until) return false;
      if (later.eventType === 'data_invalidated') return outcome.kind === 'computed' && later.sourceEngine === outcome.engineId;
      return isViolationOf(later, outcome.engineId, outcome.causeId);
    });
    if (published) shows.add(outcome.event);
  }
  return shows;
}

/** The engine whose computation published `event` (its outcome, its error, what it emits), if one did. */
function computingEngineOf(event: EngineEvent): EngineId | undefined {
  if (event.eventType === 'engine_output') return event.data.engineId;
  if (event.causationId === null) return undefined;
  if (event.eventType === 'error_occurred' && event.data.origin === 'engine') return event.data.engineId ?? event.sourceEngine;
  if (event.eventType === 'engine_status_changed' && event.data.status === 'failed') return event.data.engineId;
  return EMITTED.has(event.eventType) ? event.sourceEngine : undefined;
}

/** Whether `event` is a violation a check of `engineId` under `causeId` published: for a pair with that engine. */
function isViolationOf(event: EngineEvent, engineId: EngineId, causeId: string | null): boolean {
  const pair = pairOf(event);
  return pair !== undefined && event.causationId === causeId && (pair.sourceEngine === engineId || pair.dependentEngine === engineId);
}

function pairOf(event: EngineEvent): { sourceEngine: EngineId; dependentEngine: EngineId } | undefined {
  if (event.eventType === 'violation_opened' || event.eventType === 'violation_updated' || event.eventType === 'violation_resolved') return event.data;
  return undefined;
}
