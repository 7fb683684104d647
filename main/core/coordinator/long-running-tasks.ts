import { randomUUID } from 'node:crypto';
import type { EngineId, EventInput, EventType } from '../../../shared/events';
import type { Disposable } from '../../../shared/disposable';
import type { TaskState } from '../../../shared/projection';
import type {
  InputsFreshness,
  MissionProfile,
  OptimizationCriteria,
  OptimizationResult,
  SimulationResult
} from '../../../shared/results';
import { errorMessage } from '../bus/errors';
import type { Publish } from '../log/publish';

export interface TaskProgress<TData> {
  /** 0..1 */
  fraction: number;
  message?: string;
  data: TData;
}

export interface TaskContext<TConfig, TProgress> {
  configuration: TConfig;
  configVersion: number;
  /** Whether the engines were current for `configVersion` when the task started. */
  inputs: InputsFreshness;
  signal: AbortSignal;
  reportProgress(progress: TaskProgress<TProgress>): void;
}

/** A multi-objective search over configurations (the domain supplies it). */
export interface OptimizationStrategy<TConfig> {
  optimize(
    criteria: OptimizationCriteria,
    context: TaskContext<TConfig, { evaluations: number; front: Record<string, number>[] }>
  ): Promise<OptimizationResult>;
}

/** A mission simulation of the current configuration (the domain supplies it). */
export interface SimulationStrategy<TConfig> {
  simulate(
    profile: MissionProfile | null,
    context: TaskContext<TConfig, { phase: string; timeS: number; steps: number }>
  ): Promise<SimulationResult>;
}

export type TaskKind = TaskState['kind'];

export interface TaskOutcome<TResult> {
  taskId: string;
  kind: TaskKind;
  cancelled: boolean;
  durationMs: number;
  result: TResult;
}

export interface TaskHandle<TResult> {
  taskId: string;
  result: Promise<TaskOutcome<TResult>>;
  cancel(): void;
}

interface RunningTask {
  kind: TaskKind;
  controller: AbortController;
  startedAt: number;
}

/** The events of each kind of task. */
const TASK_EVENTS = {
  optimization: { started: 'optimization_started', progress: 'optimization_progress', completed: 'optimization_completed', cancelled: 'optimization_cancelled' },
  simulation: { started: 'simulation_started', progress: 'simulation_progress', completed: 'simulation_completed', cancelled: 'simulation_cancelled' }
} as const satisfies Record<TaskKind, Record<string, EventType>>;

/** Progress events are throttled so a fast search does not flood the log. */
const PROGRESS_INTERVAL_MS = 100;

export interface LongRunningTasksOptions<TConfig> {
  publish: Publish;
  sourceEngine: EngineId;
  optimizer?: OptimizationStrategy<TConfig>;
  simulator?: SimulationStrategy<TConfig>;
  /** The configuration a task starts from, and how current the engines are for it. */
  startingPoint: () => { configuration: TConfig; version: number; inputs: InputsFreshness } | undefined;
}

/**
 * Optimizations and simulations: each runs as a cancellable task that publishes started,
 * throttled progress, and completed (or cancelled) events sharing one correlation id.
 */
export class LongRunningTasks<TConfig> implements Disposable {
  private readonly running = new Map<string, RunningTask>();

  constructor(private readonly options: LongRunningTasksOptions<TConfig>) {}

  optimize(criteria: OptimizationCriteria): TaskHandle<OptimizationResult> {
    const optimizer = this.options.optimizer;
    if (!optimizer) throw new Error('no optimizer is configured for this session');
    return this.launch('optimization', criteria, (context) => optimizer.optimize(criteria, context));
  }

  simulate(profile: MissionProfile | null): TaskHandle<SimulationResult> {
    const simulator = this.options.simulator;
    if (!simulator) throw new Error('no mission simulator is configured for this session');
    return this.launch('simulation', profile, (context) => simulator.simulate(profile, context));
  }

  cancel(taskId: string): boolean {
    const task = this.running.get(taskId);
    if (!task) return false;
    task.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const task of this.running.values()) task.controller.abort();
  }

  get runningCount(): number {
    return this.running.size;
  }

  dispose(): void {
    this.cancelAll();
  }

  /** Starts a task: `<kind>_started`, throttled `<kind>_progress`, then completed or cancelled. */
  private launch<TResult>(kind: TaskKind, input: unknown, work: (context: TaskContext<TConfig, never>) => Promise<TResult>): TaskHandle<TResult> {
    const point = this.options.startingPoint();
    if (!point) throw new Error(`cannot start ${kind}: no configuration has been applied yet`);
    const taskId = randomUUID();
    const task: RunningTask = { kind, controller: new AbortController(), startedAt: performance.now() };
    this.running.set(taskId, task);
    // The event types depend on `kind`, so the payloads are checked by the schemas' shape here
    // (each is `{ taskId, … }` exactly as payloads.ts defines it), not per type by the compiler.
    const types = TASK_EVENTS[kind];
    const { publish, sourceEngine } = this.options;
    const link = { sourceEngine, correlationId: taskId, configVersion: point.version };
    const { eventId: rootId } = publish({ eventType: types.started, ...link, data: { taskId, input } } as EventInput);
    let lastProgressAt = Number.NEGATIVE_INFINITY;
    const context: TaskContext<TConfig, never> = {
      configuration: point.configuration,
      configVersion: point.version,
      inputs: point.inputs,
      signal: task.controller.signal,
      reportProgress: (progress) => {
        const now = performance.now();
        if (now - lastProgressAt < PROGRESS_INTERVAL_MS && progress.fraction < 1) return;
        lastProgressAt = now;
        const fraction = Math.min(1, Math.max(0, progress.fraction));
        publish({ eventType: types.progress, priority: 'LOW', ...link, causationId: rootId, data: { taskId, fraction, message: progress.message, data: progress.data } } as EventInput);
      }
    };
    const result = (async (): Promise<TaskOutcome<TResult>> => {
      try {
        const output = await work(context);
        const cancelled = task.controller.signal.aborted;
        const outcome: TaskOutcome<TResult> = { taskId, kind, cancelled, durationMs: performance.now() - task.startedAt, result: output };
        const eventType = cancelled ? types.cancelled : types.completed;
        publish({ eventType, ...link, causationId: rootId, data: { taskId, cancelled, durationMs: outcome.durationMs, result: output } } as EventInput);
        return outcome;
      } catch (error) {
        publish({
          eventType: 'error_occurred',
          priority: 'HIGH',
          ...link,
          causationId: rootId,
          data: { engineId: sourceEngine, origin: 'task', taskId, message: `${kind} failed: ${errorMessage(error)}` }
        });
        throw error;
      } finally {
        this.running.delete(taskId);
      }
    })();
    return { taskId, result, cancel: () => task.controller.abort() };
  }
}
