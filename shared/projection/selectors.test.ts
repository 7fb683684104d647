import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventInput, EventType } from '../events';
import { projectAll } from './reduce';
import { deadLettersOf, dependentsDegradedBy, engineStatus, supervisionOf } from './selectors';

/** design → materials → aero (aero also depends on design). */
const ENGINES = [
  { engineId: 'design', capabilities: [], dependsOn: [], analyses: [] },
  { engineId: 'materials', capabilities: [], dependsOn: ['design'], analyses: [] },
  { engineId: 'aero', capabilities: [], dependsOn: ['design', 'materials'], analyses: [] }
];

/** A session's log as a plain array: numbered, stamped 1000 + seq, started with `ENGINES`. */
function sessionLog(): { ev: <K extends EventType>(input: Omit<EventInput<K>, 'sourceEngine'>) => EngineEvent; events: EngineEvent[] } {
  let seq = 0;
  const ev = <K extends EventType>(input: Omit<EventInput<K>, 'sourceEngine'>): EngineEvent => {
    seq++;
    return { seq, eventId: `e${seq}`, sourceEngine: 'test', priority: 'NORMAL', timestamp: 1000 + seq, configVersion: 0, requiresResponse: false, correlationId: `e${seq}`, causationId: null, ...input } as unknown as EngineEvent;
  };
  return { ev, events: [ev({ eventType: 'session_started', data: { engines: ENGINES } })] };
}

const configured = (version: number) => ({ eventType: 'configuration_changed' as const, data: { version, previousVersion: version - 1 || null, configuration: {} } });
const output = (engineId: string, version: number, degradedBy: string[] = []) => ({
  eventType: 'engine_output' as const,
  data: { engineId, version, outputs: { v: version }, changedFields: ['v'], durationMs: 1, degradedBy }
});
const failed = (engineId: string, version: number, decision: { retryInMs: number } | { final: true } | Record<string, never>) => ({
  eventType: 'engine_status_changed' as const,
  data: { engineId, status: 'failed' as const, version, reason: 'boom', ...decision }
});

describe('supervisionOf', () => {
  it('a failure with a restart scheduled reads retry-pending, due at the event time plus the backoff', () => {
    const { ev, events } = sessionLog();
    events.push(ev(configured(1)), ev(output('design', 1)), ev(failed('materials', 1, { retryInMs: 250 })));
    const state = projectAll(events);
    expect(supervisionOf(state, 'materials')).toEqual({ kind: 'retry-pending', retryAt: 1004 + 250, reason: 'boom' });
    expect(supervisionOf(state, 'design')).toEqual({ kind: 'none' });
  });

  it('a given-up engine says why and after how many restarts, and stays so until it computes', () => {
    const { ev, events } = sessionLog();
    const restarted = (restarts: number) => ev({ eventType: 'engine_restarted', data: { engineId: 'materials', reason: 'backoff', restarts, recoveredFromCache: true, recoveredConfigVersion: 1 } });
    events.push(ev(configured(1)), ev(output('design', 1)), ev(output('materials', 1)), ev(configured(2)), ev(output('design', 2)));
    events.push(ev(failed('materials', 2, { retryInMs: 1 })), restarted(1), ev(failed('materials', 2, { retryInMs: 2 })), restarted(2));
    events.push(ev(failed('materials', 2, { final: true })));
    let state = projectAll(events);
    expect(supervisionOf(state, 'materials')).toEqual({ kind: 'given-up', reason: 'boom', restarts: 2, at: 1011 });
    state = projectAll([ev(output('materials', 2))], state);
    expect(supervisionOf(state, 'materials')).toEqual({ kind: 'none' });
  });

  it('a failure no supervisor decided about reads failed; one about an older version says nothing (it is retried)', () => {
    const { ev, events } = sessionLog();
    events.push(ev(configured(1)), ev(failed('design', 1, {})));
    let state = projectAll(events);
    expect(supervisionOf(state, 'design')).toEqual({ kind: 'failed', reason: 'boom' });
    state = projectAll([ev(configured(2))], state);
    expect(engineStatus(state, 'design')).toBe('busy');
    expect(supervisionOf(state, 'design')).toEqual({ kind: 'none' });
  });

  it('a rebuild in progress reads restarting with its reason', () => {
    const { ev, events } = sessionLog();
    events.push(ev(configured(1)), ev({ eventType: 'engine_status_changed', data: { engineId: 'aero', status: 'restarting', version: 1, reason: 'restart 1 after a failure' } }));
    expect(supervisionOf(projectAll(events), 'aero')).toEqual({ kind: 'restarting', reason: 'restart 1 after a failure' });
  });
});

describe('degraded engines', () => {
  /** materials given up on v2 with its v1 outputs; aero computed v2 from them. */
  function degradedSession(): ReturnType<typeof sessionLog> {
    const log = sessionLog();
    const { ev, events } = log;
    events.push(ev(configured(1)), ev(output('design', 1)), ev(output('materials', 1)), ev(output('aero', 1)));
    events.push(ev(configured(2)), ev(output('design', 2)), ev(failed('materials', 2, { final: true })), ev(output('aero', 2, ['materials'])));
    return log;
  }

  it('an engine computed from a given-up engine reads degraded, naming it; the given-up engine lists it', () => {
    const { events } = degradedSession();
    const state = projectAll(events);
    expect(engineStatus(state, 'aero')).toBe('degraded');
    expect(supervisionOf(state, 'aero')).toEqual({ kind: 'degraded', by: ['materials'] });
    expect(dependentsDegradedBy(state, 'materials')).toEqual(['aero']);
    expect(dependentsDegradedBy(state, 'design')).toEqual([]);
  });

  it('once the given-up engine is back and its dependents recompute, nothing is degraded', () => {
    const { ev, events } = degradedSession();
    events.push(ev(output('materials', 2)), ev(output('aero', 2)));
    const state = projectAll(events);
    expect(supervisionOf(state, 'aero')).toEqual({ kind: 'none' });
    expect(dependentsDegradedBy(state, 'materials')).toEqual([]);
  });
});

describe('deadLettersOf', () => {
  it("lists one engine's dead letters, newest first", () => {
    const { ev, events } = sessionLog();
    const letter = (engineId: string, originalEventId: string) =>
      ev({ eventType: 'error_occurred', data: { engineId, origin: 'handler', message: 'handler failed', originalEventId, originalEventType: 'rule_added', attempts: 3, deadLettered: true } });
    events.push(letter('aero', 'x1'), letter('materials', 'x2'), letter('aero', 'x3'));
    const state = projectAll(events);
    expect(deadLettersOf(state, 'aero').map((d) => d.originalEventId)).toEqual(['x3', 'x1']);
    expect(deadLettersOf(state, 'design')).toEqual([]);
  });
});
