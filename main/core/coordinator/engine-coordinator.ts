import { randomUUID } from 'node:crypto';
import type { EngineId } from '../../../shared/events';
import type { Violation } from '../../../shared/consistency';
import { DisposableStore, toDisposable } from '../../../shared/disposable';
import { EventBus } from '../bus/event-bus';
import type { EventBusOptions } from '../bus/types';
import { EngineRegistry } from '../registry';
import { DataConsistencyManager } from '../consistency';
import type { ConsistencyRule } from '../../../shared/consistency';
import { PerformanceMonitor, type PerformanceMonitorOptions } from '../performance';
import type { EngineData, EngineFactory } from '../engine';
import { EngineRunner, type RunnerSession } from './engine-runner';
import type { Fault } from './fault-injector';
import { runAnalysisWaves, ANALYSIS_TYPES, type AnalysisResult } from './cross-engine-analysis';
import { LongRunningTasks, type OptimizationStrategy, type SimulationStrategy } from './long-running-tasks';
import { staleAfterChange } from './stale-after-change';
import type { EngineOutcome } from './types';
import type { EngineStatusReport, SystemStatus } from '../../../shared/protocol/engine-commands';

/** The coordinator's own engine id, used as the source of the events it publishes. */
export const COORDINATOR_ENGINE_ID = 'coordinator';

export type ConfigurationValidation<TConfig> =
  | { ok: true; configuration: TConfig }
  | { ok: false; errors: string[] };

export interface EngineCoordinatorOptions<TConfig> {
  engines: readonly EngineFactory<TConfig>[];
  bus?: Omit<EventBusOptions, 'metrics'>;
  monitor?: Omit<PerformanceMonitorOptions, 'publish'>;
  /** Parses an incoming configuration; without it every configuration is accepted as is. */
  validateConfiguration?: (configuration: unknown) => ConfigurationValidation<TConfig>;
  /** Consistency rules installed at initialize. */
  rules?: readonly ConsistencyRule[];
  /** Combines the engines' contributions to an analysis into its headline figures. */
  summarizeAnalysis?: (analysisType: string, contributions: Readonly<Record<EngineId, unknown>>) => Record<string, unknown>;
  optimizer?: OptimizationStrategy<TConfig>;
  simulator?: SimulationStrategy<TConfig>;
}

export interface ConfigurationChangeResult {
  ok: boolean;
  version: number;
  correlationId: string;
  eventId: string | null;
  durationMs: number;
  engines: EngineOutcome[];
  violations: { opened: Violation[]; resolved: Violation[]; open: number };
  errors: string[];
}


/**
 * Runs the engines as one session: configuration changes flow through them in dependency
 * order (independent ones concurrently), analyses are requests answered by the engines
 * concerned, and every step is an event in the bus's history with its causation id.
 *
 * @example
 * const coordinator = new EngineCoordinator({ engines: [() => new DesignEngine(lib), ...] });
 * await coordinator.initialize();
 * const result = await coordinator.processConfigurationChange(config, 'design');
 */
export class EngineCoordinator<TConfig = unknown> extends DisposableStore {
  readonly bus: EventBus;
  readonly registry = new EngineRegistry<EngineRunner<TConfig>>();
  readonly monitor: PerformanceMonitor;
  readonly consistency: DataConsistencyManager;
  private readonly runners = new Map<EngineId, EngineRunner<TConfig>>();
  private readonly tasks: LongRunningTasks<TConfig>;
  private current: { configuration: TConfig; version: number } | undefined;
  private versionCounter = 0;
  private changeQueue: Promise<unknown> = Promise.resolve();
  private initialized = false;

  constructor(private readonly options: EngineCoordinatorOptions<TConfig>) {
    super();
    this.monitor = this.register(
      new PerformanceMonitor({ ...options.monitor, publish: (input) => this.bus.publish(input) })
    );
    this.bus = this.register(new EventBus({ ...options.bus, metrics: this.monitor }));
    this.consistency = this.register(
      new DataConsistencyManager({ registry: this.registry, publish: (input) => this.bus.publish(input) })
    );
    this.register(this.registry);
    this.tasks = this.register(
      new LongRunningTasks<TConfig>({
        bus: this.bus,
        sourceEngine: COORDINATOR_ENGINE_ID,
        optimizer: options.optimizer,
        simulator: options.simulator,
        currentConfiguration: () => this.current
      })
    );
  }

  /** Registers and starts the engines; with a configuration, runs it through them. */
  async initialize(configuration?: unknown): Promise<ConfigurationChangeResult | undefined> {
    if (this.initialized) throw new Error('coordinator already initialized');
    this.initialized = true;
    const session = this.runnerSession();
    for (const factory of this.options.engines) {
      const runner = new EngineRunner<TConfig>(factory, session);
      this.registry.register(runner, runner.capabilities, runner.dependsOn);
      this.runners.set(runner.id, runner);
      this.register(runner);
    }
    for (const rule of this.options.rules ?? []) this.consistency.addConsistencyRule(rule);
    this.consistency.setRecomputeHandler((engineId) => this.recomputeForInvalidation(engineId));
    this.bus.startProcessing();
    this.monitor.start();
    this.register(toDisposable(() => this.monitor.stop()));
    if (configuration === undefined) return undefined;
    return this.processConfigurationChange(configuration, COORDINATOR_ENGINE_ID);
  }

  /** Stops the bus after in-flight work, then disposes engines and timers. */
  async shutdown(): Promise<void> {
    this.tasks.cancelAll();
    await this.changeQueue.catch(() => undefined);
    await this.bus.stopProcessing();
    this.dispose();
  }

  get configuration(): { configuration: TConfig; version: number } | undefined {
    return this.current;
  }

  /**
   * Validates a configuration, publishes `configuration_changed` (HIGH) with a fresh
   * correlation id and waits until every engine has computed, failed or been blocked.
   * Changes are applied one at a time, in call order.
   */
  processConfigurationChange(configuration: unknown, sourceEngine: EngineId = 'design'): Promise<ConfigurationChangeResult> {
    const run = this.changeQueue.then(() => this.applyChange(configuration, sourceEngine));
    this.changeQueue = run.catch(() => undefined);
    return run;
  }

  private async applyChange(raw: unknown, sourceEngine: EngineId): Promise<ConfigurationChangeResult> {
    this.assertInitialized();
    const startedAt = performance.now();
    const correlationId = randomUUID();
    const validation = this.options.validateConfiguration?.(raw) ?? { ok: true as const, configuration: raw as TConfig };
    if (!validation.ok) {
      const { eventId } = this.bus.publish({
        eventType: 'validation_failed',
        sourceEngine,
        priority: 'HIGH',
        correlationId,
        data: { errors: validation.errors }
      });
      return {
        ok: false,
        version: this.current?.version ?? 0,
        correlationId,
        eventId,
        durationMs: performance.now() - startedAt,
        engines: [],
        violations: { opened: [], resolved: [], open: this.consistency.getViolationCounts().open },
        errors: validation.errors
      };
    }
    const version = ++this.versionCounter;
    const previousVersion = this.current?.version ?? null;
    this.current = { configuration: validation.configuration, version };
    const outcomes = this.waitForVersion(version);
    const { eventId } = this.bus.publish({
      eventType: 'configuration_changed',
      sourceEngine,
      priority: 'HIGH',
      correlationId,
      data: { version, previousVersion, configuration: validation.configuration as unknown }
    });
    const engines = await outcomes;
    const check = this.consistency.validateAll({ causationId: eventId, correlationId });
    for (const outcome of engines) if (outcome.outcome === 'computed') this.consistency.markFresh(outcome.engineId);
    for (const stale of staleAfterChange(engines, version, eventId, correlationId, (id) => this.registry.getDependencies(id))) {
      this.consistency.markStale(stale);
    }
    const failed = engines.filter((e) => e.outcome !== 'computed');
    return {
      ok: failed.length === 0,
      version,
      correlationId,
      eventId,
      durationMs: performance.now() - startedAt,
      engines,
      violations: { opened: check.opened, resolved: check.resolved, open: this.consistency.getViolationCounts().open },
      errors: failed.map((e) => `${e.engineId} ${e.outcome}${e.error ? `: ${e.error}` : ''}`)
    };
  }

  /** Resolves when every engine has settled `version`, or when the event timeout passes. */
  private waitForVersion(version: number): Promise<EngineOutcome[]> {
    const pending = new Set(this.runners.keys());
    const outcomes = new Map<EngineId, EngineOutcome>();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        for (const s of subscriptions) s.dispose();
        resolve(
          this.registry.topologicalOrder().map(
            (id) => outcomes.get(id) ?? { engineId: id, outcome: 'unfinished', error: `no result within ${this.eventTimeoutMs} ms` }
          )
        );
      };
      const timer = setTimeout(finish, this.eventTimeoutMs);
      const subscriptions = [...this.runners.values()].map((runner) =>
        runner.onDidSettle((settled) => {
          if (settled.version !== version) return;
          pending.delete(settled.engineId);
          outcomes.set(settled.engineId, {
            engineId: settled.engineId,
            outcome: settled.outcome,
            durationMs: runner.lastDurationMs,
            error: settled.outcome === 'computed' ? undefined : runner.lastError
          });
          if (pending.size === 0) finish();
        })
      );
      if (pending.size === 0) finish();
    });
  }

  private get eventTimeoutMs(): number {
    return this.options.bus?.eventTimeoutMs ?? 30_000;
  }

  /**
   * Runs an analysis: the engines that contribute to it answer a request in dependency
   * order (each wave concurrently); one engine's failure is reported, the rest go on.
   */
  async runCrossEngineAnalysis(analysisType: string, params: Record<string, unknown> = {}): Promise<AnalysisResult> {
    this.assertInitialized();
    const known = this.getAnalysisTypes();
    if (!known.includes(analysisType)) {
      throw new Error(`unknown analysis type "${analysisType}"; expected one of: ${known.join(', ')}`);
    }
    return this.monitor.measure(`analysis:${analysisType}`, () =>
      runAnalysisWaves({
        bus: this.bus,
        sourceEngine: COORDINATOR_ENGINE_ID,
        analysisType,
        params,
        order: this.registry.topologicalOrder(),
        contributors: new Set(this.contributorsOf(analysisType)),
        dependenciesOf: (id) => this.registry.getDependencies(id, { transitive: true }),
        configVersion: this.current?.version ?? 0,
        timeoutMs: this.eventTimeoutMs,
        summarize: this.options.summarizeAnalysis
      })
    );
  }

  /** Engines that contribute to an analysis type. */
  contributorsOf(analysisType: string): EngineId[] {
    return [...this.runners.values()].filter((r) => r.analyses.includes(analysisType)).map((r) => r.id);
  }

  /** The seed's analysis types plus any an engine declares. */
  getAnalysisTypes(): string[] {
    return [...new Set<string>([...ANALYSIS_TYPES, ...[...this.runners.values()].flatMap((r) => r.analyses)])];
  }

  /** Multi-objective optimization through the configured strategy; cancel with `cancelTask`. */
  optimizeConfiguration(criteria: Record<string, unknown>): ReturnType<LongRunningTasks<TConfig>['optimize']> {
    this.assertInitialized();
    return this.tasks.optimize(criteria);
  }

  /** Mission simulation through the configured strategy; cancel with `cancelTask`. */
  runSimulation(missionProfile: Record<string, unknown>): ReturnType<LongRunningTasks<TConfig>['simulate']> {
    this.assertInitialized();
    return this.tasks.simulate(missionProfile);
  }

  /** Cancels a running optimization or simulation; false if no such task runs. */
  cancelTask(taskId: string): boolean {
    return this.tasks.cancel(taskId);
  }

  /** Injects a fault into an engine (crash now, slow, fail next N, clear). */
  async injectFault(engineId: EngineId, fault: Fault): Promise<void> {
    const runner = this.requireRunner(engineId);
    this.bus.publish({
      eventType: 'fault_injected',
      sourceEngine: COORDINATOR_ENGINE_ID,
      targetEngines: [engineId],
      priority: 'HIGH',
      data: { engineId, fault }
    });
    if (fault.kind === 'crash') await runner.crash('injected crash');
    else runner.faults.arm(fault);
  }

  /** Restarts an engine from the consistency cache and resumes any pending computation. */
  restartEngine(engineId: EngineId): Promise<void> {
    return this.requireRunner(engineId).restart('restart requested');
  }

  /**
   * Recomputes one engine for the current configuration (e.g. after its library changed)
   * and, when its outputs changed, invalidates downstream engines through the rules.
   */
  async refreshEngine(engineId: EngineId, reason: string): Promise<{ changedFields: string[] }> {
    this.requireRunner(engineId);
    const data = await this.recomputeForInvalidation(engineId);
    if (!data) throw new Error(`${engineId} could not recompute: ${this.requireRunner(engineId).lastError ?? 'unknown error'}`);
    const meta = { configVersion: this.current?.version ?? 0, causationId: undefined, correlationId: randomUUID() };
    const { changedFields } = this.consistency.updateDataCache(engineId, data, meta);
    if (changedFields.length > 0) {
      await this.consistency.propagateInvalidation(engineId, changedFields, { correlationId: meta.correlationId });
    }
    this.bus.publish({
      eventType: 'engine_output',
      sourceEngine: engineId,
      correlationId: meta.correlationId,
      data: { version: meta.configVersion, changedFields, reason }
    });
    return { changedFields };
  }

  private async recomputeForInvalidation(engineId: EngineId): Promise<EngineData | undefined> {
    const runner = this.requireRunner(engineId);
    return runner.computeDetached();
  }

  getSystemStatus(): SystemStatus {
    return {
      initialized: this.initialized,
      configVersion: this.current?.version ?? 0,
      engines: this.registry.topologicalOrder().map((id) => this.engineStatus(this.requireRunner(id))),
      bus: this.bus.getStats(),
      violations: this.consistency.getViolationCounts(),
      staleEngines: this.consistency.getStaleness().map((s) => s.engineId),
      tasks: this.tasks.list()
    };
  }

  getPerformanceReport(): ReturnType<PerformanceMonitor['getReport']> & { bus: ReturnType<EventBus['getStats']> } {
    return { ...this.monitor.getReport(), bus: this.bus.getStats() };
  }

  private engineStatus(runner: EngineRunner<TConfig>): EngineStatusReport {
    return {
      engineId: runner.id,
      status: runner.status,
      capabilities: [...runner.capabilities],
      dependsOn: [...runner.dependsOn],
      computedVersion: runner.computedVersion,
      cachedVersion: this.consistency.getCachedData(runner.id)?.version ?? null,
      lastDurationMs: runner.lastDurationMs ?? null,
      lastError: runner.lastError ?? null,
      restarts: runner.restarts,
      faults: runner.faults.state
    };
  }

  private runnerSession(): RunnerSession<TConfig> {
    // Every computation asks for these; they only change when an engine (un)registers.
    const upstream = new Map<EngineId, readonly EngineId[]>();
    const dependents = new Map<EngineId, readonly EngineId[]>();
    this.register(
      this.registry.onDidChange(() => {
        upstream.clear();
        dependents.clear();
      })
    );
    const remembered = (cache: Map<EngineId, readonly EngineId[]>, id: EngineId, walk: () => EngineId[]): readonly EngineId[] => {
      let ids = cache.get(id);
      if (!ids) cache.set(id, (ids = walk()));
      return ids;
    };
    return {
      bus: this.bus,
      cachedOutput: (id) => this.consistency.getCachedData(id),
      storeOutput: (id, data, meta) => this.consistency.updateDataCache(id, data, meta),
      upstreamOf: (id) => remembered(upstream, id, () => this.registry.getDependencies(id, { transitive: true })),
      dependentsOf: (id) => remembered(dependents, id, () => this.registry.getDependents(id)),
      measure: (operation, fn) => this.monitor.measure(operation, fn),
      currentConfiguration: () => this.current
    };
  }

  private requireRunner(engineId: EngineId): EngineRunner<TConfig> {
    const runner = this.runners.get(engineId);
    if (!runner) throw new Error(`unknown engine "${engineId}"; known: ${[...this.runners.keys()].join(', ')}`);
    return runner;
  }

  private assertInitialized(): void {
    if (!this.initialized) throw new Error('coordinator not initialized: call initialize() first');
    if (this.isDisposed) throw new Error('coordinator has been shut down');
  }
}
