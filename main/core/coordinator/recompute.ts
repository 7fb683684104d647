import type { StalenessHop } from '../../../shared/consistency';
import type { Disposable } from '../../../shared/disposable';
import { Emitter } from '../../../shared/emitter';
import type { EngineId } from '../../../shared/events';
import { engineStatus, isGivenUp, type EngineStatus, type InvalidationMark, type SessionState } from '../../../shared/projection';
import { errorMessage } from '../bus/errors';
import type { DataConsistencyManager, RuleInvalidation } from '../consistency';
import type { EngineData } from '../engine';
import type { Publish } from '../log/publish';
import type { ComputeOutcome, ComputeTarget, EngineRunner } from './engine-runner';

/** The configuration the engines must reach, as the coordinator numbered it. */
export interface CurrentConfiguration<TConfig> {
  version: number;
  configuration: TConfig;
  /** The `configuration_changed` event. */
  eventId: string;
  correlationId: string;
}

export interface RecomputeDeps<TConfig> {
  runners: ReadonlyMap<EngineId, EngineRunner<TConfig>>;
  /** Every engine, dependencies first. */
  order(): readonly EngineId[];
  dependenciesOf(engineId: EngineId): readonly EngineId[];
  /** Transitive dependencies, in `order`. */
  upstreamOf(engineId: EngineId): readonly EngineId[];
  dependentsOf(engineId: EngineId): readonly EngineId[];
  state(): SessionState;
  configuration(): CurrentConfiguration<TConfig> | undefined;
  publish: Publish;
  consistency: DataConsistencyManager;
}

/**
 * The one recompute path. It brings every engine to the current configuration version by
 * walking the dependency order: an engine computes once every engine it depends on is current;
 * independent engines compute concurrently. The same walk serves a configuration change, a
 * restart, a late result, an invalidation and a retry — each only changes the session state,
 * then calls `run()`.
 *
 * What needs computing is read from the session state (`engineStatus(...) === 'busy'`: behind
 * the current version or invalidated). When an engine's outputs change, every direct dependent
 * that is current (by the dependency graph and by auto-update rules) is invalidated with its
 * reason chain, hop by hop; when they do not change, the walk stops there (early cutoff). A
 * dependent behind the version is recomputing anyway: its output's cause is the upstream output. When an engine fails, the
 * engines that depend on it are blocked, naming the failure. Rules are checked for a pair of
 * engines as soon as both are settled for the version, so a check never compares new outputs
 * with outputs about to be replaced.
 */
export class RecomputePath<TConfig> implements Disposable {
  /**
   * Whether each engine is computing now. An engine that is done stays in the map (false), so
   * the map is not rebuilt as entries come and go six times a change.
   */
  private readonly computing = new Map<EngineId, boolean>();
  private computingCount = 0;
  /** Computing engines whose outcome is published: settled for the checks, still counted until the walk goes on. */
  private readonly reported = new Set<EngineId>();
  private scheduling = false;
  private rescheduled = false;
  private disposed = false;
  private readonly _onDidProgress = new Emitter<void>();
  /** Fires after every step (an outcome published, an engine blocked). */
  readonly onDidProgress = this._onDidProgress.event;
  private idleWaiters: (() => void)[] = [];
  private readonly settledTest = (engineId: EngineId): boolean => this.isSettled(engineId);
  private statusesOf: SessionState | undefined;
  private readonly statusIds: EngineId[] = [];
  private readonly statuses: EngineStatus[] = [];
  private statusCount = 0;

  constructor(private readonly deps: RecomputeDeps<TConfig>) {}

  /** Starts every computation that can start now. Safe to call at any time, from anywhere. */
  run(): void {
    if (this.disposed) return;
    if (this.scheduling) {
      this.rescheduled = true;
      return;
    }
    this.scheduling = true;
    try {
      do {
        this.rescheduled = false;
        this.schedulePass();
      } while (this.rescheduled);
    } finally {
      this.scheduling = false;
    }
    if (this.computingCount === 0) {
      const config = this.deps.configuration();
      this.deps.consistency.recheckDeferred(this.settledTest, { correlationId: config?.correlationId, configVersion: config?.version });
    }
    this._onDidProgress.fire();
    if (this.computingCount === 0) this.resolveIdle();
  }

  /** Whether an engine is done with the current version (computed, failed, blocked or stopped). */
  isSettled(engineId: EngineId): boolean {
    if (this.isComputing(engineId) && !this.reported.has(engineId)) return false;
    const status = this.statusOf(this.deps.state(), engineId);
    return status !== 'busy' && status !== 'restarting';
  }

  /** Nothing is computing: every outcome is handled, its checks run and the walk gone on from it. */
  get idle(): boolean {
    return this.computingCount === 0;
  }

  /** Resolves once nothing is computing and nothing can start. */
  whenIdle(): Promise<void> {
    if (this.computingCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this._onDidProgress.dispose();
    this.resolveIdle();
  }

  /**
   * `engineStatus`, remembered for the state it was read from: a state is never changed, so a
   * status holds until the state is replaced, and a walk asks for the same engines many times.
   */
  private statusOf(state: SessionState, engineId: EngineId): EngineStatus {
    if (state !== this.statusesOf) {
      this.statusesOf = state;
      this.statusCount = 0;
    }
    for (let i = 0; i < this.statusCount; i++) if (this.statusIds[i] === engineId) return this.statuses[i] as EngineStatus;
    const status = engineStatus(state, engineId);
    this.statusIds[this.statusCount] = engineId;
    this.statuses[this.statusCount++] = status;
    return status;
  }

  private schedulePass(): void {
    const config = this.deps.configuration();
    if (!config) return;
    for (const engineId of this.deps.order()) {
      if (this.isComputing(engineId)) continue;
      const state = this.deps.state();
      if (this.statusOf(state, engineId) !== 'busy') continue;
      // Plain loops: this runs after every step of every change.
      const dependencies = this.deps.dependenciesOf(engineId);
      let blockers: EngineId[] | undefined;
      let ready = true;
      for (const dep of dependencies) {
        const status = this.statusOf(state, dep);
        // An engine given up by its supervisor is no blocker once it has outputs: its dependents
        // run degraded on them, and say so.
        if (usableWhileGivenUp(state, dep)) continue;
        if (status === 'failed' || status === 'blocked' || status === 'stopped') (blockers ??= []).push(dep);
        else if ((status !== 'idle' && status !== 'degraded') || this.isComputing(dep)) ready = false;
      }
      if (blockers) this.publishBlocked(engineId, blockers, config, state);
      else if (ready) this.start(engineId, config, state);
    }
  }

  private start(engineId: EngineId, config: CurrentConfiguration<TConfig>, state: SessionState): void {
    const runner = this.deps.runners.get(engineId) as EngineRunner<TConfig>;
    const mark = state.invalidations[engineId];
    const upstream: Record<EngineId, EngineData> = {};
    for (const dep of this.deps.upstreamOf(engineId)) {
      const outputs = state.engines[dep]?.outputs;
      if (outputs) upstream[dep] = outputs;
    }
    const target: ComputeTarget<TConfig> = {
      version: config.version,
      configuration: config.configuration,
      upstream,
      causationId: mark?.eventId ?? this.causeOf(engineId, config, state),
      correlationId: mark?.correlationId ?? config.correlationId,
      degradedBy: this.degradedSources(engineId, state),
      stillCurrent: this.stillCurrentTest(engineId, config, mark)
    };
    // Two steps, as `.finally` would take them (the walk goes on a turn after `afterCompute`); a
    // failure of `afterCompute` becomes an `error_occurred` event. The engine is settled for
    // the checks from its outcome on: an engine that finished in the same turn and is checked
    // after it must see it settled, or a rule between two engines computing side by side would
    // never be checked.
    void runner
      .compute(target)
      .then((outcome) => {
        this.reported.add(engineId);
        this.afterCompute(engineId, outcome, target, mark);
      })
      .then(
        () => this.computationEnded(engineId),
        (error: unknown) => {
          this.computationEnded(engineId);
          this.reportFault(engineId, error);
        }
      );
    this.computing.set(engineId, true);
    this.computingCount++;
  }

  /** A newer version, or an invalidation that arrived while computing, makes the result obsolete. */
  private stillCurrentTest(engineId: EngineId, config: CurrentConfiguration<TConfig>, mark: InvalidationMark | undefined): () => boolean {
    return () => !this.disposed && this.deps.configuration()?.version === config.version && this.deps.state().invalidations[engineId]?.eventId === mark?.eventId;
  }

  /** A failure after a computation (checking, invalidating) is the session's news, never the process's end. */
  private reportFault(engineId: EngineId, error: unknown): void {
    try {
      this.deps.publish({
        eventType: 'error_occurred',
        sourceEngine: engineId,
        priority: 'HIGH',
        data: { engineId, origin: 'engine', message: `after computing: ${errorMessage(error)}` }
      });
    } catch {
      // Publishing is what failed: nothing more can be said, and the walk must go on.
    }
  }

  /** A computation is over (its outcome handled): the walk goes on. */
  private computationEnded(engineId: EngineId): void {
    this.reported.delete(engineId);
    if (this.isComputing(engineId)) {
      this.computing.set(engineId, false);
      this.computingCount--;
    }
    this.run();
  }

  private isComputing(engineId: EngineId): boolean {
    return this.computing.get(engineId) === true;
  }

  /** The given-up engines an engine's inputs come from: direct ones, and those its inputs were degraded by. */
  private degradedSources(engineId: EngineId, state: SessionState): readonly EngineId[] {
    // Built only when there is one: usually no engine is given up.
    let sources: Set<EngineId> | undefined;
    for (const dep of this.deps.dependenciesOf(engineId)) {
      if (usableWhileGivenUp(state, dep)) (sources ??= new Set()).add(dep);
      for (const by of state.engines[dep]?.degradedBy ?? NO_ENGINES) (sources ??= new Set()).add(by);
    }
    return sources ? [...sources] : NO_ENGINES;
  }

  /**
   * What made an engine behind the version compute: the newest output of an engine it depends on
   * that changed for this version (so a causal chain runs design → materials → …), else the
   * configuration change itself.
   */
  private causeOf(engineId: EngineId, config: CurrentConfiguration<TConfig>, state: SessionState): string {
    let causeAt = 0;
    let causeEventId: string | undefined;
    for (const dep of this.deps.dependenciesOf(engineId)) {
      const upstream = state.engines[dep];
      if (!upstream?.outputEventId || upstream.computedVersion !== config.version || upstream.changedFields.length === 0) continue;
      const at = upstream.outputAt ?? 0;
      if (causeEventId === undefined || at >= causeAt) {
        causeAt = at;
        causeEventId = upstream.outputEventId;
      }
    }
    return causeEventId ?? config.eventId;
  }

  private afterCompute(engineId: EngineId, outcome: ComputeOutcome, target: ComputeTarget<TConfig>, mark: InvalidationMark | undefined): void {
    if (outcome === 'superseded' || this.disposed) return;
    const state = this.deps.state();
    const cause = { causationId: target.causationId, correlationId: target.correlationId, configVersion: target.version };
    if (outcome === 'computed') {
      const engine = state.engines[engineId];
      this.invalidateDependents(engineId, state, target, mark);
      this.checkSettled(engineId, { ...cause, causationId: engine?.outputEventId ?? target.causationId });
      return;
    }
    this.checkSettled(engineId, cause);
  }

  /** Marks each direct dependent stale when the outputs changed; nothing when they did not (cutoff). */
  private invalidateDependents(engineId: EngineId, state: SessionState, target: ComputeTarget<TConfig>, ownMark: InvalidationMark | undefined): void {
    const engine = state.engines[engineId];
    if (!engine) return;
    const changed = engine.changedFields;
    // Dependents computed from this engine's outputs while it was given up recompute now it is back.
    let recovered: EngineId[] | undefined;
    for (const dependent of this.deps.dependentsOf(engineId)) {
      if (state.engines[dependent]?.degradedBy.includes(engineId) && !engine.degradedBy.includes(engineId)) (recovered ??= []).push(dependent);
    }
    if (changed.length === 0 && !recovered) return;
    // What the rules say is worked out only for a dependent that is reached: after a
    // configuration change every dependent is behind the version, and none is.
    let byRule: Map<EngineId, RuleInvalidation> | undefined;
    let onPath: Set<EngineId | undefined> | undefined;
    for (const dependent of this.deps.order()) {
      if (this.deps.state().invalidations[dependent]) continue;
      // An engine behind the version computes anyway, its cause linked to this output (`causeOf`).
      if ((this.deps.state().engines[dependent]?.computedVersion ?? 0) < target.version) continue;
      if (!this.reaches(engineId, changed, recovered, dependent)) continue;
      // Engines already on this invalidation's path: a rule pointing back at one would loop.
      onPath ??= new Set([ownMark?.originEngine, ...(ownMark?.chain ?? []).flatMap((hop) => [hop.engineId, hop.fromEngine])]);
      if (onPath.has(dependent)) continue;
      byRule ??= new Map(this.deps.consistency.autoUpdateTargets(engineId, changed).map((t) => [t.dependentEngine, t]));
      const rule = byRule.get(dependent);
      const fields = rule?.fields ?? changed;
      const hop: StalenessHop = {
        engineId: dependent,
        fromEngine: engineId,
        ruleId: rule?.ruleIds[0] ?? 'depends_on',
        fields,
        eventId: engine.outputEventId ?? target.causationId,
        at: engine.outputAt ?? 0
      };
      this.deps.publish({
        eventType: 'data_invalidated',
        sourceEngine: engineId,
        targetEngines: [dependent],
        causationId: engine.outputEventId,
        correlationId: target.correlationId,
        configVersion: target.version,
        data: {
          engineId: dependent,
          originEngine: ownMark?.originEngine ?? engineId,
          version: state.engines[dependent]?.computedVersion ?? 0,
          hop: (ownMark?.hop ?? 0) + 1,
          fields,
          fromEngines: [engineId],
          rules: rule?.ruleIds ?? [],
          propagationId: ownMark?.propagationId ?? target.causationId,
          chain: [...(ownMark?.chain ?? []), hop]
        }
      });
    }
  }

  /**
   * Whether a change of `changed` of `engineId` reaches `dependent`: a direct dependent, or one an
   * auto-update rule names; with nothing changed, a dependent to recompute now `engineId` is back.
   */
  private reaches(engineId: EngineId, changed: readonly string[], recovered: readonly EngineId[] | undefined, dependent: EngineId): boolean {
    if (changed.length === 0) return recovered?.includes(dependent) ?? false;
    return this.deps.dependentsOf(engineId).includes(dependent) || this.deps.consistency.autoUpdateReaches(engineId, changed, dependent);
  }

  /** An engine cannot compute the version because engines it depends on failed or are blocked. */
  private publishBlocked(engineId: EngineId, blockers: readonly EngineId[], config: CurrentConfiguration<TConfig>, state: SessionState): void {
    const first = blockers[0] as EngineId;
    const condition = state.engines[first]?.condition;
    const upstreamChain: StalenessHop[] =
      condition?.kind === 'blocked'
        ? condition.chain
        : [{ engineId: first, fromEngine: first, ruleId: 'compute', fields: [], eventId: condition && 'eventId' in condition ? condition.eventId : config.eventId, at: Date.now() }];
    const origin = upstreamChain[0]?.engineId ?? first;
    const originReason = state.engines[origin]?.lastError ?? 'stopped';
    const causationId = condition && 'eventId' in condition ? condition.eventId : config.eventId;
    const chain: StalenessHop[] = [...upstreamChain, { engineId, fromEngine: first, ruleId: 'depends_on', fields: [], eventId: causationId, at: Date.now() }];
    this.deps.publish({
      eventType: 'engine_status_changed',
      sourceEngine: engineId,
      priority: 'HIGH',
      causationId,
      correlationId: config.correlationId,
      configVersion: config.version,
      data: {
        engineId,
        status: 'blocked',
        version: config.version,
        reason: `waits on ${origin}, which could not compute configuration v${config.version}: ${originReason}`,
        blockedBy: [...blockers],
        chain
      }
    });
    this.checkSettled(engineId, { causationId, correlationId: config.correlationId, configVersion: config.version });
  }

  private checkSettled(engineId: EngineId, cause: { causationId?: string; correlationId?: string; configVersion?: number }): void {
    this.deps.consistency.recheckEngine(engineId, this.settledTest, cause);
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** No engines (given-up sources, degraded-by lists): one frozen list instead of a new one each time. */
const NO_ENGINES: readonly EngineId[] = Object.freeze([]);

/** A dependency given up by its supervisor whose last outputs its dependents may use (degraded). */
function usableWhileGivenUp(state: SessionState, engineId: EngineId): boolean {
  return isGivenUp(state, engineId) && state.engines[engineId]?.outputs !== null;
}
