import type { AircraftConfiguration } from '../../shared/aircraft';
import type { CommandName, CommandRequest, CommandResponse, ConfigurationChangeResult, SessionExport } from '../../shared/protocol';
import type { FlightdeckSession } from './flightdeck-session';
import type { LoadGenerator } from './load-generator';

/** What a command handler works with: the domain session and the host's load generator. */
export interface HostContext {
  session: FlightdeckSession;
  load: LoadGenerator;
}

type Handler<C extends CommandName> = (payload: CommandRequest<C>, context: HostContext) => Promise<CommandResponse<C>> | CommandResponse<C>;
export type CommandHandlers = { [C in CommandName]: Handler<C> };

function currentConfiguration(session: FlightdeckSession): AircraftConfiguration {
  const current = session.coordinator.configuration;
  if (!current) throw new Error('no configuration has been applied yet: load a scenario first');
  return current.configuration;
}

/** Applies a configuration built from the current one, with a fresh version number. */
function applyEdited(
  session: FlightdeckSession,
  edit: (configuration: AircraftConfiguration) => AircraftConfiguration
): Promise<ConfigurationChangeResult> {
  const base = currentConfiguration(session);
  const next = edit(structuredClone(base));
  return session.coordinator.processConfigurationChange({ ...next, version: base.version + 1 }, 'design');
}

/** One handler per command of the contract; payloads arrive already parsed. */
export const COMMAND_HANDLERS: CommandHandlers = {
  'configuration.get': (_payload, { session }) => {
    const current = session.coordinator.configuration;
    return { configuration: current?.configuration ?? null, version: current?.version ?? 0 };
  },
  'configuration.validate': ({ configuration }, { session }) => session.validateConfiguration(configuration),
  'configuration.apply': ({ configuration }, { session }) =>
    session.coordinator.processConfigurationChange(configuration, 'design'),
  'module.add': ({ module }, { session }) =>
    applyEdited(session, (config) => {
      if (config.modules.some((m) => m.instanceId === module.instanceId)) {
        throw new Error(`a module with instanceId "${module.instanceId}" is already mounted`);
      }
      return { ...config, modules: [...config.modules, module] };
    }),
  'module.remove': ({ instanceId }, { session }) =>
    applyEdited(session, (config) => {
      if (!config.modules.some((m) => m.instanceId === instanceId)) {
        throw new Error(`no module with instanceId "${instanceId}" is mounted`);
      }
      return { ...config, modules: config.modules.filter((m) => m.instanceId !== instanceId) };
    }),
  'scenario.list': (_payload, { session }) => ({ scenarios: session.listScenarios() }),
  'scenario.load': ({ scenarioId }, { session }) => {
    const scenario = session.loadScenario(scenarioId);
    const version = (session.coordinator.configuration?.configuration.version ?? 0) + 1;
    return session.coordinator.processConfigurationChange({ ...scenario, version }, 'design');
  },
  'library.get': (_payload, { session }) => session.catalog(),

  'analysis.types': (_payload, { session }) => ({ types: session.coordinator.getAnalysisTypes() }),
  'analysis.run': ({ analysisType, params }, { session }) =>
    session.coordinator.runCrossEngineAnalysis(analysisType, params ?? {}),
  'optimization.start': ({ criteria }, { session }) => {
    const handle = session.coordinator.optimizeConfiguration(session.optimizationCriteria?.(criteria) ?? criteria);
    // The outcome travels as events; a failure is already an error_occurred event.
    handle.result.catch(() => undefined);
    return { taskId: handle.taskId };
  },
  'optimization.cancel': ({ taskId }, { session }) => ({ cancelled: session.coordinator.cancelTask(taskId) }),
  'simulation.start': ({ profile }, { session }) => {
    const handle = session.coordinator.runSimulation(profile ?? {});
    handle.result.catch(() => undefined);
    return { taskId: handle.taskId };
  },
  'simulation.cancel': ({ taskId }, { session }) => ({ cancelled: session.coordinator.cancelTask(taskId) }),

  'engine.restart': async ({ engineId }, { session }) => {
    await session.coordinator.restartEngine(engineId);
    return { restarted: true };
  },
  'engine.fault': async ({ engineId, fault }, { session }) => {
    await session.coordinator.injectFault(engineId, fault);
    return { injected: true };
  },
  'status.get': (_payload, { session }) => session.coordinator.getSystemStatus(),
  'engine.details': ({ engineId }, { session }) => {
    const { coordinator } = session;
    const status = coordinator.getSystemStatus().engines.find((e) => e.engineId === engineId);
    if (!status) throw new Error(`unknown engine "${engineId}"`);
    const cached = coordinator.consistency.getCachedData(engineId);
    return {
      status,
      cached: cached
        ? { version: cached.version, configVersion: cached.configVersion ?? null, updatedAt: cached.updatedAt, data: cached.data }
        : null,
      dependencies: coordinator.registry.getDependencies(engineId),
      dependents: coordinator.registry.getDependents(engineId),
      analyses: coordinator.getAnalysisTypes().filter((type) => coordinator.contributorsOf(type).includes(engineId)),
      latency: coordinator.monitor.getReport().handlersByEngine[engineId] ?? null,
      staleBecause: coordinator.consistency.getStaleness(engineId).flatMap((stale) => stale.chain.map((hop) => ({ ...hop }))),
      openViolations: coordinator.consistency
        .getViolationReport()
        .open.filter((v) => v.sourceEngine === engineId || v.dependentEngine === engineId).length
    };
  },
  'load.start': ({ eventsPerSecond, durationS }, { load }) => {
    load.start(eventsPerSecond, durationS);
    return { started: true };
  },
  'load.stop': (_payload, { load }) => ({ stopped: load.stop(), published: load.published }),
  'graph.get': (_payload, { session }) => {
    const { coordinator } = session;
    const graph = coordinator.registry.getGraph();
    return {
      nodes: graph.nodes.map((n) => ({ id: n.id, capabilities: [...n.capabilities] })),
      edges: graph.edges.map((e) => ({ from: e.from, to: e.to })),
      ruleEdges: coordinator.consistency
        .getRules()
        .filter((rule) => rule.enabled !== false)
        .flatMap((rule) =>
          rule.dependentEngines.map((to) => ({ ruleId: rule.ruleId, from: rule.sourceEngine, to, severity: rule.severity }))
        )
    };
  },

  'history.query': (query, { session }) => ({ events: session.coordinator.bus.getEventHistory(query) }),
  'rules.list': (_payload, { session }) => ({
    rules: session.coordinator.consistency.getRules().map(ruleSpec),
    coverage: session.coordinator.consistency.getRuleCoverage()
  }),
  'rules.add': (spec, { session }) => session.coordinator.consistency.addConsistencyRule(spec),
  'rules.update': ({ ruleId, patch }, { session }) => session.coordinator.consistency.updateConsistencyRule(ruleId, patch),
  'violations.report': (_payload, { session }) => ({
    report: session.coordinator.consistency.getViolationReport(),
    stale: session.coordinator.consistency.getStaleness()
  }),

  'performance.report': (_payload, { session }) => {
    const { bus, ...report } = session.coordinator.getPerformanceReport();
    return { report, bus };
  },
  'session.export': (_payload, { session }): SessionExport => {
    const { coordinator } = session;
    const { bus: _bus, ...performance } = coordinator.getPerformanceReport();
    return {
      format: 'flightdeck-session/1',
      exportedAt: new Date().toISOString(),
      configuration: coordinator.configuration?.configuration ?? null,
      configVersion: coordinator.configuration?.version ?? 0,
      status: coordinator.getSystemStatus(),
      history: coordinator.bus.getEventHistory(),
      violations: coordinator.consistency.getViolationReport(),
      rules: coordinator.consistency.getRules().map(ruleSpec),
      performance
    };
  }
};

/** A rule without its code validator: what can cross a process boundary. */
function ruleSpec<R extends { validate?: unknown }>(rule: R): Omit<R, 'validate'> {
  const { validate: _validate, ...spec } = rule;
  return spec;
}
