import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Violation } from '../../../shared/consistency';
import type { EngineEvent, EventInput } from '../../../shared/events';
import { INITIAL_SESSION_STATE, SessionSnapshotSchema, projectAll } from '../../../shared/projection';
import { EventLog } from './event-log';
import { LiveProjection } from './live-projection';

const ENGINES = ['design', 'materials'] as const;

function violation(n: number, status: 'open' | 'resolved'): Violation {
  return {
    violationId: `v${n}`,
    ruleId: 'mass_budget',
    severity: 'error',
    sourceEngine: 'design',
    dependentEngine: 'materials',
    field: 'totalMassKg',
    expected: n,
    actual: n + 1,
    message: `violation ${n}`,
    detectedAt: n,
    status
  };
}

/**
 * The i-th event of a varied session: a start, then configurations, outputs, rules, violations
 * and errors in a cycle, so most events change the state and the fold order matters.
 */
function sessionEvent(i: number): EventInput {
  if (i === 0) {
    return {
      eventType: 'session_started',
      sourceEngine: 'coordinator',
      data: { engines: ENGINES.map((engineId) => ({ engineId, capabilities: [], dependsOn: [], analyses: [] })) }
    };
  }
  const version = Math.floor(i / 7) + 1;
  switch (i % 7) {
    case 0:
      return {
        eventType: 'configuration_changed',
        sourceEngine: 'coordinator',
        data: { version, previousVersion: version - 1, configuration: { i } }
      };
    case 1:
    case 2:
      return {
        eventType: 'engine_output',
        sourceEngine: ENGINES[i % 2] as string,
        data: { engineId: ENGINES[i % 2] as string, version, outputs: { i }, changedFields: ['i'], durationMs: i, degradedBy: [] }
      };
    case 3:
      return { eventType: 'violation_opened', sourceEngine: 'consistency_manager', data: violation(i, 'open') };
    case 4:
      return { eventType: 'violation_resolved', sourceEngine: 'consistency_manager', data: violation(i - 1, 'resolved') };
    case 5:
      return {
        eventType: 'rule_added',
        sourceEngine: 'consistency_manager',
        data: {
          rule: {
            ruleId: `r${i}`,
            sourceEngine: 'design',
            dependentEngines: ['materials'],
            dataFields: [],
            autoUpdate: false,
            severity: 'info',
            description: `rule ${i}`,
            codeCheck: false
          }
        }
      };
    default:
      return { eventType: 'error_occurred', sourceEngine: 'event_bus', data: { engineId: 'materials', message: `e${i}`, origin: 'handler' } };
  }
}

/** A log with a projection, and every event ever appended (the window forgets; this does not). */
function setup(historySize: number, snapshotEvery: number, snapshotsKept: number) {
  const log = new EventLog({ historySize });
  const projection = new LiveProjection(log, { snapshotEvery, snapshotsKept });
  const all: EngineEvent[] = [];
  log.onDidAppend((event) => all.push(event));
  const append = (count: number): void => {
    for (let i = 0; i < count; i++) log.append(sessionEvent(all.length));
  };
  return { log, projection, all, append };
}

describe('LiveProjection', () => {
  it('state is the fold of every event with project', () => {
    const { projection, all, append } = setup(1000, 1000, 8);
    expect(projection.state).toBe(INITIAL_SESSION_STATE);
    append(30);
    expect(projection.state).toEqual(projectAll(all));
    expect(projection.state.seq).toBe(30);
    expect(projection.state.engines['design']?.computedVersion).toBeGreaterThan(0);
    expect(projection.state.ruleOrder.length).toBeGreaterThan(0);
  });

  it('sync() gives the newest snapshot whose following events are all in the window, and those events', () => {
    const { projection, all, append, log } = setup(10, 4, 2);
    append(25);
    expect(log.evicted).toBe(15);
    const { snapshot, events } = projection.sync();
    expect(snapshot.seq).toBe(24);
    expect(events.map((event) => event.seq)).toEqual([25]);
    // The snapshot is itself the fold of the events up to its seq, and it survives a boundary.
    expect(snapshot.state).toEqual(projectAll(all.slice(0, 24)));
    expect(SessionSnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    expect(projectAll(events, snapshot.state)).toEqual(projection.state);
  });

  it('sync() before any event is the initial state and no events', () => {
    const { projection } = setup(10, 4, 2);
    expect(projection.sync()).toEqual({ snapshot: { format: 'flightdeck-snapshot/1', seq: 0, state: INITIAL_SESSION_STATE }, events: [], lastSeq: 0 });
  });

  it('sync() falls back to the current state when every snapshot is older than the window', () => {
    const { projection, append } = setup(3, 10, 4);
    append(15);
    const { snapshot, events } = projection.sync();
    expect(snapshot.seq).toBe(15);
    expect(events).toEqual([]);
    expect(snapshot.state).toBe(projection.state);
  });

  it('continues from a recovered state on a log that continues its numbering', () => {
    const first = setup(100, 5, 4);
    first.append(12);
    const log = new EventLog({ lastSeq: first.log.lastSeq, historySize: 100 });
    const projection = new LiveProjection(log, { from: first.projection.state, snapshotEvery: 5 });
    const later: EngineEvent[] = [];
    for (let i = 12; i < 20; i++) later.push(log.append(sessionEvent(i)));
    expect(projection.state).toEqual(projectAll([...first.all, ...later]));
    const { snapshot, events } = projection.sync();
    expect(snapshot.seq).toBe(20);
    expect(projectAll(events, snapshot.state)).toEqual(projection.state);
  });

  it('stops folding once disposed', () => {
    const { projection, append } = setup(100, 5, 4);
    append(3);
    projection.dispose();
    append(3);
    expect(projection.state.seq).toBe(3);
  });

  it('(property) snapshot + events always fold to state, for any window and snapshot spacing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 5 }),
        (historySize, snapshotEvery, snapshotsKept, bursts) => {
          const { projection, all, append, log } = setup(historySize, snapshotEvery, snapshotsKept);
          for (const burst of bursts) {
            append(burst);
            expect(projection.state).toEqual(projectAll(all));
            const { snapshot, events } = projection.sync();
            expect(snapshot.state).toEqual(projectAll(all.slice(0, snapshot.seq)));
            expect(events.map((event) => event.seq)).toEqual(
              Array.from({ length: log.lastSeq - snapshot.seq }, (_, i) => snapshot.seq + 1 + i)
            );
            expect(projectAll(events, snapshot.state)).toEqual(projection.state);
            // The newest usable snapshot: the last multiple of snapshotEvery at or after the window.
            const newestSnapshotSeq = Math.floor(log.lastSeq / snapshotEvery) * snapshotEvery;
            const oldestHeld = log.lastSeq - log.size + 1;
            const keptFrom = Math.max(0, newestSnapshotSeq - (snapshotsKept - 1) * snapshotEvery);
            let expected = log.lastSeq;
            for (let seq = newestSnapshotSeq; seq >= keptFrom; seq -= snapshotEvery) {
              if (seq >= oldestHeld - 1) {
                expected = seq;
                break;
              }
            }
            expect(snapshot.seq).toBe(expected);
          }
        }
      ),
      { numRuns: 150 }
    );
  });
});
