import type { AircraftConfiguration } from '../../shared/aircraft';
import { HISTORY_PAGE_MAX, type HistoryQuery } from '../../shared/events';
import { engineOf, openViolations, staleEngine, staleEngines } from '../../shared/projection';
import type { CommandName, CommandPayload, CommandResponse, ConfigurationChangeResult, SessionExport } from '../../shared/protocol';
import { engineStatusReport } from '../core/coordinator/system-status';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import type { LoadGenerator } from './load-generator';
import { RECORDING_HANDLERS, type RecordingContext } from './recording-handlers';

/** What a command handler works with: the domain session, the host's load generator and the session store. */
export interface HostContext extends RecordingContext {
  session: FlightdeckSession;
  load: LoadGenerator;
}

type Handler<C extends CommandName> = (payload: CommandPayload<C>, context: HostContext) => Promise<CommandResponse<C>> | CommandResponse<C>;
export type CommandHandlers = { [C in CommandName]: Handler<C> };

function currentConfiguration(session: FlightdeckSession): AircraftConfiguration {
  const current = session.coordinator.configuration;
  if (!current) throw new Error('no configuration has been applied yet: load a scenario first');
  return current.configuration;
}

/** Applies a configuration built from the current one (the coordinator numbers the version). */
function applyEdited(session: FlightdeckSession, edit: (configuration: AircraftConfiguration) => AircraftConfiguration): Promise<ConfigurationChangeResult> {
  return session.coordinator.processConfigurationChange(edit(structuredClone(currentConfiguration(session))), 'design');
}

/**
 * One page of history. With `afterSeq` the page runs forward from there (the oldest matches
 * first) and says where the next one starts; without it, the newest `limit` matches.
 */
function historyPage(session: FlightdeckSession, query: HistoryQuery): CommandResponse<'history.query'> {
  const { log } = session.coordinator;
  const limit = Math.min(query.limit ?? HISTORY_PAGE_MAX, HISTORY_PAGE_MAX);
  if (query.afterSeq === undefined) return { events: log.query({ ...query, limit }), lastSeq: log.lastSeq, nextAfterSeq: null };
  const matching = log.query({ ...query, limit: undefined });
  const events = matching.slice(0, limit);
  const more = matching.length > limit;
  return { events, lastSeq: log.lastSeq, nextAfterSeq: more ? (events.at(-1)?.seq ?? null) : null };
}

/** A rule without its code validator: what can cross a process boundary. */
function ruleSpec<R extends { validate?: unknown }>(rule: R): Omit<R, 'validate'> {
  const { validate: _validate, ...spec } = rule;
  return spec;
}

/**
 * One handler per command of the contract; payloads arrive already parsed. What a session
 * state holds is answered from the state (the projection of the log), nothing else.
 */
export const COMMAND_HANDLERS: CommandHandlers = {
  'configuration.get': (_payload, { session }) => {
    const current = session.coordinator.configuration;
    return { configuration: current?.configuration ?? null, version: current?.version ?? 0 };
  },
  'configuration.validate': ({ configuration }, { session }) => session.validateConfiguration(configuration),
  'configuration.apply': ({ configuration }, { session }) => session.coordinator.processConfigurationChange(configuration, 'design'),
  'module.add': ({ module }, { session }) =>
    applyEdited(session, (config) => {
      if (config.modules.some((m) => m.instanceId === module.instanceId)) throw new Error(`a module with instanceId "${module.instanceId}" is already mounted`);
      return { ...config, modules: [...config.modules, module] };
    }),
  'module.remove': ({ instanceId }, { session }) =>
    applyEdited(session, (config) => {
      if (!config.modules.some((m) => m.instanceId === instanceId)) throw new Error(`no module with instanceId "${instanceId}" is mounted`);
      return { ...config, modules: config.modules.filter((m) => m.instanceId !== instanceId) };
    }),
  'scenario.list': (_payload, { session }) => ({ scenarios: session.listScenarios() }),
  'scenario.load': ({ scenarioId }, { session }) => session.coordinator.processConfigurationChange(session.loadScenario(scenarioId), 'design'),
  'library.get': (_payload, { session }) => session.catalog(),

  'analysis.types': (_payload, { session }) => ({ types: session.coordinator.getAnalysisTypes() }),
  'analysis.run': ({ analysisType, params }, { session }) => session.coordinator.runCrossEngineAnalysis(analysisType, params ?? {}),
  'optimization.start': ({ criteria }, { session }) => {
    const handle = session.coordinator.optimizeConfiguration(session.optimizationCriteria(criteria));
    // The outcome travels as events; a failure is already an error_occurred event.
    handle.result.catch(() => undefined);
    return { taskId: handle.taskId };
  },
  'optimization.cancel': ({ taskId }, { session }) => ({ cancelled: session.coordinator.cancelTask(taskId) }),
  'simulation.start': ({ profile }, { session }) => {
    const handle = session.coordinator.runSimulation(profile ?? null);
    handle.result.catch(() => undefined);
    return { taskId: handle.taskId };
  },
  'simulation.cancel': ({ taskId }, { session }) => ({ cancelled: session.coordinator.cancelTask(taskId) }),

  'engine.restart': async ({ engineId }, { session }) => {
    await session.coordinator.restartEngine(engineId);
    return { restarted: true };
  },
  'engine.recompute': async ({ engineId }, { session }) => {
    await session.coordinator.recomputeEngine(engineId, 'recompute requested');
    return { recomputed: true };
  },
  'engine.fault': async ({ engineId, fault }, { session }) => {
    await session.coordinator.injectFault(engineId, fault);
    return { injected: true };
  },
  'status.get': (_payload, { session }) => session.coordinator.getSystemStatus(),
  'engine.details': ({ engineId }, { session }) => {
    const { coordinator } = session;
    const state = coordinator.state;
    const engine = engineOf(state, engineId);
    if (!engine) throw new Error(`unknown engine "${engineId}"; known: ${state.engineOrder.join(', ')}`);
    return {
      status: engineStatusReport(state, engineId),
      outputs: engine.outputs ? { version: engine.computedVersion, at: engine.outputAt ?? 0, data: engine.outputs } : null,
      dependencies: engine.dependsOn,
      dependents: state.engineOrder.filter((id) => state.engines[id]?.dependsOn.includes(engineId)),
      analyses: engine.analyses,
      latency: coordinator.monitor.getReport().handlersByEngine[engineId] ?? null,
      stale: staleEngine(state, engineId) ?? null,
      openViolations: openViolations(state).filter((v) => v.sourceEngine === engineId || v.dependentEngine === engineId).length
    };
  },
  'deadletters.redeliver': ({ originalEventId, engineId }, { session }) => ({
    redelivered: session.coordinator.bus.redeliver(originalEventId, engineId)
  }),
  'deadletters.discard': ({ originalEventId, engineId }, { session }) => ({
    discarded: session.coordinator.bus.discardDeadLetter(originalEventId, engineId)
  }),
  'load.start': ({ eventsPerSecond, durationS }, { load }) => {
    load.start(eventsPerSecond, durationS);
    return { started: true };
  },
  'load.stop': (_payload, { load }) => ({ stopped: load.stop(), published: load.published }),

  'history.query': (query, { session }) => historyPage(session, query),
  'rules.list': (_payload, { session }) => ({
    rules: session.coordinator.consistency.getRules().map(ruleSpec),
    coverage: session.coordinator.consistency.getRuleCoverage()
  }),
  'rules.add': (spec, { session }) => session.coordinator.consistency.addConsistencyRule(spec),
  'rules.update': ({ ruleId, patch }, { session }) => session.coordinator.consistency.updateConsistencyRule(ruleId, patch),
  'rules.remove': ({ ruleId }, { session }) => ({ resolved: session.coordinator.consistency.removeConsistencyRule(ruleId) }),
  'violations.report': (_payload, { session }) => ({
    report: session.coordinator.consistency.getViolationReport(),
    stale: staleEngines(session.coordinator.state)
  }),

  'session.sync': (_payload, { session }) => session.coordinator.sync(),
  'performance.report': (_payload, { session }) => session.coordinator.getPerformanceReport(),
  'session.export': (_payload, { session }): SessionExport => {
    const { coordinator } = session;
    return {
      format: 'flightdeck-summary/1',
      exportedAt: new Date().toISOString(),
      configuration: coordinator.configuration?.configuration ?? null,
      configVersion: coordinator.configuration?.version ?? 0,
      status: coordinator.getSystemStatus(),
      history: { events: coordinator.log.size, firstSeq: coordinator.log.lastSeq - coordinator.log.size + 1, lastSeq: coordinator.log.lastSeq },
      violations: coordinator.consistency.getViolationReport(),
      rules: coordinator.consistency.getRules().map(ruleSpec),
      performance: coordinator.getPerformanceReport()
    };
  },
  ...RECORDING_HANDLERS
};
