import type { EngineId } from '../../../shared/events';
import type { EngineState } from '../../../shared/projection';
import { DisposableStore } from '../../../shared/disposable';
import { errorMessage } from '../bus/errors';
import {
  EngineCrashError,
  type AnalysisContext,
  type EngineData,
  type EngineEmission,
  type EngineFactory,
  type SimulationEngine
} from '../engine';
import type { Publish } from '../log/publish';
import { previousValuesOf, shareUnchanged } from '../consistency/compare-values';
import { FaultInjector } from './fault-injector';
import type { SupervisorDecision } from './supervisor';
import { firstNonFiniteNumber } from './finite-outputs';

/** What a runner needs from the session around it. */
export interface RunnerSession {
  readonly publish: Publish;
  /** The engine's last published outputs and their version (from the session state). */
  publishedOutputs(engineId: EngineId): { version: number; outputs: EngineData } | undefined;
  measure<T>(operation: string, fn: () => T): T;
  /** Records one timing of a named operation. */
  recordOperation(operation: string, ms: number): void;
  /** The engines that depend directly on this one (an output is addressed to them). */
  dependentsOf(engineId: EngineId): readonly EngineId[];
  /**
   * Tells the supervisor the engine failed; it decides (and schedules) the restart, or gives the
   * engine up. The runner publishes what it decided.
   */
  supervise(engineId: EngineId, version: number): SupervisorDecision;
  /** The engine computed: its backoff starts over. */
  succeeded(engineId: EngineId): void;
  /** Records how long a computation took, as this engine's latency. */
  recordWork(engineId: EngineId, ms: number): void;
}

/** One computation the recompute path asks for. */
export interface ComputeTarget<TConfig> {
  version: number;
  configuration: TConfig;
  upstream: Readonly<Record<EngineId, EngineData>>;
  /** The event that made the computation necessary, and its chain. */
  causationId: string;
  correlationId: string;
  /** Whether the result may still be published (false once a newer version is current). */
  stillCurrent: () => boolean;
  /** Given-up engines whose last outputs `upstream` holds (directly or through a degraded engine). */
  degradedBy: readonly EngineId[];
}

/** How a computation ended: outputs published, a failure published, or dropped as obsolete. */
export type ComputeOutcome = 'computed' | 'failed' | 'superseded';

/**
 * Runs one engine: computes a configuration version when the recompute path asks, publishes
 * the outputs (`engine_output`, the engine owns them) or the failure, applies injected faults,
 * and after a crash rebuilds the engine from its factory and restores its published outputs.
 */
export class EngineRunner<TConfig = unknown> extends DisposableStore {
  private engine: SimulationEngine<TConfig>;
  /** `compute:<id>`, the operation the monitor times (built once per engine instance, not per computation). */
  private computeOperation: string;
  private restartCount = 0;
  readonly faults: FaultInjector;

  constructor(
    private readonly factory: EngineFactory<TConfig>,
    private readonly session: RunnerSession
  ) {
    super();
    this.engine = factory();
    this.computeOperation = `compute:${this.engine.id}`;
    this.faults = new FaultInjector(this.engine.id);
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
  get remote(): boolean {
    return this.engine.remote === true;
  }

  /**
   * Computes `target.version` and publishes what happened. Never throws. Written as promise
   * steps rather than an async function: each step runs in the same turn an `await` would resume
   * it (so engines computing side by side interleave the same way), without a suspended frame
   * per step.
   */
  compute(target: ComputeTarget<TConfig>): Promise<ComputeOutcome> {
    const startedAt = performance.now();
    return this.faults
      .beforeCompute()
      .then(() => this.engine.compute({ configuration: target.configuration, configVersion: target.version, upstream: target.upstream, emit: this.emitFor(target) }))
      .then(
        (outputs) => {
          this.recordComputeTime(startedAt);
          return this.publishOutputs(target, startedAt, outputs);
        },
        (error: unknown) => {
          this.recordComputeTime(startedAt);
          return this.computeFailed(target, error);
        }
      );
  }

  /** The time the computation took until it settled, any injected slowness included (the time the user waits). */
  private recordComputeTime(startedAt: number): void {
    this.session.recordOperation(this.computeOperation, performance.now() - startedAt);
  }

  /** Publishes what the engine emits while it computes `target`, linked to that change. */
  private emitFor(target: ComputeTarget<TConfig>): (emission: EngineEmission) => void {
    return (emission) => {
      this.session.publish({
        ...emission,
        sourceEngine: this.id,
        correlationId: target.correlationId,
        causationId: target.causationId,
        configVersion: target.version
      } as Parameters<Publish>[0]);
    };
  }

  /** Publishes the outputs of a computation (a non-finite number is a failure), unless a newer version made them obsolete. */
  private publishOutputs(target: ComputeTarget<TConfig>, startedAt: number, outputs: EngineData): ComputeOutcome {
    try {
      const bad = firstNonFiniteNumber(outputs);
      if (bad) throw new Error(`output ${bad.path} is ${String(bad.value)}, not a finite number`);
      if (!target.stillCurrent()) return 'superseded';
      const durationMs = performance.now() - startedAt;
      this.session.recordWork(this.id, durationMs);
      const previous = this.session.publishedOutputs(this.id)?.outputs ?? {};
      const shared = shareUnchanged(previous, outputs as Record<string, unknown>);
      this.session.publish({
        eventType: 'engine_output',
        sourceEngine: this.id,
        targetEngines: [...this.session.dependentsOf(this.id)],
        correlationId: target.correlationId,
        causationId: target.causationId,
        configVersion: target.version,
        data: {
          engineId: this.id,
          version: target.version,
          outputs: shared.value,
          changedFields: shared.changedFields,
          previousValues: previousValuesOf(previous, shared.changedFields),
          durationMs,
          degradedBy: [...target.degradedBy]
        }
      });
      this.session.succeeded(this.id);
      return 'computed';
    } catch (error) {
      return this.computeFailed(target, error);
    }
  }

  /** Publishes a failed computation, unless a newer version made it obsolete. */
  private computeFailed(target: ComputeTarget<TConfig>, error: unknown): ComputeOutcome {
    if (!target.stillCurrent()) return 'superseded';
    this.fail(errorMessage(error), error instanceof EngineCrashError, target.version, target.causationId, target.correlationId);
    return 'failed';
  }

  /** Kills the engine now (an injected crash); its supervisor restarts it. */
  crash(reason: string, version: number, correlationId: string): void {
    this.fail(new EngineCrashError(this.id, reason).message, true, version, null, correlationId);
  }

  /** Rebuilds the engine from its factory and restores its last published outputs. */
  restart(reason: string, version: number, causationId: string | null, correlationId?: string): void {
    const link = { causationId, correlationId, configVersion: version };
    this.session.publish({
      eventType: 'engine_status_changed',
      sourceEngine: this.id,
      ...link,
      data: { engineId: this.id, status: 'restarting', version, reason }
    });
    try {
      this.engine.dispose?.();
    } catch {
      // A dying engine may fail to clean up; the new instance replaces it either way.
    }
    this.engine = this.factory();
    this.computeOperation = `compute:${this.engine.id}`;
    const published = this.session.publishedOutputs(this.id);
    if (published) this.engine.restore?.(published.outputs);
    this.restartCount++;
    this.session.publish({
      eventType: 'engine_restarted',
      sourceEngine: this.id,
      priority: 'HIGH',
      ...link,
      data: {
        engineId: this.id,
        reason,
        restarts: this.restartCount,
        recoveredFromCache: published !== undefined,
        recoveredConfigVersion: published?.version ?? null
      }
    });
  }

  /**
   * Continues a recovered session's engine: its last outputs restored, its restart count and its
   * armed faults as the session left them (a fault armed before a crash still fires after it).
   */
  resume(engine: Pick<EngineState, 'outputs' | 'restarts' | 'faults'>): void {
    if (engine.outputs) this.engine.restore?.(engine.outputs);
    this.restartCount = engine.restarts;
    if (engine.faults.slowMs > 0) this.faults.arm({ kind: 'slow', delayMs: engine.faults.slowMs });
    if (engine.faults.failuresLeft > 0) this.faults.arm({ kind: 'fail', count: engine.faults.failuresLeft });
  }

  /** This engine's contribution to an analysis (the coordinator checked its inputs are current). */
  analyze(context: AnalysisContext<TConfig>): unknown {
    if (!this.engine.analyze || !this.analyses.includes(context.analysisType)) {
      throw new Error(`${this.id} does not contribute to ${context.analysisType}`);
    }
    const analyze = this.engine.analyze.bind(this.engine);
    return this.session.measure(`analysis:${context.analysisType}:${this.id}`, () => analyze(context));
  }

  /** Marks the engine stopped (the session is shutting down). */
  stop(version: number): void {
    this.session.publish({
      eventType: 'engine_status_changed',
      sourceEngine: this.id,
      configVersion: version,
      data: { engineId: this.id, status: 'stopped', version, reason: 'session shut down' }
    });
  }

  /** Publishes a failure (a crash too: the engine died) with what the supervisor decided. */
  private fail(message: string, crash: boolean, version: number, causationId: string | null, correlationId: string): void {
    const link = { causationId, correlationId, configVersion: version };
    this.session.publish({
      eventType: 'error_occurred',
      sourceEngine: this.id,
      priority: 'HIGH',
      ...link,
      data: { engineId: this.id, origin: 'engine', message, crash }
    });
    const decision = this.session.supervise(this.id, version);
    this.session.publish({
      eventType: 'engine_status_changed',
      sourceEngine: this.id,
      priority: 'HIGH',
      ...link,
      data: {
        engineId: this.id,
        status: 'failed',
        version,
        reason: decision.restart ? message : `${message} — ${decision.reason}`,
        ...(decision.restart ? { retryInMs: decision.delayMs } : { final: true }),
        faults: this.faults.state
      }
    });
  }

  override dispose(): void {
    try {
      this.engine.dispose?.();
    } finally {
      super.dispose();
    }
  }
}
