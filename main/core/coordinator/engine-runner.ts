import type { EngineId } from '../../../shared/events';
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
import { shareUnchanged } from '../consistency/compare-values';
import { FaultInjector } from './fault-injector';
import type { SupervisorDecision } from './supervisor';
import { firstNonFiniteNumber } from './finite-outputs';

/** What a runner needs from the session around it. */
export interface RunnerSession {
  readonly publish: Publish;
  /** The engine's last published outputs and their version (from the session state). */
  publishedOutputs(engineId: EngineId): { version: number; outputs: EngineData } | undefined;
  measure<T>(operation: string, fn: () => T): T;
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
  private restartCount = 0;
  readonly faults: FaultInjector;

  constructor(
    private readonly factory: EngineFactory<TConfig>,
    private readonly session: RunnerSession
  ) {
    super();
    this.engine = factory();
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

  /** Computes `target.version` and publishes what happened. Never throws. */
  async compute(target: ComputeTarget<TConfig>): Promise<ComputeOutcome> {
    const startedAt = performance.now();
    const link = { correlationId: target.correlationId, causationId: target.causationId, configVersion: target.version };
    try {
      const emit = (emission: EngineEmission): void => {
        this.session.publish({ ...emission, sourceEngine: this.id, ...link } as Parameters<Publish>[0]);
      };
      // Measured with any injected slowness: the time the user waits is the time reported.
      const outputs = await this.session.measure(`compute:${this.id}`, async () => {
        await this.faults.beforeCompute();
        return this.engine.compute({ configuration: target.configuration, configVersion: target.version, upstream: target.upstream, emit });
      });
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
        ...link,
        data: {
          engineId: this.id,
          version: target.version,
          outputs: shared.value,
          changedFields: shared.changedFields,
          durationMs,
          degradedBy: [...target.degradedBy]
        }
      });
      this.session.succeeded(this.id);
      return 'computed';
    } catch (error) {
      if (!target.stillCurrent()) return 'superseded';
      this.fail(errorMessage(error), error instanceof EngineCrashError, target.version, link.causationId, link.correlationId);
      return 'failed';
    }
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
