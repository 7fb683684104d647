import { describe, expect, it } from 'vitest';
import type { EventType } from '../../shared/events';
import { INITIAL_SESSION_STATE, type SessionState } from '../../shared/projection';
import type { SubscriberRecord } from './audited-subscribers';
import { auditDeliveries, downtimesOverPolicy, settledProblems } from './chaos-checks';

/** A monitor that listened to seqs 1..6 with the given completion counts (index = seq). */
function record(completions: number[], failedFor: Record<string, number> = {}): SubscriberRecord {
  return {
    engineId: 'audit',
    eventTypes: '*',
    completions: Uint8Array.from(completions),
    fromSeq: 1,
    toSeq: 6,
    failedFor: new Map(Object.entries(failedFor)),
    injected: { transient: 0, permanent: 0, timeout: 0 }
  };
}
const anyType = (): EventType => 'synthetic_load';

describe('auditDeliveries', () => {
  it('counts each expected event once: delivered, dead-lettered, redelivered', () => {
    const audit = auditDeliveries(
      record([0, 1, 1, 1, 0, 1, 1], { e3: 3, e4: 4 }),
      anyType,
      [
        { engineId: 'audit', originalEventId: 'e3', message: 'boom', timedOut: false },
        { engineId: 'audit', originalEventId: 'e4', message: 'late', timedOut: true }
      ],
      [{ engineId: 'audit', originalEventId: 'e3', outcome: 'redelivered' }]
    );
    // e3 was dead-lettered and then redelivered (it completed once); e4 stays dead-lettered.
    expect(audit).toMatchObject({ expected: 6, delivered: 5, redelivered: 1, deadLettered: 1, lost: 0, duplicated: 0, unexplainedDeadLetters: 0 });
  });

  it('finds a lost event, a duplicated one, and one both completed and dead-lettered', () => {
    const audit = auditDeliveries(record([0, 1, 0, 2, 1, 1, 1], { e5: 5 }), anyType, [{ engineId: 'audit', originalEventId: 'e5', message: 'x', timedOut: false }], []);
    expect(audit).toMatchObject({ lost: 1, duplicated: 2, delivered: 3 });
  });

  it('finds dead letters for events the handler never failed on, and ignores other subscribers', () => {
    const audit = auditDeliveries(
      record([0, 1, 1, 1, 1, 1, 1]),
      anyType,
      [
        { engineId: 'audit', originalEventId: 'unknown', message: 'x', timedOut: false },
        { engineId: 'someone_else', originalEventId: 'e2', message: 'x', timedOut: false }
      ],
      []
    );
    expect(audit).toMatchObject({ delivered: 6, unexplainedDeadLetters: 1 });
  });

  it('expects only the types a typed subscriber listens to', () => {
    const typed = { ...record([0, 1, 0, 1, 0, 1, 0]), eventTypes: ['engine_output'] as EventType[] };
    const audit = auditDeliveries(typed, (seq) => (seq % 2 === 1 ? 'engine_output' : 'synthetic_load'), [], []);
    expect(audit).toMatchObject({ expected: 3, delivered: 3, lost: 0 });
  });
});

function sessionWith(patch: (state: SessionState) => void): SessionState {
  const state = structuredClone(INITIAL_SESSION_STATE) as SessionState;
  state.engineOrder = ['design'];
  state.configuration = { version: 2, previousVersion: 1, configuration: {}, eventId: 'c', correlationId: 'k', appliedAt: 0 };
  state.engines.design = {
    engineId: 'design',
    capabilities: [],
    dependsOn: [],
    analyses: [],
    computedVersion: 2,
    outputs: { massKg: 1 },
    changedFields: [],
    degradedBy: [],
    outputEventId: 'o',
    outputAt: 0,
    lastDurationMs: 1,
    condition: { kind: 'ok' },
    lastError: null,
    lastFailure: null,
    remote: false,
    restarts: 0,
    faults: { slowMs: 0, failuresLeft: 0 }
  };
  patch(state);
  return state;
}

describe('settledProblems', () => {
  const fresh = sessionWith(() => undefined);

  it('is empty for a session equal to a fresh recompute', () => {
    expect(settledProblems(sessionWith(() => undefined), fresh)).toEqual([]);
  });

  it('names an engine behind the version, with other outputs, or left stale', () => {
    const behind = sessionWith((s) => {
      const design = s.engines.design as NonNullable<SessionState['engines']['design']>;
      design.computedVersion = 1;
      design.outputs = { massKg: 2 };
      s.invalidations.design = { engineId: 'design', originEngine: 'design', version: 1, hop: 0, fields: [], fromEngines: [], chain: [], propagationId: 'p', correlationId: 'k', eventId: 'i', since: 0 };
    });
    expect(settledProblems(behind, fresh)).toEqual([
      'design is on v1, not the last version v2',
      "design's outputs differ from a fresh recompute of the same configuration",
      'design still carries a stale mark'
    ]);
  });

  it('names a violation left open that a fresh recompute does not open', () => {
    const open = sessionWith((s) => {
      s.violations.open.v1 = { violationId: 'v1', ruleId: 'mass', severity: 'ERROR', sourceEngine: 'design', dependentEngine: 'materials', expected: 1, actual: 2, message: 'too heavy', detectedAt: 0, status: 'open' } as never;
    });
    expect(settledProblems(open, fresh)).toEqual(['violation open that a fresh recompute does not open: mass design→materials : too heavy']);
  });
});

describe('downtimesOverPolicy', () => {
  it('names each downtime longer than the policy allows', () => {
    const downtimes = [
      { engineId: 'design', fromMs: 0, toMs: 800, failures: 2 },
      { engineId: 'sensors', fromMs: 0, toMs: 900, failures: 3 }
    ];
    expect(downtimesOverPolicy(downtimes, () => 840)).toEqual(['sensors was down 900 ms over 3 failure(s); its policy allows 840 ms']);
  });
});
