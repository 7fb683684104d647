import type { StalenessHop } from '../../../shared/consistency';
import type { Disposable } from '../../../shared/disposable';
import { Emitter } from '../../../shared/emitter';
import type { EngineId } from '../../../shared/events';
import { engineStatus, isGivenUp, type InvalidationMark, type SessionState } from '../../../shared/projection';
import type { DataConsistencyManager } from '../consistency';
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
  private readonly inFlight = new Map<EngineId, Promise<void>>();
  private scheduling = false;
  private rescheduled = false;
  private disposed = false;
  private readonly _onDidProgress = new Emitter<void>();
  /** Fires after every step (an outcome published, an engine blocked). */
  readonly onDidProgress = this._onDidProgress.event;
  private idleWaiters: (() => void)[] = [];
  private readonly settledTest = (engineId: EngineId): boolean => this.isSettled(engineId);

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
    this._onDidProgress.fire();
    if (this.inFlight.size === 0) this.resolveIdle();
  }

  /** Whether an engine is done with the current version (computed, failed, blocked or stopped). */
  isSettled(engineId: EngineId): boolean {
    if (this.inFlight.has(engineId)) return false;
    const status = engineStatus(this.deps.state(), engineId);
    return status !== 'busy' && status !== 'restarting';
  }

  /** Resolves once nothing is computing and nothing can start. */
  whenIdle(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this._onDidProgress.dispose();
    this.resolveIdle();
  }

  private schedulePass(): void {
    const config = this.deps.configuration();
    if (!config) return;
    for (const engineId of this.deps.order()) {
      if (this.inFlight.has(engineId)) continue;
      const state = this.deps.state();
      if (engineStatus(state, engineId) !== 'busy') continue;
      // Plain loops: this runs after every step of every change.
      const dependencies = this.deps.dependenciesOf(engineId);
      let blockers: EngineId[] | undefined;
      let ready = true;
      for (const dep of dependencies) {
        const status = engineStatus(state, dep);
        // An engine given up by its supervisor is no blocker once it has outputs: its dependents
        // run degraded on them, and say so.
        if (usableWhileGivenUp(state, dep)) continue;
        if (status === 'failed' || status === 'blocked' || status === 'stopped') (blockers ??= []).push(dep);
        else if ((status !== 'idle' && status !== 'degraded') || this.inFlight.has(dep)) ready = false;
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
      // A newer version, or an invalidation that arrived while computing, makes the result obsolete.
      stillCurrent: () =>
        !this.disposed &&
        this.deps.configuration()?.version === config.version &&
        this.deps.state().invalidations[engineId]?.eventId === mark?.eventId
    };
    const done = runner
      .compute(target)
      .then((outcome) => this.afterCompute(engineId, outcome, target, mark))
      .finally(() => {
        this.inFlight.delete(engineId);
        this.run();
      });
    this.inFlight.set(engineId, done);
  }

  /** The given-up engines an engine's inputs come from: direct ones, and those its inputs were degraded by. */
  private degradedSources(engineId: EngineId, state: SessionState): EngineId[] {
    const sources = new Set<EngineId>();
    for (const dep of this.deps.dependenciesOf(engineId)) {
      if (usableWhileGivenUp(state, dep)) sources.add(dep);
      for (const by of state.engines[dep]?.degradedBy ?? []) sources.add(by);
    }
    return [...sources];
  }

  /**
   * What made an engine behind the version compute: the newest output of an engine it depends on
   * that changed for this version (so a causal chain runs design → materials → …), else the
   * configuration change itself.
   */
  private causeOf(engineId: EngineId, config: CurrentConfiguration<TConfig>, state: SessionState): string {
    let cause: { at: number; eventId: string } | undefined;
    for (const dep of this.deps.dependenciesOf(engineId)) {
      const upstream = state.engines[dep];
      if (!upstream?.outputEventId || upstream.computedVersion !== config.version || upstream.changedFields.length === 0) continue;
      const at = upstream.outputAt ?? 0;
      if (!cause || at >= cause.at) cause = { at, eventId: upstream.outputEventId };
    }
    return cause?.eventId ?? config.eventId;
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
    const changed = engine?.changedFields ?? [];
    if (!engine) return;
    // Dependents computed from this engine's outputs while it was given up recompute now it is back.
    const recovered = this.deps.dependentsOf(engineId).filter((d) => state.engines[d]?.degradedBy.includes(engineId) && !engine.degradedBy.includes(engineId));
    if (changed.length === 0 && recovered.length === 0) return;
    const byRule = new Map(this.deps.consistency.autoUpdateTargets(engineId, changed).map((t) => [t.dependentEngine, t]));
    const dependents = new Set(changed.length > 0 ? [...this.deps.dependentsOf(engineId), ...byRule.keys()] : recovered);
    // Engines already on this invalidation's path: a rule pointing back at one would loop.
    const onPath = new Set([ownMark?.originEngine, ...(ownMark?.chain ?? []).flatMap((hop) => [hop.engineId, hop.fromEngine])]);
    for (const dependent of this.deps.order()) {
      if (!dependents.has(dependent) || onPath.has(dependent) || this.deps.state().invalidations[dependent]) continue;
      // An engine behind the version computes anyway, its cause linked to this output (`causeOf`).
      if ((this.deps.state().engines[dependent]?.computedVersion ?? 0) < target.version) continue;
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
    this.deps.consistency.checkEngine(engineId, this.settledTest, cause, false);
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** A dependency given up by its supervisor whose last outputs its dependents may use (degraded). */
function usableWhileGivenUp(state: SessionState, engineId: EngineId): boolean {
  return isGivenUp(state, engineId) && state.engines[engineId]?.outputs !== null;
}
