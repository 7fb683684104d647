import type { EngineId, EventType, Priority } from '../../shared/events';

/** An engine's outputs as cached by the consistency manager: plain, serialisable values. */
export type EngineData = Record<string, unknown>;

/** An event an engine raises about its own work (the runner adds ids and causation). */
export interface EngineEmission {
  eventType: EventType;
  data: Record<string, unknown>;
  priority?: Priority;
  targetEngines?: EngineId[];
}

/** What an engine gets when it recomputes. */
export interface ComputeContext<TConfig = unknown> {
  configuration: TConfig;
  configVersion: number;
  /** Cached outputs of the engines this one depends on (direct and transitive). */
  upstream: Readonly<Record<EngineId, EngineData>>;
  /**
   * Publishes an event from this engine, linked to the change being computed (e.g.
   * `module_added`, `material_updated`, `validation_failed`). Absent outside a session.
   */
  emit?: (emission: EngineEmission) => void;
}

/** What an engine gets when it contributes to a cross-engine analysis. */
export interface AnalysisContext<TConfig = unknown> extends ComputeContext<TConfig> {
  analysisType: string;
  params: Record<string, unknown>;
  /** Contributions of engines that ran earlier in this analysis (dependency order). */
  contributions: Readonly<Record<EngineId, unknown>>;
}

/**
 * One simulation engine. The coordinator owns its lifecycle; the engine only computes.
 * A throw from `compute` is a failure; an `EngineCrashError` is a crash, after which the
 * coordinator builds a fresh instance and calls `restore` with the last cached outputs.
 */
export interface SimulationEngine<TConfig = unknown> {
  readonly id: EngineId;
  readonly capabilities: readonly string[];
  readonly dependsOn: readonly EngineId[];
  compute(context: ComputeContext<TConfig>): EngineData | Promise<EngineData>;
  /** Analysis types this engine contributes to; absent = none. */
  readonly analyses?: readonly string[];
  analyze?(context: AnalysisContext<TConfig>): unknown;
  restore?(cached: EngineData): void;
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
