import { randomUUID } from 'node:crypto';
import type { EngineId, EventType } from '../../../shared/events';
import type { Disposable } from '../../../shared/disposable';
import type { EventBus } from '../bus/event-bus';
import { errorMessage } from '../bus/errors';

export interface TaskProgress {
  /** 0..1 */
  fraction: number;
  message?: string;
  data?: Record<string, unknown>;
}

export interface TaskContext<TConfig> {
  configuration: TConfig;
  configVersion: number;
  signal: AbortSignal;
  reportProgress(progress: TaskProgress): void;
}

/** A multi-objective search over configurations (the domain supplies it). */
export interface OptimizationStrategy<TConfig> {
  optimize(criteria: Record<string, unknown>, context: TaskContext<TConfig>): Promise<Record<string, unknown>>;
}

/** A mission simulation of the current configuration (the domain supplies it). */
export interface SimulationStrategy<TConfig> {
  simulate(profile: Record<string, unknown>, context: TaskContext<TConfig>): Promise<Record<string, unknown>>;
}

export type TaskKind = 'optimization' | 'simulation';

export interface TaskOutcome {
  taskId: string;
  kind: TaskKind;
  cancelled: boolean;
  durationMs: number;
  result: Record<string, unknown>;
}

export interface TaskHandle {
  taskId: string;
  result: Promise<TaskOutcome>;
  cancel(): void;
}

interface RunningTask {
  kind: TaskKind;
  controller: AbortController;
  startedAt: number;
  progress: TaskProgress;
}

const EVENTS: Record<TaskKind, { started: EventType; progress: EventType; completed: EventType; cancelled: EventType }> = {
  optimization: {
    started: 'optimization_started',
    progress: 'optimization_progress',
    completed: 'optimization_completed',
    cancelled: 'optimization_cancelled'
  },
  simulation: {
    started: 'simulation_started',
    progress: 'simulation_progress',
    completed: 'simulation_completed',
    cancelled: 'simulation_cancelled'
  }
};
/** Progress events are throttled so a fast search does not flood the bus. */
const PROGRESS_INTERVAL_MS = 100;

export interface LongRunningTasksOptions<TConfig> {
  bus: EventBus;
  sourceEngine: EngineId;
  optimizer?: OptimizationStrategy<TConfig>;
  simulator?: SimulationStrategy<TConfig>;
  currentConfiguration: () => { configuration: TConfig; version: number } | undefined;
}

/**
 * Optimizations and simulations: each runs as a cancellable task that publishes started,
 * throttled progress, and completed (or cancelled) events sharing one correlation id.
 */
export class LongRunningTasks<TConfig> implements Disposable {
  private readonly running = new Map<string, RunningTask>();

  constructor(private readonly options: LongRunningTasksOptions<TConfig>) {}

  optimize(criteria: Record<string, unknown>): TaskHandle {
    const optimizer = this.options.optimizer;
    if (!optimizer) throw new Error('no optimizer is configured for this session');
    return this.start('optimization', criteria, (ctx) => optimizer.optimize(criteria, ctx));
  }

  simulate(profile: Record<string, unknown>): TaskHandle {
    const simulator = this.options.simulator;
    if (!simulator) throw new Error('no mission simulator is configured for this session');
    return this.start('simulation', profile, (ctx) => simulator.simulate(profile, ctx));
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

  list(): { taskId: string; kind: TaskKind; fraction: number; message?: string; runningMs: number }[] {
    return [...this.running].map(([taskId, task]) => ({
      taskId,
      kind: task.kind,
      fraction: task.progress.fraction,
      message: task.progress.message,
      runningMs: performance.now() - task.startedAt
    }));
  }

  dispose(): void {
    this.cancelAll();
  }

  private start(
    kind: TaskKind,
    input: Record<string, unknown>,
    work: (context: TaskContext<TConfig>) => Promise<Record<string, unknown>>
  ): TaskHandle {
    const current = this.options.currentConfiguration();
    if (!current) throw new Error(`cannot start ${kind}: no configuration has been applied yet`);
    const taskId = randomUUID();
    const { bus, sourceEngine } = this.options;
    const events = EVENTS[kind];
    const task: RunningTask = { kind, controller: new AbortController(), startedAt: performance.now(), progress: { fraction: 0 } };
    this.running.set(taskId, task);
    const { eventId: rootId } = bus.publish({
      eventType: events.started,
      sourceEngine,
      correlationId: taskId,
      data: { taskId, input, configVersion: current.version }
    });
    let lastProgressAt = 0;
    const context: TaskContext<TConfig> = {
      configuration: current.configuration,
      configVersion: current.version,
      signal: task.controller.signal,
      reportProgress: (progress) => {
        task.progress = progress;
        const now = performance.now();
        if (now - lastProgressAt < PROGRESS_INTERVAL_MS && progress.fraction < 1) return;
        lastProgressAt = now;
        bus.publish({
          eventType: events.progress,
          sourceEngine,
          priority: 'LOW',
          correlationId: taskId,
          causationId: rootId,
          data: { taskId, ...progress }
        });
      }
    };
    const result = (async (): Promise<TaskOutcome> => {
      try {
        const output = await work(context);
        const cancelled = task.controller.signal.aborted;
        const outcome: TaskOutcome = { taskId, kind, cancelled, durationMs: performance.now() - task.startedAt, result: output };
        bus.publish({
          eventType: cancelled ? events.cancelled : events.completed,
          sourceEngine,
          correlationId: taskId,
          causationId: rootId,
          data: { ...outcome }
        });
        return outcome;
      } catch (error) {
        bus.publish({
          eventType: 'error_occurred',
          sourceEngine,
          priority: 'HIGH',
          correlationId: taskId,
          causationId: rootId,
          data: { engineId: sourceEngine, taskId, message: `${kind} failed: ${errorMessage(error)}` }
        });
        throw error;
      } finally {
        this.running.delete(taskId);
      }
    })();
    return { taskId, result, cancel: () => task.controller.abort() };
  }
}
