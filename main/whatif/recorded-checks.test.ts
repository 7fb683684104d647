import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { projectAll, type SessionState } from '../../shared/projection';
import { RecordedChecks, type RecordedCheck } from './recorded-checks';
import { checksByEngine, placedChecks, recordGiveUpSession, recordSession, recordSlowSession, type SeenCheck } from './test-recording';

interface Seen {
  check: RecordedCheck;
  /** The state the check saw, and the recorded state right after it. */
  at: SessionState;
  after?: SessionState;
}

interface Recording {
  events: EngineEvent[];
  /** Every check the recompute path ran while it was recorded. */
  live: SeenCheck[];
}

let recordings: Record<'changes' | 'givenUp' | 'slowed', Recording>;
let events: EngineEvent[];
const seen: Seen[] = [];

async function record(session: (watch: SeenCheck[]) => Promise<EngineEvent[]>): Promise<Recording> {
  const live: SeenCheck[] = [];
  return { events: await session(live), live };
}

beforeAll(async () => {
  recordings = { changes: await record(recordSession), givenUp: await record(recordGiveUpSession), slowed: await record(recordSlowSession) };
  events = recordings.changes.events;
  const checks = new RecordedChecks({
    check: (check, state) => seen.push({ check, at: state }),
    checked: (check, state) => {
      const last = seen.at(-1);
      if (last?.check.event !== check.event) throw new Error('checked without its check');
      last.after = state;
    }
  });
  for (const event of events) checks.push(event);
  checks.finish();
});

function checkOf(engineId: string, version: number, kind: RecordedCheck['kind'] = 'computed'): Seen {
  const found = seen.find((s) => s.check.engineId === engineId && s.check.kind === kind && s.check.event.configVersion === version);
  if (!found) throw new Error(`no ${kind} check of ${engineId} at v${version}`);
  return found;
}

describe('RecordedChecks', () => {
  it('places one check per computation, failure and block, computations in log order, and ends on the whole recorded state', () => {
    const outputs = events.filter((e) => e.eventType === 'engine_output').length;
    expect(seen.filter((s) => s.check.kind === 'computed')).toHaveLength(outputs);
    expect(seen.filter((s) => s.check.kind === 'failed').map((s) => s.check.engineId)).toEqual(['sensors']);
    expect(seen.filter((s) => s.check.kind === 'blocked').map((s) => s.check.engineId)).toEqual(['manufacturing']);
    expect(seen.every((s) => s.after !== undefined)).toBe(true);
    const outcomes = seen.filter((s) => s.check.kind !== 'blocked').map((s) => s.check.event.seq);
    expect(outcomes).toEqual([...outcomes].sort((a, b) => a - b));
  });

  it.each(['changes', 'givenUp', 'slowed'] as const)(
    'sees at every check what the recompute path saw: the same engines settled, on the same outputs, never before it ran (%s)',
    (name) => {
      const { events: recorded, live } = recordings[name];
      const placed = placedChecks(recorded);

      expect(live.length).toBeGreaterThan(10);
      expect(placed.map((c) => c.engineId)).toEqual(live.map((c) => c.engineId));
      expect(checksByEngine(placed)).toEqual(checksByEngine(live));
      expect(placed.every((c, i) => c.afterSeq >= (live[i] as SeenCheck).afterSeq)).toBe(true);
    }
  );

  it('counts an engine that finished side by side as settled from its check on, so the later check judges the pair', () => {
    // propulsion and sensors publish one after the other, then are checked in that order.
    expect([...checkOf('propulsion', 1).check.computing]).toEqual(['sensors']);
    expect([...checkOf('sensors', 1).check.computing]).toEqual([]);
    expect([...checkOf('materials', 1).check.computing]).toEqual([]);
    const sideBySide = events.find((e) => e.eventType === 'violation_opened' && e.data.ruleId === 'side_by_side');
    expect(sideBySide?.causationId).toBe(checkOf('sensors', 1).check.event.eventId);
  });

  it('sees a slowed engine computing at its neighbour’s check, and the neighbour settled at its own', () => {
    const { events: slowed, live } = recordings.slowed;
    const v2 = slowed.filter((e) => e.eventType === 'engine_output' && e.configVersion === 2).map((e) => e.eventType === 'engine_output' && e.data.engineId);
    expect(v2.indexOf('sensors')).toBeLessThan(v2.indexOf('propulsion'));

    const [sensors, propulsion] = ['sensors', 'propulsion'].map((id) => placedChecks(slowed).filter((c) => c.engineId === id)[1] as SeenCheck);
    expect(sensors?.settled).not.toHaveProperty('propulsion');
    expect(propulsion?.settled).toHaveProperty('sensors');
    expect(live.filter((c) => c.engineId === 'propulsion')[1]?.settled).toEqual(propulsion?.settled);
  });

  it('hands a check the state before its violations and the state after them', () => {
    const opened = events.find((e) => e.eventType === 'violation_opened' && e.data.ruleId === 'power_budget') as EngineEvent<'violation_opened'>;
    const sensors = seen.find((s) => s.check.event.eventId === opened.causationId) as Seen;

    expect(Object.values(sensors.at.violations.open).map((v) => v.ruleId)).not.toContain('power_budget');
    expect(Object.values(sensors.after?.violations.open ?? {}).map((v) => v.ruleId)).toContain('power_budget');
    expect(sensors.after).toEqual(projectAll(events.slice(0, events.indexOf(opened) + 1)));
  });

  it('sees a failed engine settled at the block the end of its computation walked into, the engine beside it checked before', () => {
    const failed = seen.find((s) => s.check.kind === 'failed') as Seen;
    const blocked = seen.find((s) => s.check.kind === 'blocked') as Seen;
    const propulsion = checkOf('propulsion', failed.check.event.configVersion);

    expect([...propulsion.check.computing]).toEqual(['sensors']);
    expect([...failed.check.computing]).toEqual([]);
    expect([...blocked.check.computing]).toEqual([]);
    expect(seen.indexOf(propulsion)).toBeLessThan(seen.indexOf(failed));
  });
});
