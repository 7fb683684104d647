import type { ConsistencyRule } from '../../../shared/consistency';
import { DisposableStore, toDisposable } from '../../../shared/disposable';
import type { EngineId } from '../../../shared/events';
import { currentVersion, freshnessOf, type SessionState } from '../../../shared/projection';
import type { ConfigurationChangeResult, PerformanceReportWithGraph, SessionSync, SystemStatus } from '../../../shared/protocol';
import type { AnalysisParams, AnalysisResult, MissionProfile, OptimizationCriteria } from '../../../shared/results';
import { EventBus } from '../bus/event-bus';
import type { EventBusOptions } from '../bus/types';
import { DataConsistencyManager } from '../consistency';
import type { EngineFactory } from '../engine';
import { EventLog } from '../log/event-log';
import { LiveProjection } from '../log/live-projection';
import type { Publish } from '../log/publish';
import { PerformanceMonitor, type PerformanceMonitorOptions } from '../performance';
import { EngineRegistry } from '../registry';
import { analysisContext, ANALYSIS_TYPES, runAnalysisWaves, type AnalysisRequest, type AnalysisSummary } from './cross-engine-analysis';
import { EngineRunner } from './engine-runner';
import type { Fault } from './fault-injector';
import { LongRunningTasks, type OptimizationStrategy, type SimulationStrategy } from './long-running-tasks';
import { RecomputePath, type CurrentConfiguration } from './recompute';
import { SupervisedRestarts } from './supervised-restarts';
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './supervisor';
import { applyConfigurationChange, type ConfigurationCheck } from './configuration-change';
import { systemStatus } from './system-status';
import { EngineWalks } from './engine-walks';
import { CurrentConfigurationView, OutputEntries } from './state-views';
import { requestedInvalidation } from './requested-invalidation';
import { publishInterruptions, resumedRules, type SessionResume } from './session-resume';

/** The coordinator's own engine id, used as the source of the events it publishes. */
export const COORDINATOR_ENGINE_ID = 'coordinator';

export type { ConfigurationCheck } from './configuration-change';

export interface EngineCoordinatorOptions<TConfig> {
  engines: readonly EngineFactory<TConfig>[];
  bus?: Omit<EventBusOptions, 'metrics' | 'log'>;
  monitor?: Omit<PerformanceMonitorOptions, 'publish'>;
  /** Checks an incoming configuration; without it every configuration is accepted as is. */
  checkConfiguration?: (configuration: unknown) => ConfigurationCheck<TConfig>;
  /** Consistency rules installed at initialize. */
  rules?: readonly ConsistencyRule[];
  /** Combines the engines' contributions to an analysis into its headline figures. */
  summarizeAnalysis?: (analysisType: string, contributions: Readonly<Record<EngineId, unknown>>) => AnalysisSummary;
  optimizer?: OptimizationStrategy<TConfig>;
  simulator?: SimulationStrategy<TConfig>;
  /** Each engine's restart policy (default `DEFAULT_RESTART_POLICY`). */
  restartPolicy?: (engineId: EngineId) => RestartPolicy;
  /** Uniform [0, 1) for the restart jitter; seeded where a run must be repeatable. */
  random?: () => number;
  /** A recorded session to continue (crash recovery): its state and where its log stopped. */
  resume?: SessionResume;
}

/**
 * Runs the engines as one session whose truth is its event log. The coordinator numbers
 * configuration versions (nobody else does); every fact is an event, and the session state is
 * the projection of the log (`state`). Configuration changes, restarts, late results and
 * invalidations all go through the one recompute path.
 *
 * @example
 * const coordinator = new EngineCoordinator({ engines: [() => new DesignEngine(lib), ...] });
 * await coordinator.initialize();
 * const result = await coordinator.processConfigurationChange(config);
 */
export class EngineCoordinator<TConfig = unknown> extends DisposableStore {
  readonly log: EventLog;
  readonly bus: EventBus;
  readonly registry = new EngineRegistry<EngineRunner<TConfig>>();
  readonly monitor: PerformanceMonitor;
  readonly consistency: DataConsistencyManager;
  private readonly projection: LiveProjection;
  private readonly runners = new Map<EngineId, EngineRunner<TConfig>>();
  private readonly recompute: RecomputePath<TConfig>;
  private readonly tasks: LongRunningTasks<TConfig>;
  private readonly restarts: SupervisedRestarts;
  private readonly publish: Publish;
  private changeQueue: Promise<unknown> = Promise.resolve();
  private initialized = false;
  private readonly walks: EngineWalks;
  private readonly entries = new OutputEntries(() => this.state);
  private readonly currentView = new CurrentConfigurationView<TConfig>();

  constructor(private readonly options: EngineCoordinatorOptions<TConfig>) {
    super();
    const resumed = options.resume;
    this.log = new EventLog({ historySize: options.bus?.maxHistorySize ?? 1000, lastSeq: resumed?.lastSeq, configVersion: resumed && currentVersion(resumed.state) });
    this.projection = new LiveProjection(this.log, { from: resumed?.state });
    this.monitor = this.register(new PerformanceMonitor({ ...options.monitor, publish: (input) => this.bus.publish(input) }));
    this.bus = this.register(new EventBus({ ...options.bus, log: this.log, metrics: this.monitor }));
    this.register(this.log.onDidAppend(() => this.monitor.recordLogged()));
    this.publish = (input) => this.bus.publish(input);
    this.consistency = this.register(new DataConsistencyManager({ publish: this.publish, entryOf: (engineId) => this.entries.entryOf(engineId) }));
    this.register(this.registry);
    this.walks = this.register(new EngineWalks(this.registry));
    this.recompute = this.register(
      new RecomputePath<TConfig>({
        runners: this.runners,
        order: () => this.walks.order(),
        dependenciesOf: (id) => this.walks.of(id).dependencies,
        upstreamOf: (id) => this.walks.of(id).upstream,
        dependentsOf: (id) => this.walks.of(id).dependents,
        state: () => this.state,
        configuration: () => this.current,
        publish: this.publish,
        consistency: this.consistency
      })
    );
    this.restarts = this.register(
      new SupervisedRestarts({
        policyOf: options.restartPolicy ?? (() => DEFAULT_RESTART_POLICY),
        random: options.random,
        restart: (engineId, reason) => {
          if (this.isDisposed) return;
          this.requireRunner(engineId).restart(reason, currentVersion(this.state), null);
          this.recompute.run();
        }
      })
    );
    this.tasks = this.register(
      new LongRunningTasks<TConfig>({
        publish: this.publish,
        sourceEngine: COORDINATOR_ENGINE_ID,
        optimizer: options.optimizer,
        simulator: options.simulator,
        startingPoint: () => {
          const current = this.current;
          return current && { ...current, inputs: freshnessOf(this.state, this.registry.topologicalOrder()) };
        }
      })
    );
  }

  /** The session state: the projection of every event so far. */
  get state(): SessionState {
    return this.projection.state;
  }

  /** The nearest snapshot and the events after it, from which a client rebuilds `state`. */
  sync(): SessionSync {
    return this.projection.sync();
  }

  /** The configuration the engines are to compute, as the log last stated it. */
  get configuration(): { configuration: TConfig; version: number } | undefined {
    const current = this.current;
    return current && { configuration: current.configuration, version: current.version };
  }

  /**
   * Registers and starts the engines (published as `session_started`) and installs the rules. A
   * resumed session gets its engines' outputs, restart counts and faults, its rules and violations
   * back, publishes the end of what the stop interrupted, and recomputes what was left pending.
   */
  async initialize(): Promise<void> {
    if (this.initialized) throw new Error('coordinator already initialized');
    this.initialized = true;
    const session = {
      publish: this.publish,
      publishedOutputs: (id: EngineId) => this.entries.publishedOutputs(id),
      measure: <T>(operation: string, fn: () => T): T => this.monitor.measure(operation, fn),
      recordOperation: (operation: string, ms: number): void => this.monitor.recordOperation(operation, ms),
      recordWork: (id: EngineId, ms: number): void => this.monitor.recordEngineWork(id, ms),
      supervise: (id: EngineId) => this.restarts.onFailure(id),
      succeeded: (id: EngineId): void => this.restarts.supervisor.onSuccess(id),
      dependentsOf: (id: EngineId): readonly EngineId[] => this.walks.of(id).dependents
    };
    for (const factory of this.options.engines) {
      const runner = this.register(new EngineRunner<TConfig>(factory, session));
      this.registry.register(runner, runner.capabilities, runner.dependsOn);
      this.runners.set(runner.id, runner);
      const recovered = this.options.resume?.state.engines[runner.id];
      if (recovered) runner.resume(recovered);
      this.register(this.bus.subscribe(runner.id, ['analysis_started'], (event) => (event.requiresResponse ? this.answerAnalysis(runner, event.data) : undefined)));
    }
    this.publish({
      eventType: 'session_started',
      sourceEngine: COORDINATOR_ENGINE_ID,
      priority: 'HIGH',
      data: {
        engines: this.registry.topologicalOrder().map((id) => {
          const runner = this.requireRunner(id);
          return { engineId: id, capabilities: [...runner.capabilities], dependsOn: [...runner.dependsOn], analyses: [...runner.analyses], ...(runner.remote && { remote: true }) };
        }),
        ...(this.options.resume && { resumedAfterSeq: this.options.resume.lastSeq })
      }
    });
    const resumed = this.options.resume?.state;
    if (resumed?.startedAt == null) {
      for (const rule of this.options.rules ?? []) this.consistency.addConsistencyRule(rule);
    }
    this.bus.startProcessing();
    this.monitor.start();
    this.register(toDisposable(() => this.monitor.stop()));
    if (resumed?.startedAt != null) this.resumeWork(resumed);
  }

  private resumeWork(state: SessionState): void {
    const { rules, missingCode } = resumedRules(state, this.options.rules ?? []);
    this.consistency.restore(rules, state.violations);
    publishInterruptions(state, this.publish, COORDINATOR_ENGINE_ID, missingCode);
    this.recompute.run();
  }

  /** Lets running work finish, marks every engine stopped (`session_stopped`), then releases everything. */
  async shutdown(): Promise<void> {
    if (this.isDisposed) return;
    this.tasks.cancelAll();
    this.restarts.dispose();
    await this.changeQueue.catch(() => undefined);
    await this.recompute.whenIdle();
    const version = currentVersion(this.state);
    this.publish({ eventType: 'session_stopped', sourceEngine: COORDINATOR_ENGINE_ID, priority: 'HIGH', data: { reason: 'shutdown requested' } });
    for (const runner of this.runners.values()) runner.stop(version);
    await this.bus.stopProcessing();
    this.dispose();
  }

  /**
   * Checks a configuration exactly as `validate` does; a refused one is published as
   * `validation_failed` and nothing changes. An accepted one gets the next version, goes out as
   * `configuration_changed` (HIGH) with a fresh correlation id, and the engines recompute through
   * the recompute path; resolves once every engine has computed, failed or been blocked (or the
   * event timeout passed). Changes are applied one at a time, in call order.
   */
  processConfigurationChange(configuration: unknown, sourceEngine: EngineId = 'design'): Promise<ConfigurationChangeResult> {
    const run = this.changeQueue.then(() => this.applyChange(configuration, sourceEngine));
    this.changeQueue = run.catch(() => undefined);
    return run;
  }

  private applyChange(raw: unknown, sourceEngine: EngineId): Promise<ConfigurationChangeResult> {
    this.assertRunning();
    return applyConfigurationChange<TConfig>(
      {
        check: this.options.checkConfiguration,
        state: () => this.state,
        publish: this.publish,
        recompute: this.recompute,
        timeoutMs: this.eventTimeoutMs
      },
      raw,
      sourceEngine
    );
  }

  private get eventTimeoutMs(): number {
    return this.options.bus?.eventTimeoutMs ?? 30_000;
  }

  /**
   * Runs an analysis: the engines that contribute answer a request in dependency order (each
   * wave concurrently). Contributors that are not current are named in `errors` and
   * `inputs.staleInputs`, never presented as current.
   */
  async runCrossEngineAnalysis(analysisType: string, params: AnalysisParams = {}): Promise<AnalysisResult> {
    this.assertRunning();
    const known = this.getAnalysisTypes();
    if (!known.includes(analysisType)) throw new Error(`unknown analysis type "${analysisType}"; expected one of: ${known.join(', ')}`);
    if (!this.current) throw new Error('no configuration has been applied yet: load a scenario first');
    const contributors = this.contributorsOf(analysisType);
    return this.monitor.measure(`analysis:${analysisType}`, () =>
      runAnalysisWaves({
        bus: this.bus,
        sourceEngine: COORDINATOR_ENGINE_ID,
        analysisType,
        params,
        order: this.registry.topologicalOrder(),
        contributors: new Set(contributors),
        dependenciesOf: (id) => this.walks.of(id).upstream,
        inputs: freshnessOf(this.state, contributors),
        timeoutMs: this.eventTimeoutMs,
        summarize: this.options.summarizeAnalysis
      })
    );
  }

  private answerAnalysis(runner: EngineRunner<TConfig>, request: AnalysisRequest): unknown {
    const current = this.current;
    if (!current) throw new Error('no configuration has been applied yet');
    return runner.analyze(analysisContext(current, this.state, [...this.walks.of(runner.id).upstream, runner.id], request));
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
  optimizeConfiguration(criteria: OptimizationCriteria): ReturnType<LongRunningTasks<TConfig>['optimize']> {
    this.assertRunning();
    return this.tasks.optimize(criteria);
  }

  /** Mission simulation through the configured strategy; cancel with `cancelTask`. */
  runSimulation(profile: MissionProfile | null): ReturnType<LongRunningTasks<TConfig>['simulate']> {
    this.assertRunning();
    return this.tasks.simulate(profile);
  }

  /** Cancels a running optimization or simulation; false if no such task runs. */
  cancelTask(taskId: string): boolean {
    return this.tasks.cancel(taskId);
  }

  /** Injects a fault (published as `fault_injected`): crash now, slow, fail next N, or clear. */
  async injectFault(engineId: EngineId, fault: Fault): Promise<void> {
    const runner = this.requireRunner(engineId);
    const { eventId } = this.publish({
      eventType: 'fault_injected',
      sourceEngine: COORDINATOR_ENGINE_ID,
      targetEngines: [engineId],
      priority: 'HIGH',
      data: { engineId, fault }
    });
    if (fault.kind === 'crash') runner.crash('injected crash', currentVersion(this.state), eventId);
    else runner.faults.arm(fault);
    this.recompute.run();
  }

  /**
   * Rebuilds an engine from its factory, restores its outputs, and recomputes what is pending;
   * its supervisor forgets its failures (a given-up engine is back).
   */
  async restartEngine(engineId: EngineId): Promise<void> {
    const runner = this.requireRunner(engineId);
    this.restarts.reset(engineId);
    runner.restart('restart requested', currentVersion(this.state), null);
    this.recompute.run();
    await this.recompute.whenIdle();
  }

  /**
   * Recomputes one engine for the current version (an invalidation with this engine as the
   * origin); engines downstream follow only where its outputs change.
   */
  async recomputeEngine(engineId: EngineId, reason: string): Promise<void> {
    this.requireRunner(engineId);
    this.publish(requestedInvalidation(engineId, this.state.engines[engineId], reason, COORDINATOR_ENGINE_ID));
    this.recompute.run();
    await this.recompute.whenIdle();
  }

  /** Resolves once no change is queued, no engine is computing and no restart is pending (a quiet point). */
  async whenQuiet(): Promise<void> {
    for (;;) {
      await this.changeQueue;
      await this.recompute.whenIdle();
      if (this.restarts.pendingCount === 0) return;
      await this.restarts.whenNonePending();
    }
  }

  /** The longest an engine may stay down under its restart policy before it is given up. */
  maxDowntimeMs(engineId: EngineId): number {
    return this.restarts.supervisor.maxDowntimeMs(engineId);
  }

  getSystemStatus(): SystemStatus {
    return systemStatus(this.state, this.bus.getStats(), this.monitor.getSummary());
  }

  /** The monitor's report with the bus counters, the event-history count and the dependency graph. */
  getPerformanceReport(): PerformanceReportWithGraph {
    return {
      ...this.monitor.getReport(),
      bus: this.bus.getStats(),
      eventHistoryCount: this.log.size,
      dependencyGraph: this.registry.getGraph()
    };
  }

  private get current(): CurrentConfiguration<TConfig> | undefined {
    return this.currentView.of(this.state);
  }

  private requireRunner(engineId: EngineId): EngineRunner<TConfig> {
    const runner = this.runners.get(engineId);
    if (!runner) throw new Error(`unknown engine "${engineId}"; known: ${[...this.runners.keys()].join(', ')}`);
    return runner;
  }

  private assertRunning(): void {
    if (!this.initialized) throw new Error('coordinator not initialized: call initialize() first');
    if (this.isDisposed) throw new Error('coordinator has been shut down');
  }
}
