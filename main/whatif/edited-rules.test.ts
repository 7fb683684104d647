import { describe, expect, it } from 'vitest';
import type { ConsistencyRule } from '../../shared/consistency';
import type { EngineEvent, RecordedRule } from '../../shared/events';
import { projectAll, type SessionState } from '../../shared/projection';
import type { RuleEdit } from '../../shared/protocol/whatif';
import { defaultRules } from '../engines/session/default-rules';
import { editedRules } from './edited-rules';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

/** A recorded state with the six engines and these rules, as their events put them there. */
function recordedState(rules: readonly RecordedRule[]): SessionState {
  const envelope = { priority: 'NORMAL', timestamp: 0, configVersion: 0, requiresResponse: false, causationId: null } as const;
  const events: EngineEvent[] = [
    {
      ...envelope,
      seq: 1,
      eventId: 'e1',
      correlationId: 'e1',
      eventType: 'session_started',
      sourceEngine: 'coordinator',
      data: { engines: ENGINES.map((engineId) => ({ engineId, capabilities: [], dependsOn: [], analyses: [] })) }
    },
    ...rules.map((rule, i): EngineEvent => ({ ...envelope, seq: i + 2, eventId: `r${i}`, correlationId: `r${i}`, eventType: 'rule_added', sourceEngine: 'consistency_manager', data: { rule } }))
  ];
  return projectAll(events);
}

function recordedOf(rule: ConsistencyRule): RecordedRule {
  const { validate, ...spec } = rule;
  return { ...spec, codeCheck: validate !== undefined };
}

const engineSpec = defaultRules().find((rule) => rule.ruleId === 'engine_spec') as ConsistencyRule;
const { validate: _noCode, ...engineSpecSpec } = engineSpec;
const state = recordedState(defaultRules().map(recordedOf));
const ids = defaultRules().map((rule) => rule.ruleId);

describe('editedRules', () => {
  it('gives the recorded rules back in the order added, each code check restored by rule id', () => {
    const rules = editedRules(state, []);

    expect(rules.map((rule) => rule.ruleId)).toEqual(ids);
    for (const rule of rules) {
      const original = defaultRules().find((r) => r.ruleId === rule.ruleId) as ConsistencyRule;
      expect(recordedOf(rule)).toEqual(recordedOf(original));
      expect(typeof rule.validate).toBe(typeof original.validate);
    }
  });

  it('applies updates (keeping a code check), removals and additions in order', () => {
    const edits: RuleEdit[] = [
      { kind: 'update', ruleId: 'engine_spec', patch: { tolerance: { relative: 0.0001 }, severity: 'warning' } },
      { kind: 'update', ruleId: 'power_budget', patch: { enabled: false } },
      { kind: 'remove', ruleId: 'material_processes' }
    ];
    const rules = editedRules(state, edits);

    expect(rules.map((rule) => rule.ruleId)).toEqual(ids.filter((id) => id !== 'material_processes'));
    expect(rules.find((rule) => rule.ruleId === 'engine_spec')).toMatchObject({ tolerance: { relative: 0.0001 }, severity: 'warning' });
    const power = rules.find((rule) => rule.ruleId === 'power_budget');
    expect(power).toMatchObject({ enabled: false });
    expect(typeof power?.validate).toBe('function');

    const added = editedRules(state, [{ kind: 'add', rule: { ...engineSpecSpec, ruleId: 'engine_spec_copy' } }]);
    expect(added.at(-1)).toEqual({ ...engineSpecSpec, ruleId: 'engine_spec_copy' });
  });

  it.each<[string, RuleEdit, RegExp]>([
    ['an unknown rule to update', { kind: 'update', ruleId: 'nope', patch: {} }, /^edit 1 \(update "nope"\): unknown rule "nope"; rules: config_version, mass_budget, .*material_processes$/],
    ['an unknown rule to remove', { kind: 'remove', ruleId: 'nope' }, /^edit 1 \(remove "nope"\): unknown rule "nope"; rules: config_version/],
    ['a bad field of a patch', { kind: 'update', ruleId: 'engine_spec', patch: { tolerance: { relative: -1 } } }, /^edit 1 \(update "engine_spec"\): tolerance\.relative: /],
    ['a key a patch does not have', { kind: 'update', ruleId: 'engine_spec', patch: { ruleId: 'x' } as never }, /^edit 1 \(update "engine_spec"\): \(root\): Unrecognized key: "ruleId"/],
    ['a bad field of an added rule', { kind: 'add', rule: { ...engineSpecSpec, severity: 'fatal' } as never }, /^edit 1 \(add\): severity: /],
    ['an added rule whose id exists', { kind: 'add', rule: engineSpecSpec }, /^edit 1 \(add "engine_spec"\): rule "engine_spec" already exists/],
    [
      'an engine the session does not have',
      { kind: 'update', ruleId: 'engine_spec', patch: { dependentEngines: ['aerodynamics', 'avionics'] } },
      /^edit 1 \(update "engine_spec"\): dependentEngines\.1: unknown engine "avionics"; engines: design, materials, propulsion, sensors, aerodynamics, manufacturing$/
    ]
  ])('refuses %s, naming it', (_what, edit, message) => {
    expect(() => editedRules(state, [edit])).toThrow(message);
  });

  it('names the edit that failed among several', () => {
    expect(() => editedRules(state, [{ kind: 'remove', ruleId: 'power_budget' }, { kind: 'remove', ruleId: 'power_budget' }])).toThrow(/^edit 2 \(remove "power_budget"\): unknown rule/);
  });

  it('refuses a recorded code rule whose code this build does not have', () => {
    const custom = recordedState([...defaultRules().map(recordedOf), { ...recordedOf(engineSpec), ruleId: 'lost_code', codeCheck: true }]);

    expect(() => editedRules(custom, [])).toThrow('recorded rules with a code check this build does not have: lost_code');
  });
});
