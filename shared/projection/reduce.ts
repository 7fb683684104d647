import type { Violation } from '../consistency';
import type { EngineEvent } from '../events/catalog';
import type { EngineId } from '../events/envelope';
import type { EventPayloads } from '../events/payloads';
import {
  engineOf, INITIAL_SESSION_STATE,
  MAX_DEAD_LETTERS,
  MAX_RECENT_ERRORS,
  MAX_RESOLVED_VIOLATIONS,
  type EngineState,
  type SessionState
} from './state';
import { taskEnded, taskStarted, updateTask } from './tasks';

/** An engine's condition while nothing is wrong: one shared, frozen value (states are never edited). */
const CONDITION_OK: EngineState['condition'] = Object.freeze({ kind: 'ok' });

/**
 * Folds one event into the session state: `events.reduce(project, INITIAL_SESSION_STATE)` is
 * the session at any moment. Pure: no I/O, no clock, no randomness; the input state is never
 * changed (unchanged parts are shared). `seq` is the last event that changed the state; an event
 * at or before it is ignored, so a snapshot plus an overlapping stream gives the same state as
 * the stream alone.
 *
 * The host, the renderer, a reconnecting client, crash recovery, time travel and replay all
 * call this one function.
 *
 * @example
 * const state = history.reduce(project, INITIAL_SESSION_STATE);
 * engineStatus(state, 'aerodynamics'); // 'idle'
 */
export function project(state: SessionState, event: EngineEvent): SessionState {
  if (event.seq <= state.seq) return state;
  const next = fold(state, event);
  // An event that states no fact of the session (synthetic load, a module note…) leaves the state
  // as it was — the same object, so nothing re-renders and a flood of noise costs nothing.
  if (next === state) return state;
  // Any other state `fold` gives is a new object nobody holds yet: stamped here, not copied again.
  next.seq = event.seq;
  next.eventCount = state.eventCount + 1;
  return next;
}

/** Folds a list of events in order (the events of a snapshot's tail, a history page…). */
export function projectAll(events: readonly EngineEvent[], from: SessionState = INITIAL_SESSION_STATE): SessionState {
  let state = from;
  for (const event of events) state = project(state, event);
  return state;
}

/** `state` itself when the event states no fact, else a new state of its own (`project` stamps it). */
function fold(state: SessionState, event: EngineEvent): SessionState {
  switch (event.eventType) {
    case 'session_started':
      return sessionStarted(state, event);
    case 'session_stopped':
      return {
        ...state,
        stoppedAt: event.timestamp,
        engines: mapEngines(state, (engine) => ({ ...engine, condition: { kind: 'stopped', at: event.timestamp } }))
      };
    case 'configuration_changed':
      return {
        ...state,
        configuration: {
          version: event.data.version,
          previousVersion: event.data.previousVersion,
          configuration: event.data.configuration,
          eventId: event.eventId,
          correlationId: event.correlationId,
          appliedAt: event.timestamp
        }
      };
    case 'validation_failed':
      return {
        ...state,
        lastRefusal: { findings: event.data.findings, message: event.data.message, eventId: event.eventId, at: event.timestamp }
      };
    case 'engine_output':
      return engineOutput(state, event);
    case 'engine_status_changed':
      return engineStatusChanged(state, event);
    case 'engine_restarted':
      return updateEngine(state, event.data.engineId, (engine) => ({
        ...engine,
        condition: { kind: 'ok' },
        restarts: event.data.restarts
      }));
    case 'data_invalidated': {
      const { engineId } = event.data;
      return {
        ...state,
        invalidations: {
          ...state.invalidations,
          [engineId]: {
            engineId,
            originEngine: event.data.originEngine,
            version: event.data.version,
            hop: event.data.hop,
            fields: event.data.fields,
            fromEngines: event.data.fromEngines,
            chain: event.data.chain,
            propagationId: event.data.propagationId,
            correlationId: event.correlationId,
            eventId: event.eventId,
            since: event.timestamp
          }
        }
      };
    }
    case 'violation_opened':
    case 'violation_updated':
      return violationOpened(state, event.data);
    case 'violation_resolved':
      return violationResolved(state, event.data);
    case 'rule_added':
    case 'rule_updated': {
      const { rule } = event.data;
      const known = Object.hasOwn(state.rules, rule.ruleId);
      return {
        ...state,
        rules: { ...state.rules, [rule.ruleId]: rule },
        ruleOrder: known ? state.ruleOrder : [...state.ruleOrder, rule.ruleId]
      };
    }
    case 'rule_removed': {
      const { [event.data.ruleId]: _removed, ...rules } = state.rules;
      return { ...state, rules, ruleOrder: state.ruleOrder.filter((id) => id !== event.data.ruleId) };
    }
    case 'fault_injected':
      return faultInjected(state, event.data);
    case 'analysis_completed':
      return { ...state, analyses: { ...state.analyses, [event.data.analysisType]: event.data } };
    case 'optimization_started':
    case 'simulation_started':
      return taskStarted(state, event);
    case 'optimization_progress':
    case 'simulation_progress':
      return updateTask(state, event.data.taskId, (task) =>
        task.status === 'running'
          ? { ...task, fraction: event.data.fraction, message: event.data.message ?? task.message, progress: event.data.data }
          : task
      );
    case 'optimization_completed':
    case 'simulation_completed':
      return taskEnded(state, event.data, 'completed', event.timestamp);
    case 'optimization_cancelled':
    case 'simulation_cancelled':
      return taskEnded(state, event.data, 'cancelled', event.timestamp);
    case 'error_occurred':
      return errorOccurred(state, event);
    case 'dead_letter_resolved':
      return {
        ...state,
        deadLetters: state.deadLetters.filter((d) => d.originalEventId !== event.data.originalEventId || d.engineId !== event.data.engineId)
      };
    case 'performance_updated':
      return { ...state, performance: event.data };
    case 'worker_joined':
      return { ...state, workers: { ...state.workers, [event.data.workerId]: { workerId: event.data.workerId, engineId: event.data.engineId, joinedAt: event.timestamp } } };
    case 'worker_left': {
      if (!Object.hasOwn(state.workers, event.data.workerId)) return state;
      const { [event.data.workerId]: _left, ...workers } = state.workers;
      return { ...state, workers };
    }
    case 'module_added':
    case 'module_removed':
    case 'material_updated':
    case 'analysis_started':
    case 'synthetic_load':
    case 'client_disconnected':
      // Facts about traffic and connections, not about the session's state.
      return state;
  }
}

function sessionStarted(state: SessionState, event: EngineEvent<'session_started'>): SessionState {
  const engines: Record<EngineId, EngineState> = {};
  for (const registered of event.data.engines) {
    const previous = engineOf(state, registered.engineId);
    engines[registered.engineId] = {
      engineId: registered.engineId,
      capabilities: registered.capabilities,
      dependsOn: registered.dependsOn,
      analyses: registered.analyses,
      remote: registered.remote === true,
      computedVersion: previous?.computedVersion ?? 0,
      outputs: previous?.outputs ?? null,
      changedFields: [],
      degradedBy: previous?.degradedBy ?? [],
      outputEventId: previous?.outputEventId ?? null,
      outputAt: previous?.outputAt ?? null,
      lastDurationMs: previous?.lastDurationMs ?? null,
      condition: { kind: 'ok' },
      lastError: null,
      lastFailure: previous?.lastFailure ?? null,
      restarts: previous?.restarts ?? 0,
      faults: previous?.faults ?? { slowMs: 0, failuresLeft: 0 }
    };
  }
  return {
    ...state,
    startedAt: event.data.resumedAfterSeq === undefined ? event.timestamp : (state.startedAt ?? event.timestamp),
    stoppedAt: null,
    engineOrder: event.data.engines.map((engine) => engine.engineId),
    engines,
    // A new host has heard from no worker yet: those alive announce themselves again.
    workers: {}
  };
}

function engineOutput(state: SessionState, event: EngineEvent<'engine_output'>): SessionState {
  const { engineId } = event.data;
  const engine = engineOf(state, engineId);
  if (!engine) return state;
  // One copy of the state, whether or not an invalidation is cleared (every change has six outputs).
  const engines = {
    ...state.engines,
    [engineId]: {
      ...engine,
      computedVersion: event.data.version,
      outputs: event.data.outputs,
      changedFields: event.data.changedFields,
      degradedBy: event.data.degradedBy,
      outputEventId: event.eventId,
      outputAt: event.timestamp,
      lastDurationMs: event.data.durationMs,
      condition: engine.condition.kind === 'stopped' ? engine.condition : CONDITION_OK,
      lastError: null
    }
  };
  if (!Object.hasOwn(state.invalidations, engineId)) return { ...state, engines };
  const { [engineId]: _cleared, ...invalidations } = state.invalidations;
  return { ...state, engines, invalidations };
}

function engineStatusChanged(state: SessionState, event: EngineEvent<'engine_status_changed'>): SessionState {
  const { data } = event;
  return updateEngine(state, data.engineId, (engine) => {
    const faults = data.faults ?? engine.faults;
    switch (data.status) {
      case 'failed':
        return {
          ...engine,
          faults,
          lastError: data.reason,
          lastFailure: { eventId: event.eventId, seq: event.seq, at: event.timestamp, reason: data.reason },
          condition: {
            kind: 'failed',
            version: data.version,
            reason: data.reason,
            at: event.timestamp,
            eventId: event.eventId,
            final: data.final ?? false,
            retryAt: data.retryInMs === undefined ? null : event.timestamp + data.retryInMs
          }
        };
      case 'blocked':
        return {
          ...engine,
          faults,
          condition: {
            kind: 'blocked',
            version: data.version,
            reason: data.reason,
            blockedBy: data.blockedBy ?? [],
            chain: data.chain ?? [],
            at: event.timestamp,
            eventId: event.eventId
          }
        };
      case 'restarting':
        return { ...engine, faults, condition: { kind: 'restarting', reason: data.reason, at: event.timestamp } };
      case 'stopped':
        return { ...engine, faults, condition: { kind: 'stopped', at: event.timestamp } };
    }
  });
}

function faultInjected(state: SessionState, data: EventPayloads['fault_injected']): SessionState {
  const { fault } = data;
  if (fault.kind === 'crash') return state;
  return updateEngine(state, data.engineId, (engine) => ({
    ...engine,
    faults:
      fault.kind === 'slow'
        ? { ...engine.faults, slowMs: fault.delayMs }
        : fault.kind === 'fail'
          ? { ...engine.faults, failuresLeft: fault.count }
          : { slowMs: 0, failuresLeft: 0 }
  }));
}

function violationOpened(state: SessionState, violation: Violation): SessionState {
  return {
    ...state,
    violations: { ...state.violations, open: { ...state.violations.open, [violation.violationId]: violation } }
  };
}

function violationResolved(state: SessionState, violation: Violation): SessionState {
  const { [violation.violationId]: _resolved, ...open } = state.violations.open;
  const resolved = [violation, ...state.violations.resolved];
  const dropped = Math.max(0, resolved.length - MAX_RESOLVED_VIOLATIONS);
  if (dropped > 0) resolved.length = MAX_RESOLVED_VIOLATIONS;
  return {
    ...state,
    violations: {
      open,
      resolved,
      resolvedTotal: state.violations.resolvedTotal + 1,
      droppedResolved: state.violations.droppedResolved + dropped
    }
  };
}

function errorOccurred(state: SessionState, event: EngineEvent<'error_occurred'>): SessionState {
  const { data } = event;
  const recent = [
    { eventId: event.eventId, at: event.timestamp, engineId: data.engineId, message: data.message, origin: data.origin },
    ...state.errors.recent
  ];
  if (recent.length > MAX_RECENT_ERRORS) recent.length = MAX_RECENT_ERRORS;
  let next: SessionState = { ...state, errors: { total: state.errors.total + 1, recent } };
  if (data.deadLettered && data.originalEventId !== undefined) next = deadLettered(next, event, data.originalEventId);
  if (data.taskId === undefined) return next;
  return updateTask(next, data.taskId, (task) =>
    task.status === 'running' ? { ...task, status: 'failed', error: data.message, endedAt: event.timestamp } : task
  );
}

function deadLettered(state: SessionState, event: EngineEvent<'error_occurred'>, originalEventId: string): SessionState {
  const { data } = event;
  const others = state.deadLetters.filter((d) => d.originalEventId !== originalEventId || d.engineId !== data.engineId);
  const deadLetters = [
    {
      originalEventId,
      originalEventType: data.originalEventType ?? 'unknown',
      engineId: data.engineId,
      message: data.message,
      attempts: data.attempts ?? 1,
      eventId: event.eventId,
      at: event.timestamp
    },
    ...others
  ];
  const dropped = Math.max(0, deadLetters.length - MAX_DEAD_LETTERS);
  if (dropped > 0) deadLetters.length = MAX_DEAD_LETTERS;
  return { ...state, deadLetters, deadLettersDropped: state.deadLettersDropped + dropped };
}

function updateEngine(state: SessionState, engineId: EngineId, change: (engine: EngineState) => EngineState): SessionState {
  const engine = engineOf(state, engineId);
  if (!engine) return state;
  return { ...state, engines: { ...state.engines, [engineId]: change(engine) } };
}

function mapEngines(state: SessionState, change: (engine: EngineState) => EngineState): Record<EngineId, EngineState> {
  const engines: Record<EngineId, EngineState> = {};
  for (const [id, engine] of Object.entries(state.engines)) engines[id] = change(engine);
  return engines;
}
