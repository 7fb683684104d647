import { describe, expect, it } from 'vitest';
import { INITIAL_SESSION_STATE, type SessionState } from '../../../shared/projection';
import { AcceptedModel, acceptedStateOf, canonicalJson, changedParts } from './accepted-state';

const engine = (computedVersion: number, outputs: Record<string, unknown>): SessionState['engines'][string] => ({
  engineId: 'design',
  capabilities: [],
  dependsOn: [],
  analyses: [],
  computedVersion,
  outputs,
  changedFields: [],
  degradedBy: [],
  outputEventId: null,
  outputAt: null,
  lastDurationMs: null,
  condition: { kind: 'ok' },
  lastError: null,
  lastFailure: null,
  remote: false,
  restarts: 0,
  faults: { slowMs: 0, failuresLeft: 0 }
});

const INITIAL_CONFIGURATION = { version: 1, previousVersion: null, configuration: {}, eventId: 'e', correlationId: 'c', appliedAt: 0 };

const state: SessionState = { ...INITIAL_SESSION_STATE, engineOrder: ['design'], engines: { design: engine(1, { massKg: 10, a: [1] }) } };

describe('accepted state', () => {
  it('sees no change when only references move, or when noise changes', () => {
    const rebuilt: SessionState = { ...state, seq: 99, eventCount: 50, engines: { design: { ...engine(1, { a: [1], massKg: 10 }), lastDurationMs: 3 } } };
    expect(changedParts(acceptedStateOf(state), acceptedStateOf(rebuilt))).toEqual([]);
  });

  it('names each accepted part that changed', () => {
    const changed: SessionState = {
      ...state,
      engines: { design: { ...engine(2, { massKg: 11, a: [1] }), faults: { slowMs: 5, failuresLeft: 0 } } },
      ruleOrder: ['r1']
    };
    expect(changedParts(acceptedStateOf(state), acceptedStateOf(changed)).sort()).toEqual(
      ['engines.design.computedVersion', 'engines.design.faults', 'engines.design.outputs', 'ruleOrder'].sort()
    );
  });

  it('writes canonical JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('remembers what accepted commands built, and names what the session lost of it', () => {
    const model = AcceptedModel.of({ ...state, ruleOrder: ['a'], configuration: { ...INITIAL_CONFIGURATION, version: 3 } });
    model.accept('rules.add', { ruleId: 'b' }, {});
    model.accept('rules.remove', { ruleId: 'a' }, {});
    // A refused configuration lists no engines and moves no version; an applied one does, even when an engine failed.
    model.accept('configuration.apply', {}, { ok: false, version: 3, engines: [] });
    model.accept('scenario.load', {}, { ok: false, version: 4, engines: [{ engineId: 'design', outcome: 'failed' }] });
    expect(model.lostFrom(['b'], 4)).toEqual([]);
    expect(model.lostFrom(['c'], 3)).toEqual(['rules missing ["b"], not accepted ["c"]', 'configuration v3, accepted v4']);
  });
});
