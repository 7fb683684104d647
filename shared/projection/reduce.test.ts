import { describe, expect, it } from 'vitest';
import type { Violation } from '../consistency';
import type { EngineEvent, EventInput, EventType } from '../events';
import { project, projectAll } from './reduce';
import { engineStatus, freshnessOf, staleEngines, violationCounts } from './selectors';
import { engineOf, INITIAL_SESSION_STATE, MAX_RESOLVED_VIOLATIONS, MAX_TASKS, type SessionState } from './state';

/** Numbers events the way the log does, so tests are plain arrays of events. */
function log(): { ev: <K extends EventType>(input: Omit<EventInput<K>, 'sourceEngine'> & { sourceEngine?: string }) => EngineEvent } {
  let seq = 0;
  return {
    ev: (input) => {
      seq++;
      return {
        seq,
        eventId: `e${seq}`,
        sourceEngine: 'test',
        priority: 'NORMAL',
        timestamp: 1000 + seq,
        configVersion: input.configVersion ?? 0,
        requiresResponse: false,
        correlationId: input.correlationId ?? `e${seq}`,
        causationId: null,
        ...input
      } as unknown as EngineEvent;
    }
  };
}

const ENGINES = [
  { engineId: 'design', capabilities: [], dependsOn: [], analyses: [] },
  { engineId: 'materials', capabilities: [], dependsOn: ['design'], analyses: [] },
  { engineId: 'aero', capabilities: [], dependsOn: ['design', 'materials'], analyses: [] }
];

function session(): { ev: ReturnType<typeof log>['ev']; events: EngineEvent[] } {
  const { ev } = log();
  return { ev, events: [ev({ eventType: 'session_started', data: { engines: ENGINES } })] };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function violation(id: string, status: 'open' | 'resolved' = 'open'): Violation {
  return { violationId: id, ruleId: 'r', severity: 'error', sourceEngine: 'design', dependentEngine: 'materials', expected: 1, actual: 2, message: 'm', detectedAt: 1, status };
}

describe('project', () => {
  it('ignores an event it has already folded, so a snapshot plus an overlapping stream is harmless', () => {
    const { ev, events } = session();
    events.push(ev({ eventType: 'configuration_changed', data: { version: 1, previousVersion: null, configuration: { a: 1 } } }));
    const once = projectAll(events);
    const twice = projectAll([...events, ...events], once);
    expect(twice).toBe(once);
    expect(once).toMatchObject({ seq: 2, eventCount: 2, configuration: { version: 1, configuration: { a: 1 } } });
  });

  it('never changes the state it is given', () => {
    const { ev, events } = session();
    const frozen = deepFreeze(projectAll(events));
    const next = project(frozen, ev({ eventType: 'engine_output', data: { engineId: 'design', version: 1, outputs: { m: 1 }, changedFields: ['m'], durationMs: 1, degradedBy: [] } }));
    expect(next.engines.design?.outputs).toEqual({ m: 1 });
    expect(frozen.engines.design?.outputs).toBeNull();
  });

  it('an engine behind the configuration is busy until its output for that version arrives', () => {
    const { ev, events } = session();
    events.push(ev({ eventType: 'configuration_changed', data: { version: 1, previousVersion: null, configuration: {} } }));
    let state = projectAll(events);
    expect(engineStatus(state, 'design')).toBe('busy');
    state = project(state, ev({ eventType: 'engine_output', data: { engineId: 'design', version: 1, outputs: {}, changedFields: [], durationMs: 2, degradedBy: [] } }));
    expect(engineStatus(state, 'design')).toBe('idle');
    expect(state.engines.design).toMatchObject({ computedVersion: 1, lastDurationMs: 2 });
  });

  it('a failure makes an engine failed for its version, blocked dependents read blocked until it recovers', () => {
    const { ev, events } = session();
    events.push(
      ev({ eventType: 'configuration_changed', data: { version: 1, previousVersion: null, configuration: {} } }),
      ev({ eventType: 'engine_output', data: { engineId: 'design', version: 1, outputs: {}, changedFields: [], durationMs: 1, degradedBy: [] } }),
      ev({ eventType: 'engine_status_changed', data: { engineId: 'materials', status: 'failed', version: 1, reason: 'boom' } }),
      ev({
        eventType: 'engine_status_changed',
        data: {
          engineId: 'aero',
          status: 'blocked',
          version: 1,
          reason: 'waits on materials',
          blockedBy: ['materials'],
          chain: [
            { engineId: 'materials', fromEngine: 'materials', ruleId: 'compute', fields: [], eventId: 'e4', at: 1 },
            { engineId: 'aero', fromEngine: 'materials', ruleId: 'depends_on', fields: [], eventId: 'e4', at: 1 }
          ]
        }
      })
    );
    let state = projectAll(events);
    expect([engineStatus(state, 'materials'), engineStatus(state, 'aero')]).toEqual(['failed', 'blocked']);
    expect(staleEngines(state).map((s) => [s.engineId, s.originEngine])).toEqual([
      ['materials', 'materials'],
      ['aero', 'materials']
    ]);
    expect(staleEngines(state)[0]?.reason).toBe('could not compute configuration v1: boom');
    // The failed engine restarts: the blocked one is back in the walk at once.
    state = project(state, ev({ eventType: 'engine_restarted', data: { engineId: 'materials', reason: 'restart', restarts: 1, recoveredFromCache: false, recoveredConfigVersion: null } }));
    expect([engineStatus(state, 'materials'), engineStatus(state, 'aero')]).toEqual(['busy', 'busy']);
    expect(staleEngines(state)).toEqual([]);
    expect(state.engines.materials?.restarts).toBe(1);
    // The failure stays on record after the restart (it may have lasted no time at all).
    expect(state.engines.materials?.lastFailure).toMatchObject({ reason: 'boom', eventId: 'e4', seq: 4 });
    expect(state.engines.aero?.lastFailure).toBeNull();
  });

  it('a failure about an older version reads busy once a newer version is current (it is retried)', () => {
    const { ev, events } = session();
    events.push(
      ev({ eventType: 'configuration_changed', data: { version: 1, previousVersion: null, configuration: {} } }),
      ev({ eventType: 'engine_status_changed', data: { engineId: 'design', status: 'failed', version: 1, reason: 'x' } }),
      ev({ eventType: 'configuration_changed', data: { version: 2, previousVersion: 1, configuration: {} } })
    );
    expect(engineStatus(projectAll(events), 'design')).toBe('busy');
  });

  it('an invalidation marks an engine stale with its chain until its next output', () => {
    const { ev, events } = session();
    const chain = [{ engineId: 'materials', fromEngine: 'design', ruleId: 'depends_on', fields: ['massKg'], eventId: 'e2', at: 1 }];
    events.push(
      ev({
        eventType: 'data_invalidated',
        data: { engineId: 'materials', originEngine: 'design', version: 0, hop: 1, fields: ['massKg'], fromEngines: ['design'], rules: [], propagationId: 'p', chain }
      })
    );
    let state = projectAll(events);
    expect(staleEngines(state)).toMatchObject([{ engineId: 'materials', originEngine: 'design', chain, reason: 'design changed massKg: awaiting recompute' }]);
    expect(engineStatus(state, 'materials')).toBe('busy');
    state = project(state, ev({ eventType: 'engine_output', data: { engineId: 'materials', version: 1, outputs: {}, changedFields: [], durationMs: 1, degradedBy: [] } }));
    expect(state.invalidations).toEqual({});
  });

  it('keeps open violations by id and a bounded newest-first list of resolved ones, counting what it drops', () => {
    const { ev, events } = session();
    for (let i = 0; i < MAX_RESOLVED_VIOLATIONS + 5; i++) {
      events.push(ev({ eventType: 'violation_opened', data: violation(`v${i}`) }), ev({ eventType: 'violation_resolved', data: violation(`v${i}`, 'resolved') }));
    }
    events.push(ev({ eventType: 'violation_opened', data: violation('still') }));
    const state = projectAll(events);
    expect(Object.keys(state.violations.open)).toEqual(['still']);
    expect(state.violations.resolved).toHaveLength(MAX_RESOLVED_VIOLATIONS);
    expect(state.violations.resolved[0]?.violationId).toBe(`v${MAX_RESOLVED_VIOLATIONS + 4}`);
    expect(violationCounts(state)).toMatchObject({ open: 1, resolvedTotal: MAX_RESOLVED_VIOLATIONS + 5, droppedResolved: 5, bySeverity: { error: 1 } });
  });

  it('follows rule edits in the order rules were added', () => {
    const { ev, events } = session();
    const rule = (ruleId: string, severity: 'info' | 'error' = 'info') => ({
      ruleId,
      sourceEngine: 'design',
      dependentEngines: ['materials'],
      dataFields: [],
      autoUpdate: false,
      severity,
      description: '',
      codeCheck: false
    });
    events.push(
      ev({ eventType: 'rule_added', data: { rule: rule('a') } }),
      ev({ eventType: 'rule_added', data: { rule: rule('b') } }),
      ev({ eventType: 'rule_updated', data: { rule: rule('a', 'error') } }),
      ev({ eventType: 'rule_removed', data: { ruleId: 'b' } })
    );
    const state = projectAll(events);
    expect(state.ruleOrder).toEqual(['a']);
    expect(state.rules.a?.severity).toBe('error');
  });

  it('arms and clears faults, and a failure reports the faults left', () => {
    const { ev, events } = session();
    events.push(ev({ eventType: 'fault_injected', data: { engineId: 'design', fault: { kind: 'fail', count: 3 } } }));
    events.push(ev({ eventType: 'fault_injected', data: { engineId: 'design', fault: { kind: 'slow', delayMs: 50 } } }));
    let state = projectAll(events);
    expect(state.engines.design?.faults).toEqual({ slowMs: 50, failuresLeft: 3 });
    state = project(state, ev({ eventType: 'engine_status_changed', data: { engineId: 'design', status: 'failed', version: 0, reason: 'x', faults: { slowMs: 50, failuresLeft: 2 } } }));
    expect(state.engines.design?.faults.failuresLeft).toBe(2);
    state = project(state, ev({ eventType: 'fault_injected', data: { engineId: 'design', fault: { kind: 'clear' } } }));
    expect(state.engines.design?.faults).toEqual({ slowMs: 0, failuresLeft: 0 });
  });

  it('tracks tasks to their end; an error naming a task fails it; finished tasks leave first, running ones never', () => {
    const { ev, events } = session();
    const started = (taskId: string): EngineEvent => ev({ eventType: 'simulation_started', data: { taskId, input: null } });
    events.push(started('running'));
    for (let i = 0; i < MAX_TASKS + 3; i++) {
      events.push(started(`t${i}`), ev({ eventType: 'error_occurred', data: { engineId: 'coordinator', origin: 'task', taskId: `t${i}`, message: 'simulation failed: x' } }));
    }
    events.push(ev({ eventType: 'simulation_progress', data: { taskId: 'running', fraction: 0.5, message: 'climb', data: { phase: 'climb', timeS: 10, steps: 10 } } }));
    const state: SessionState = projectAll(events);
    expect(state.taskOrder).toHaveLength(MAX_TASKS);
    expect(state.tasks.running).toMatchObject({ status: 'running', fraction: 0.5, message: 'climb' });
    expect(state.tasks[`t${MAX_TASKS + 2}`]).toMatchObject({ status: 'failed', error: 'simulation failed: x' });
    expect(state.tasks.t0).toBeUndefined();
    expect(state.errors.total).toBe(MAX_TASKS + 3);
  });

  it('a stopped session reads not initialized, every engine stopped', () => {
    const { ev, events } = session();
    events.push(ev({ eventType: 'session_stopped', data: { reason: 'shutdown' } }));
    const state = projectAll(events);
    expect(state.engineOrder.map((id) => engineStatus(state, id))).toEqual(['stopped', 'stopped', 'stopped']);
    expect(state.stoppedAt).not.toBeNull();
  });

  it('freshness names the engines (and what they depend on) that are not current', () => {
    const { ev, events } = session();
    events.push(
      ev({ eventType: 'configuration_changed', data: { version: 2, previousVersion: 1, configuration: {} } }),
      ev({ eventType: 'engine_output', data: { engineId: 'design', version: 2, outputs: {}, changedFields: [], durationMs: 1, degradedBy: [] } }),
      ev({ eventType: 'engine_status_changed', data: { engineId: 'materials', status: 'failed', version: 2, reason: 'boom' } })
    );
    const state = projectAll(events);
    expect(freshnessOf(state, ['design'])).toEqual({ configVersion: 2, upToDate: true, staleInputs: [] });
    expect(freshnessOf(state, ['aero']).staleInputs.map((s) => [s.engineId, s.status])).toEqual([
      ['materials', 'failed'],
      ['aero', 'busy']
    ]);
  });

  it('keeps dead letters by event and engine, newest first, until resolved', () => {
    const { ev, events } = session();
    const failed = (n: number) => ev({ eventType: 'error_occurred', data: { engineId: 'materials', origin: 'handler', message: `m${n}`, originalEventId: 'x', originalEventType: 'synthetic_load', attempts: 3, deadLettered: true } });
    events.push(failed(1), failed(2));
    let state = projectAll(events);
    expect(state.deadLetters).toMatchObject([{ originalEventId: 'x', engineId: 'materials', message: 'm2', attempts: 3 }]);
    state = project(state, ev({ eventType: 'dead_letter_resolved', data: { originalEventId: 'x', engineId: 'materials', outcome: 'redelivered' } }));
    expect(state.deadLetters).toEqual([]);
    expect(state.errors.total).toBe(2);
  });

  it('starts from the initial state', () => {
    expect(projectAll([])).toBe(INITIAL_SESSION_STATE);
  });
});

describe('engine ids that name Object.prototype members', () => {
  it('are engines like any other: unknown ones change nothing, registered ones are kept apart', () => {
    const { ev, events } = session();
    const before = projectAll(events);
    for (const engineId of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const output = ev({ eventType: 'engine_output', data: { engineId, version: 1, outputs: { x: 1 }, changedFields: ['x'], durationMs: 1, degradedBy: [] } });
      const status = ev({ eventType: 'engine_status_changed', data: { engineId, status: 'failed', version: 1, reason: 'x' } });
      expect(project(project(before, output), status)).toBe(before);
    }
    const registered = projectAll([ev({ eventType: 'session_started', data: { engines: [{ engineId: 'constructor', capabilities: [], dependsOn: [], analyses: [] }] } })]);
    const computed = project(registered, ev({ eventType: 'engine_output', data: { engineId: 'constructor', version: 1, outputs: { x: 2 }, changedFields: ['x'], durationMs: 1, degradedBy: [] } }));
    expect(Object.hasOwn(computed.engines, 'constructor')).toBe(true);
    expect(engineOf(computed, 'constructor')?.outputs).toEqual({ x: 2 });
  });

  it('keeps the engine workers alive now: joined, left or lost, and none after the host restarts', () => {
    const { ev, events } = session();
    events.push(
      ev({ eventType: 'worker_joined', data: { workerId: 'aero-1', engineId: 'aero' } }),
      ev({ eventType: 'worker_joined', data: { workerId: 'aero-2', engineId: 'aero' } }),
      ev({ eventType: 'worker_left', data: { workerId: 'aero-1', engineId: 'aero', reason: 'lost', computed: 3 } })
    );
    const state = projectAll(events);
    expect(Object.keys(state.workers)).toEqual(['aero-2']);
    expect(state.workers['aero-2']).toMatchObject({ engineId: 'aero' });
    const restarted = project(state, ev({ eventType: 'session_started', data: { engines: ENGINES, resumedAfterSeq: 4 } }));
    expect(restarted.workers).toEqual({});
  });
});
