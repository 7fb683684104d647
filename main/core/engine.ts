import type { EngineId, EventPayloads, Priority } from '../../shared/events';

/** An engine's outputs: plain, serialisable values (each engine types its own). */
export type EngineData = Readonly<Record<string, unknown>>;

/** Event types an engine may raise about its own work while it computes. */
export type EngineEmittedType = 'module_added' | 'module_removed' | 'material_updated';

/** An event an engine raises about its own work (the coordinator adds ids, version and causation). */
export type EngineEmission = {
  [K in EngineEmittedType]: {
    eventType: K;
    data: EventPayloads[K];
    priority?: Priority;
    targetEngines?: EngineId[];
  };
}[EngineEmittedType];

/** What an engine gets when it computes. */
export interface ComputeContext<TConfig = unknown> {
  /** The configuration of the version being computed (the one its `configuration_changed` carried). */
  configuration: TConfig;
  configVersion: number;
  /** Outputs of the engines this one depends on (direct and transitive), for the same version. */
  upstream: Readonly<Record<EngineId, EngineData>>;
  /**
   * Publishes an event from this engine, linked to the change being computed (`module_added`,
   * `material_updated`…). Absent outside a session (the optimizer's evaluations).
   */
  emit?: (emission: EngineEmission) => void;
}

/** What an engine gets when it contributes to a cross-engine analysis. */
export interface AnalysisContext<TConfig = unknown> extends ComputeContext<TConfig> {
  analysisType: string;
  params: Readonly<Record<string, number | string | boolean>>;
  /** Contributions of engines that ran earlier in this analysis (dependency order). */
  contributions: Readonly<Record<EngineId, unknown>>;
}

/**
 * One simulation engine. The coordinator owns its lifecycle; the engine only computes.
 * A throw from `compute` is a failure; an `EngineCrashError` is a crash, after which the
 * coordinator builds a fresh instance and calls `restore` with the last outputs it published.
 */
export interface SimulationEngine<TConfig = unknown, TOutputs extends EngineData = EngineData> {
  readonly id: EngineId;
  readonly capabilities: readonly string[];
  readonly dependsOn: readonly EngineId[];
  compute(context: ComputeContext<TConfig>): TOutputs | Promise<TOutputs>;
  /** Analysis types this engine contributes to; absent = none. */
  readonly analyses?: readonly string[];
  /** Its computations run in worker processes (over NATS); absent = in process. */
  readonly remote?: boolean;
  analyze?(context: AnalysisContext<TConfig>): unknown;
  restore?(outputs: TOutputs): void;
  dispose?(): void;
}

/** Builds a fresh engine instance: used at start and after a crash. */
export type EngineFactory<TConfig = unknown> = () => SimulationEngine<TConfig>;

/** Thrown by an engine (or injected as a fault) to say the engine process itself died. */
export class EngineCrashError extends Error {
  constructor(
    readonly engineId: EngineId,
    message: string
  ) {
    super(`engine ${engineId} crashed: ${message}`);
    this.name = 'EngineCrashError';
  }
}

/** A failure worth retrying (the bus's retry policy applies only to these). */
export class TransientError extends Error {
  readonly transient = true;
  constructor(message: string) {
    super(message);
    this.name = 'TransientError';
  }
}
