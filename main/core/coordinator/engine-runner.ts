import type { EngineEvent, EngineId } from '../../../shared/events';
import { Emitter } from '../../../shared/emitter';
import { DisposableStore } from '../../../shared/disposable';
import type { EventBus } from '../bus/event-bus';
import { errorMessage } from '../bus/errors';
import {
  EngineCrashError,
  type AnalysisContext,
  type ComputeContext,
  type EngineData,
  type EngineFactory,
  type SimulationEngine
} from '../engine';
import { FaultInjector } from './fault-injector';
import type { EngineStatus, VersionOutcome } from './types';

/** What a runner needs from the session around it. */
export interface RunnerSession<TConfig> {
  readonly bus: EventBus;
  /** Cached outputs of an engine, with the configuration version they were computed from. */
  cachedOutput(engineId: EngineId): { configVersion?: number; data: EngineData } | undefined;
  /** Stores an engine's fresh outputs in the consistency cache. */
  storeOutput(engineId: EngineId, data: EngineData, meta: OutputMeta): { changedFields: string[] };
  /** Transitive dependencies of an engine, in topological order. */
  upstreamOf(engineId: EngineId): readonly EngineId[];
  /** Direct dependents, the engines to notify of new outputs. */
  dependentsOf(engineId: EngineId): readonly EngineId[];
  measure<T>(operation: string, fn: () => T): T;
  currentConfiguration(): { configuration: TConfig; version: number } | undefined;
}

export interface OutputMeta {
  configVersion: number;
  causationId: string;
  correlationId: string;
}

/** The configuration version a runner is working towards and the event that asked for it. */
interface Target<TConfig> {
  version: number;
  configuration: TConfig;
  causationId: string;
  correlationId: string;
}

const isRoutine = (status: EngineStatus): boolean => status === 'busy' || status === 'idle';

/** Restarts allowed for one configuration version before the engine is left failed. */
const MAX_RESTARTS_PER_VERSION = 2;

/**
 * Runs one engine on the bus. It recomputes when a configuration change arrives and every
 * engine it depends on has published outputs for that version (so the event flow itself
 * orders the engines, and independent ones run concurrently); it reports blocked when a
 * dependency failed; after a crash it is rebuilt and restored from the consistency cache.
 */
export class EngineRunner<TConfig = unknown> extends DisposableStore {
  private engine: SimulationEngine<TConfig>;
  private statusValue: EngineStatus = 'idle';
  private target: Target<TConfig> | undefined;
  private computedVersionValue = 0;
  private settledVersion = 0;
  private computing = false;
  private restartsForVersion = 0;
  private restartCount = 0;
  private lastErrorValue: string | undefined;
  private lastDurationMsValue: number | undefined;
  readonly faults: FaultInjector;

  private readonly _onDidSettle = this.register(new Emitter<{ engineId: EngineId; version: number; outcome: VersionOutcome }>());
  /** Fires once per configuration version: computed, failed or blocked. */
  readonly onDidSettle = this._onDidSettle.event;

  constructor(
    private readonly factory: EngineFactory<TConfig>,
    private readonly session: RunnerSession<TConfig>
  ) {
    super();
    this.engine = factory();
    this.faults = new FaultInjector(this.engine.id);
    const bus = session.bus;
    const id = this.engine.id;
    this.register(bus.subscribe(id, ['configuration_changed'], (e) => this.onConfigurationChanged(e), { receiveOwn: true }));
    this.register(bus.subscribe(id, ['engine_output'], (e) => this.onUpstreamEvent(e)));
    this.register(bus.subscribe(id, ['engine_status_changed'], (e) => this.onUpstreamEvent(e)));
    this.register(bus.subscribe(id, ['analysis_started'], (e) => this.onAnalysisRequested(e)));
  }

  get id(): EngineId {
    return this.engine.id;
  }
  get capabilities(): readonly string[] {
    return this.engine.capabilities;
  }
  get dependsOn(): readonly EngineId[] {
    return this.engine.dependsOn;
  }
  get analyses(): readonly string[] {
    return this.engine.analyses ?? [];
  }
  get status(): EngineStatus {
    return this.statusValue;
  }
  get computedVersion(): number {
    return this.computedVersionValue;
  }
  get restarts(): number {
    return this.restartCount;
  }
  get lastError(): string | undefined {
    return this.lastErrorValue;
  }
  get lastDurationMs(): number | undefined {
    return this.lastDurationMsValue;
  }

  /** Kills the engine now (an injected crash) and restarts it from the consistency cache. */
  async crash(reason: string): Promise<void> {
    await this.handleCrash(new EngineCrashError(this.id, reason), this.target?.causationId ?? null);
  }

  /** Rebuilds the engine from its factory, restores its cached outputs and resumes pending work. */
  async restart(reason: string, causationId: string | null = null): Promise<void> {
    this.setStatus('restarting', { reason }, causationId);
    try {
      this.engine.dispose?.();
    } catch {
      // A dying engine may fail to clean up; the new instance replaces it either way.
    }
    this.engine = this.factory();
    const cached = this.session.cachedOutput(this.id);
    if (cached) this.engine.restore?.(cached.data);
    this.restartCount++;
    this.session.bus.publish({
      eventType: 'engine_restarted',
      sourceEngine: this.id,
      priority: 'HIGH',
      causationId,
      correlationId: this.target?.correlationId,
      data: {
        engineId: this.id,
        reason,
        restarts: this.restartCount,
        recoveredFromCache: cached !== undefined,
        recoveredConfigVersion: cached?.configVersion ?? null
      }
    });
    this.setStatus('idle', {}, causationId);
    if (this.target && this.target.version > this.computedVersionValue) await this.tryCompute(causationId);
  }

  private onConfigurationChanged(event: EngineEvent): Promise<void> | undefined {
    const version = event.data.version;
    if (typeof version !== 'number') return undefined;
    const current = this.session.currentConfiguration();
    if (!current || current.version !== version) return undefined;
    this.target = {
      version,
      configuration: current.configuration,
      causationId: event.eventId,
      correlationId: event.correlationId
    };
    this.restartsForVersion = 0;
    return this.tryCompute(event.eventId);
  }

  private onUpstreamEvent(event: EngineEvent): Promise<void> | undefined {
    if (!this.engine.dependsOn.includes(event.sourceEngine)) return undefined;
    if (event.eventType === 'engine_status_changed') this.noteUpstreamStatus(event);
    else this.failedDependencies.delete(event.sourceEngine);
    if (!this.target || this.computedVersionValue >= this.target.version) return undefined;
    return this.tryCompute(event.eventId);
  }

  /** Computes for the current target if every dependency is ready; reports blocked if one failed. */
  private async tryCompute(causationId: string | null): Promise<void> {
    const target = this.target;
    if (!target || this.computing || this.computedVersionValue >= target.version) return;
    const blockedBy = this.engine.dependsOn.filter((dep) => this.dependencyFailed(dep, target.version));
    if (blockedBy.length > 0) {
      this.settle(target.version, 'blocked', `waiting on failed ${blockedBy.join(', ')}`, causationId);
      return;
    }
    if (!this.engine.dependsOn.every((dep) => this.dependencyReady(dep, target.version))) return;
    this.computing = true;
    this.setStatus('busy', { version: target.version }, causationId);
    const startedAt = performance.now();
    try {
      await this.faults.beforeCompute();
      const context: ComputeContext<TConfig> = {
        configuration: target.configuration,
        configVersion: target.version,
        upstream: this.gatherUpstream(),
        emit: (emission) =>
          this.session.bus.publish({
            ...emission,
            sourceEngine: this.id,
            correlationId: target.correlationId,
            causationId: causationId ?? target.causationId
          })
      };
      const data = await this.session.measure(`compute:${this.id}`, () => this.engine.compute(context));
      if (this.target !== target) return;
      const { changedFields } = this.session.storeOutput(this.id, data, {
        configVersion: target.version,
        causationId: causationId ?? target.causationId,
        correlationId: target.correlationId
      });
      this.computedVersionValue = target.version;
      this.lastDurationMsValue = performance.now() - startedAt;
      this.lastErrorValue = undefined;
      this.session.bus.publish({
        eventType: 'engine_output',
        sourceEngine: this.id,
        targetEngines: [...this.session.dependentsOf(this.id)],
        correlationId: target.correlationId,
        causationId,
        data: { version: target.version, durationMs: this.lastDurationMsValue, changedFields }
      });
      this.setStatus('idle', { version: target.version }, causationId);
      this.settle(target.version, 'computed', undefined, causationId);
    } catch (error) {
      this.lastDurationMsValue = performance.now() - startedAt;
      if (error instanceof EngineCrashError) {
        this.computing = false;
        await this.handleCrash(error, causationId);
        return;
      }
      this.fail(target, errorMessage(error), causationId);
    } finally {
      this.computing = false;
    }
  }

  private async handleCrash(error: EngineCrashError, causationId: string | null): Promise<void> {
    this.lastErrorValue = error.message;
    this.publishError(error.message, causationId, true);
    this.setStatus('failed', { reason: error.message, final: false }, causationId);
    if (this.target && this.restartsForVersion >= MAX_RESTARTS_PER_VERSION) {
      this.fail(this.target, `${error.message} (gave up after ${MAX_RESTARTS_PER_VERSION} restarts)`, causationId, false);
      return;
    }
    this.restartsForVersion++;
    await this.restart(error.message, causationId);
  }

  private fail(target: Target<TConfig>, message: string, causationId: string | null, publishError = true): void {
    this.lastErrorValue = message;
    if (publishError) this.publishError(message, causationId, false);
    this.settle(target.version, 'failed', message, causationId);
  }

  private publishError(message: string, causationId: string | null, crash: boolean): void {
    this.session.bus.publish({
      eventType: 'error_occurred',
      sourceEngine: this.id,
      priority: 'HIGH',
      causationId,
      correlationId: this.target?.correlationId,
      data: { engineId: this.id, message, crash, version: this.target?.version ?? null }
    });
  }

  /** Records the version's outcome once, and tells dependents when it is a failure. */
  private settle(version: number, outcome: VersionOutcome, reason: string | undefined, causationId: string | null): void {
    if (this.settledVersion >= version) return;
    this.settledVersion = version;
    if (outcome !== 'computed') this.setStatus(outcome, { version, reason, final: true }, causationId);
    this._onDidSettle.fire({ engineId: this.id, version, outcome });
  }

  private dependencyReady(dep: EngineId, version: number): boolean {
    return this.session.cachedOutput(dep)?.configVersion === version;
  }

  private readonly failedDependencies = new Map<EngineId, number>();

  private dependencyFailed(dep: EngineId, version: number): boolean {
    return this.failedDependencies.get(dep) === version;
  }

  private setStatus(status: EngineStatus, detail: Record<string, unknown>, causationId: string | null): void {
    const previous = this.statusValue;
    this.statusValue = status;
    // Busy ↔ idle flips twice per computation; the host's status snapshots show them, and
    // engine_output marks the end. Events are kept for the transitions worth a timeline row.
    if (isRoutine(previous) && isRoutine(status)) return;
    this.session.bus.publish({
      eventType: 'engine_status_changed',
      sourceEngine: this.id,
      priority: status === 'failed' || status === 'blocked' ? 'HIGH' : 'NORMAL',
      causationId,
      correlationId: this.target?.correlationId,
      data: { engineId: this.id, status, ...detail }
    });
  }

  /** Remembers which dependencies failed for which version (from their status events). */
  private noteUpstreamStatus(event: EngineEvent): void {
    const { status, version, final } = event.data;
    if ((status === 'failed' || status === 'blocked') && final === true && typeof version === 'number') {
      this.failedDependencies.set(event.sourceEngine, version);
    }
  }

  /** Cached outputs of every engine upstream of this one. */
  private gatherUpstream(): Record<EngineId, EngineData> {
    const upstream: Record<EngineId, EngineData> = {};
    for (const dep of this.session.upstreamOf(this.id)) {
      const cached = this.session.cachedOutput(dep);
      if (cached) upstream[dep] = cached.data;
    }
    return upstream;
  }

  /**
   * Recomputes for the current configuration without touching the cache (the consistency
   * manager stores the result when it propagates an invalidation). Undefined on failure.
   */
  async computeDetached(): Promise<EngineData | undefined> {
    const current = this.session.currentConfiguration();
    if (!current) return undefined;
    this.setStatus('busy', { version: current.version, reason: 'invalidated' }, null);
    try {
      await this.faults.beforeCompute();
      const context = { configuration: current.configuration, configVersion: current.version, upstream: this.gatherUpstream() };
      const data = await this.session.measure(`compute:${this.id}`, () => this.engine.compute(context));
      this.lastErrorValue = undefined;
      this.setStatus('idle', { version: current.version }, null);
      return data;
    } catch (error) {
      this.lastErrorValue = errorMessage(error);
      this.publishError(this.lastErrorValue, null, error instanceof EngineCrashError);
      this.setStatus('failed', { reason: this.lastErrorValue, final: false }, null);
      return undefined;
    }
  }

  private async onAnalysisRequested(event: EngineEvent): Promise<unknown> {
    // The broadcast that opens an analysis is for observers; engines answer the requests.
    if (!event.requiresResponse) return undefined;
    const analysisType = String(event.data.analysisType);
    if (!this.engine.analyze || !this.analyses.includes(analysisType)) {
      throw new Error(`${this.id} does not contribute to ${analysisType}`);
    }
    const current = this.session.currentConfiguration();
    if (!current) throw new Error('no configuration has been applied yet');
    const upstream = this.gatherUpstream();
    const own = this.session.cachedOutput(this.id);
    if (own) upstream[this.id] = own.data;
    const context: AnalysisContext<TConfig> = {
      configuration: current.configuration,
      configVersion: current.version,
      upstream,
      analysisType,
      params: (event.data.params as Record<string, unknown>) ?? {},
      contributions: (event.data.contributions as Record<EngineId, unknown>) ?? {}
    };
    const analyze = this.engine.analyze.bind(this.engine);
    return await this.session.measure(`analysis:${analysisType}:${this.id}`, () => analyze(context));
  }

  override dispose(): void {
    try {
      this.engine.dispose?.();
    } finally {
      super.dispose();
    }
  }
}
