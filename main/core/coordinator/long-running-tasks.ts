import { randomUUID } from 'node:crypto';
import type { EngineId } from '../../../shared/events';
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
    const start = this.begin('optimization');
    const { eventId: rootId } = this.options.publish({
      eventType: 'optimization_started',
      sourceEngine: this.options.sourceEngine,
      correlationId: start.taskId,
      configVersion: start.point.version,
      data: { taskId: start.taskId, input: criteria }
    });
    const context = { ...this.contextOf(start), reportProgress: this.progressReporter(start.taskId, rootId, 'optimization_progress', start.point.version) };
    return this.run(start, rootId, () => optimizer.optimize(criteria, context), 'optimization_completed', 'optimization_cancelled');
  }

  simulate(profile: MissionProfile | null): TaskHandle<SimulationResult> {
    const simulator = this.options.simulator;
    if (!simulator) throw new Error('no mission simulator is configured for this session');
    const start = this.begin('simulation');
    const { eventId: rootId } = this.options.publish({
      eventType: 'simulation_started',
      sourceEngine: this.options.sourceEngine,
      correlationId: start.taskId,
      configVersion: start.point.version,
      data: { taskId: start.taskId, input: profile }
    });
    const context = { ...this.contextOf(start), reportProgress: this.progressReporter(start.taskId, rootId, 'simulation_progress', start.point.version) };
    return this.run(start, rootId, () => simulator.simulate(profile, context), 'simulation_completed', 'simulation_cancelled');
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

  private begin(kind: TaskKind): {
    taskId: string;
    task: RunningTask;
    point: { configuration: TConfig; version: number; inputs: InputsFreshness };
  } {
    const point = this.options.startingPoint();
    if (!point) throw new Error(`cannot start ${kind}: no configuration has been applied yet`);
    const taskId = randomUUID();
    const task: RunningTask = { kind, controller: new AbortController(), startedAt: performance.now() };
    this.running.set(taskId, task);
    return { taskId, task, point };
  }

  private contextOf(start: {
    task: RunningTask;
    point: { configuration: TConfig; version: number; inputs: InputsFreshness };
  }): Omit<TaskContext<TConfig, never>, 'reportProgress'> {
    return {
      configuration: start.point.configuration,
      configVersion: start.point.version,
      inputs: start.point.inputs,
      signal: start.task.controller.signal
    };
  }

  private progressReporter<K extends 'optimization_progress' | 'simulation_progress'>(
    taskId: string,
    rootId: string,
    eventType: K,
    configVersion: number
  ): (progress: TaskProgress<never>) => void {
    let lastProgressAt = Number.NEGATIVE_INFINITY;
    return (progress) => {
      const now = performance.now();
      if (now - lastProgressAt < PROGRESS_INTERVAL_MS && progress.fraction < 1) return;
      lastProgressAt = now;
      this.options.publish({
        eventType,
        sourceEngine: this.options.sourceEngine,
        priority: 'LOW',
        correlationId: taskId,
        causationId: rootId,
        configVersion,
        data: { taskId, fraction: Math.min(1, Math.max(0, progress.fraction)), message: progress.message, data: progress.data }
      } as Parameters<Publish>[0]);
    };
  }

  private run<TResult>(
    start: { taskId: string; task: RunningTask; point: { version: number } },
    rootId: string,
    work: () => Promise<TResult>,
    completedType: 'optimization_completed' | 'simulation_completed',
    cancelledType: 'optimization_cancelled' | 'simulation_cancelled'
  ): TaskHandle<TResult> {
    const { taskId, task } = start;
    const kind = task.kind;
    const { publish, sourceEngine } = this.options;
    const result = (async (): Promise<TaskOutcome<TResult>> => {
      try {
        const output = await work();
        const cancelled = task.controller.signal.aborted;
        const outcome: TaskOutcome<TResult> = { taskId, kind, cancelled, durationMs: performance.now() - task.startedAt, result: output };
        publish({
          eventType: cancelled ? cancelledType : completedType,
          sourceEngine,
          correlationId: taskId,
          causationId: rootId,
          configVersion: start.point.version,
          data: { taskId, cancelled, durationMs: outcome.durationMs, result: output }
        } as Parameters<Publish>[0]);
        return outcome;
      } catch (error) {
        publish({
          eventType: 'error_occurred',
          sourceEngine,
          priority: 'HIGH',
          correlationId: taskId,
          causationId: rootId,
          configVersion: start.point.version,
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
