import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { project, projectAll, INITIAL_SESSION_STATE, type SessionState } from '../../shared/projection';
import type { RuleEdit } from '../../shared/protocol/whatif';
import { editedRules } from './edited-rules';
import { rejudge } from './rejudge';
import { openRecordedSession, recordedCodeRules, recordGiveUpSession, recordSession, recordSlowSession } from './test-recording';

let events: EngineEvent[];
let recorded: SessionState;

beforeAll(async () => {
  events = await recordSession();
  recorded = projectAll(events);
});

function rejudgeWith(edits: RuleEdit[]): ReturnType<typeof rejudge> {
  return rejudge(events, editedRules(recorded, edits, { codeRules: recordedCodeRules() }));
}

function outputs(): EngineEvent<'engine_output'>[] {
  return events.filter((event): event is EngineEvent<'engine_output'> => event.eventType === 'engine_output');
}

/** The seq of the engine output whose check published the first event of `type` for `ruleId` (each a list, in log order). */
function checkedAt(type: 'violation_opened' | 'violation_resolved', ruleId: string): number[] {
  const bySeq = new Map(events.map((event) => [event.eventId, event.seq]));
  return events
    .filter((event) => event.eventType === type && event.data.ruleId === ruleId)
    .map((event) => bySeq.get(event.causationId ?? '') ?? event.seq);
}

/**
 * The engine outputs after whose check the recording had `ruleId` open: the state folded through
 * the output and the invalidations and violations its check published (they follow it).
 */
function outputsWithOpen(ruleId: string): number[] {
  const seqs: number[] = [];
  let state = INITIAL_SESSION_STATE;
  events.forEach((event, index) => {
    state = project(state, event);
    if (event.eventType !== 'engine_output') return;
    let after = state;
    for (let i = index + 1; i < events.length; i++) {
      const next = events[i] as EngineEvent;
      if (next.eventType === 'engine_output' || next.causationId !== event.eventId) break;
      after = project(after, next);
    }
    if (Object.values(after.violations.open).some((v) => v.ruleId === ruleId)) seqs.push(event.seq);
  });
  return seqs;
}

describe('rejudge', () => {
  it('reproduces the recording exactly with the recorded rules unchanged (power budget opened and resolved, a failure, a block)', () => {
    const types = events.map((event) => event.eventType === 'violation_opened' || event.eventType === 'violation_resolved' ? `${event.eventType}:${event.data.ruleId}` : event.eventType);
    expect(types.filter((t) => t === 'violation_opened:power_budget')).toHaveLength(2);
    expect(types.filter((t) => t === 'violation_resolved:power_budget')).toHaveLength(2);
    expect(events.some((e) => e.eventType === 'engine_status_changed' && e.data.status === 'blocked')).toBe(true);

    const report = rejudgeWith([]);

    expect(report.steps).toEqual([]);
    expect(report.atEnd).toEqual({ opened: [], noLongerOpened: [], changed: [] });
    expect(report.totals).toMatchObject({ events: events.length, engineOutputs: outputs().length, differingOutputs: 0, opened: 0, noLongerOpened: 0, changed: 0 });
    expect(report.recordedRuleChanges).toEqual([]);
  });

  it('reads the recording from any iterable, such as the pages a store hands out', () => {
    function* pages(): Generator<EngineEvent> {
      for (let from = 0; from < events.length; from += 7) yield* events.slice(from, from + 7);
    }
    const rules = editedRules(recorded, [{ kind: 'update', ruleId: 'power_budget', patch: { severity: 'warning' } }], { codeRules: recordedCodeRules() });

    const { durationMs: _paged, ...paged } = rejudge(pages(), rules);
    const { durationMs: _whole, ...whole } = rejudge(events, rules);
    expect(paged).toEqual(whole);
  });

  it('reproduces a recording whose sensors were given up, ran degraded and came back with an invalidation', async () => {
    const given = await recordGiveUpSession();
    expect(given.some((e) => e.eventType === 'engine_status_changed' && e.data.status === 'failed' && e.data.final)).toBe(true);
    expect(given.some((e) => e.eventType === 'engine_output' && e.data.degradedBy.length > 0)).toBe(true);
    expect(given.some((e) => e.eventType === 'data_invalidated')).toBe(true);

    const report = rejudge(given, editedRules(projectAll(given), [], { codeRules: recordedCodeRules() }));

    expect(report.totals.differingOutputs).toBe(0);
    expect(report.atEnd).toEqual({ opened: [], noLongerOpened: [], changed: [] });
  });

  it('judges a rule between engines computing side by side at every change, as the recompute path does: at the later one’s check', () => {
    const firstSensors = outputs().find((e) => e.data.engineId === 'sensors')?.seq;
    expect(checkedAt('violation_opened', 'side_by_side')).toEqual([firstSensors]);

    const report = rejudgeWith([{ kind: 'remove', ruleId: 'side_by_side' }]);

    // Open from the first sensors output to the end: every step lists it as no longer opened.
    expect(report.steps[0]?.seq).toBe(firstSensors);
    expect(report.steps.map((s) => s.seq)).toEqual(outputsWithOpen('side_by_side'));
    expect(report.steps.map((s) => s.seq)).toEqual(outputs().filter((e) => e.seq >= (firstSensors ?? 0)).map((e) => e.seq));
    expect(report.steps.every((s) => s.noLongerOpened.length === 1 && s.opened.length === 0 && s.changed.length === 0)).toBe(true);
  });

  it('reproduces a recording whose propulsion was slowed for a change, its pair with sensors judged at its own late check', async () => {
    const slowed = await recordSlowSession();
    const sensorsFirst = slowed.filter((e) => e.eventType === 'engine_output' && e.configVersion === 2).map((e) => e.eventType === 'engine_output' && e.data.engineId);
    expect(sensorsFirst.indexOf('sensors')).toBeLessThan(sensorsFirst.indexOf('propulsion'));

    const report = rejudge(slowed, editedRules(projectAll(slowed), [], { codeRules: recordedCodeRules() }));

    expect(report.totals.differingOutputs).toBe(0);
    expect(report.atEnd).toEqual({ opened: [], noLongerOpened: [], changed: [] });
  });

  it('opens what a tightened tolerance fails, from the first sensors output on', () => {
    const report = rejudgeWith([{ kind: 'update', ruleId: 'sensor_power_share', patch: { tolerance: { relative: 0.5 } } }]);

    const firstSensors = outputs().find((e) => e.data.engineId === 'sensors')?.seq;
    expect(report.steps[0]).toMatchObject({ seq: firstSensors, engineId: 'sensors', configVersion: 1, noLongerOpened: [], changed: [] });
    expect(report.steps[0]?.opened).toEqual([
      expect.objectContaining({ ruleId: 'sensor_power_share', sourceEngine: 'design', dependentEngine: 'sensors', field: 'powerDemandKW', severity: 'warning', actual: 18 })
    ]);
    expect(report.steps[0]?.opened[0]?.expected).toBeCloseTo(44.9, 6);
    // Open from there on under the tighter tolerance, never in the recording.
    expect(report.steps.map((s) => s.seq)).toEqual(outputs().filter((e) => e.seq >= (firstSensors ?? 0)).map((e) => e.seq));
    expect(report.totals).toMatchObject({ differingOutputs: report.steps.length, opened: 1, noLongerOpened: 0, changed: 0 });
    expect(report.atEnd.opened).toHaveLength(1);
  });

  it('lists a severity edit as changed wherever the recording had the violation open', () => {
    const report = rejudgeWith([{ kind: 'update', ruleId: 'power_budget', patch: { severity: 'warning' } }]);

    expect(report.steps.map((s) => s.seq)).toEqual(outputsWithOpen('power_budget'));
    expect(report.steps[0]?.seq).toBe(checkedAt('violation_opened', 'power_budget')[0]);
    for (const step of report.steps) {
      expect(step.opened).toEqual([]);
      expect(step.noLongerOpened).toEqual([]);
      expect(step.changed).toEqual([
        expect.objectContaining({
          ruleId: 'power_budget',
          sourceEngine: 'design',
          dependentEngine: 'sensors',
          field: 'powerDemandKW',
          recorded: expect.objectContaining({ severity: 'error' }),
          edited: expect.objectContaining({ severity: 'warning' })
        })
      ]);
    }
    expect(report.totals.changed).toBe(1);
    expect(report.atEnd).toEqual({ opened: [], noLongerOpened: [], changed: [] });
  });

  it.each<[string, RuleEdit]>([
    ['disabling', { kind: 'update', ruleId: 'power_budget', patch: { enabled: false } }],
    ['removing', { kind: 'remove', ruleId: 'power_budget' }]
  ])('lists the violations of a rule as no longer opened after %s it', (_what, edit) => {
    const report = rejudgeWith([edit]);

    expect(report.steps.map((s) => s.seq)).toEqual(outputsWithOpen('power_budget'));
    for (const step of report.steps) {
      expect(step.noLongerOpened).toEqual([expect.objectContaining({ ruleId: 'power_budget', severity: 'error', field: 'powerDemandKW' })]);
      expect(step.opened).toEqual([]);
      expect(step.changed).toEqual([]);
    }
    expect(report.totals).toMatchObject({ noLongerOpened: 1, opened: 0, changed: 0 });
  });

  it('opens what an added rule fails', () => {
    const report = rejudgeWith([
      {
        kind: 'add',
        rule: {
          ruleId: 'cooling_share',
          sourceEngine: 'design',
          dependentEngines: ['sensors'],
          dataFields: ['coolingDemandKW'],
          autoUpdate: false,
          severity: 'info',
          description: 'the sensors account for all the cooling'
        }
      }
    ]);

    expect(report.steps[0]?.engineId).toBe('sensors');
    expect(report.steps[0]?.opened).toEqual([
      expect.objectContaining({ ruleId: 'cooling_share', dependentEngine: 'sensors', field: 'coolingDemandKW', severity: 'info', actual: 16 })
    ]);
    expect(report.totals).toMatchObject({ opened: 1, noLongerOpened: 0, changed: 0 });
  });

  it('keeps the first maxSteps steps and counts the rest', () => {
    const rules = editedRules(recorded, [{ kind: 'update', ruleId: 'sensor_power_share', patch: { tolerance: { relative: 0.5 } } }], { codeRules: recordedCodeRules() });
    const full = rejudge(events, rules);
    const capped = rejudge(events, rules, { maxSteps: 2 });

    expect(capped.steps).toEqual(full.steps.slice(0, 2));
    expect(capped.totals.omittedSteps).toBe(full.totals.differingOutputs - 2);
  });

  it('names the rule events a recording had after its first output', async () => {
    const { session, events: live } = await openRecordedSession();
    await session.coordinator.processConfigurationChange(session.loadScenario('f22a'));
    session.coordinator.consistency.updateConsistencyRule('power_budget', { severity: 'critical' });
    await session.dispose();
    const updated = live.find((event) => event.eventType === 'rule_updated');

    const report = rejudge(live, editedRules(projectAll(live), []));

    expect(report.recordedRuleChanges).toEqual([updated?.seq]);
    expect(report.steps).toEqual([]);
  });
});
