import { fileURLToPath } from 'node:url';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { ConsistencyRule } from '../../shared/consistency';
import type { EngineEvent, EngineId } from '../../shared/events';
import { engineStatus, type SessionState } from '../../shared/projection';
import type { DataConsistencyManager } from '../core/consistency';
import { createFlightdeckSession } from '../engines/session/create-session';
import { defaultRules } from '../engines/session/default-rules';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { RecordedChecks } from './recorded-checks';

/** The resources folder of the repository, for sessions in tests. */
export const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));

/** A recorded rule a user added with a loose tolerance: sensors' share of the design's power demand. */
export const sensorPowerShare: ConsistencyRule = {
  ruleId: 'sensor_power_share',
  sourceEngine: 'design',
  dependentEngines: ['sensors'],
  dataFields: ['powerDemandKW'],
  autoUpdate: false,
  severity: 'warning',
  description: 'the sensors draw a fair share of the power demand',
  tolerance: { relative: 0.7 }
};

/**
 * A code rule between two engines that compute side by side (both wait only on design and
 * materials): it always fails, so whatever it opens shows when the recompute path checked it.
 */
export const sideBySide: ConsistencyRule = {
  ruleId: 'side_by_side',
  sourceEngine: 'propulsion',
  dependentEngines: ['sensors'],
  dataFields: [],
  autoUpdate: false,
  severity: 'info',
  description: 'a check between engines computing side by side',
  validate: () => [{ field: 'pair', passed: false, expected: 'never', actual: 'always', message: 'always fails' }]
};

/** The code rules a recording of `recordSession` was made with, to restore its code checks. */
export function recordedCodeRules(): ConsistencyRule[] {
  return [...defaultRules(), sideBySide];
}

export function withPower(configuration: AircraftConfiguration, powerGenerationKW: number): AircraftConfiguration {
  return { ...configuration, basePlatform: { ...configuration.basePlatform, powerGenerationKW } };
}

/** A check the recompute path ran: what it found settled, and on which outputs. */
export interface SeenCheck {
  engineId: EngineId;
  /** The seq of the last event in the log when it ran. */
  afterSeq: number;
  /** Each other engine it found settled, with the `engine_output` it had published (null: none). */
  settled: Record<EngineId, string | null>;
}

/**
 * A real session and every event of its log from the first, as the store keeps them; with
 * `watch`, every check its recompute path runs is appended to it as it runs.
 */
export async function openRecordedSession(watch?: SeenCheck[]): Promise<{ session: FlightdeckSession; events: EngineEvent[] }> {
  const session = await createFlightdeckSession({ resourcesDir, random: () => 0.5 });
  const events: EngineEvent[] = [...session.coordinator.log.query({})];
  session.coordinator.log.onDidAppend((event) => events.push(event));
  if (watch) watchChecks(session.coordinator, events, watch);
  return { session, events };
}

/** Wraps a coordinator's per-engine check (the recompute path's only one) to note what each saw. */
export function watchChecks(coordinator: { consistency: DataConsistencyManager; readonly state: SessionState }, events: readonly EngineEvent[], into: SeenCheck[]): void {
  const { consistency } = coordinator;
  const recheck = consistency.recheckEngine.bind(consistency);
  consistency.recheckEngine = (engineId, isSettled, cause) => {
    const { state } = coordinator;
    const settled: Record<EngineId, string | null> = {};
    for (const id of state.engineOrder) if (id !== engineId && isSettled(id)) settled[id] = state.engines[id]?.outputEventId ?? null;
    into.push({ engineId, afterSeq: events.at(-1)?.seq ?? 0, settled });
    recheck(engineId, isSettled, cause);
  };
}

/** The checks `RecordedChecks` places in a recording, with what each saw as the sandbox judges it. */
export function placedChecks(events: Iterable<EngineEvent>): SeenCheck[] {
  const placed: SeenCheck[] = [];
  const checks = new RecordedChecks({
    check: (check, state) => {
      const settled: Record<EngineId, string | null> = {};
      for (const id of state.engineOrder) {
        const status = engineStatus(state, id);
        if (id !== check.engineId && !check.computing.has(id) && status !== 'busy' && status !== 'restarting') settled[id] = state.engines[id]?.outputEventId ?? null;
      }
      placed.push({ engineId: check.engineId, afterSeq: state.seq, settled });
    },
    checked: () => undefined
  });
  for (const event of events) checks.push(event);
  checks.finish();
  return placed;
}

/** Checks by engine and occurrence (`sensors#2`), with what each found settled: two runs of one session compare so. */
export function checksByEngine(checks: readonly SeenCheck[]): Map<string, Record<EngineId, string | null>> {
  const counts = new Map<EngineId, number>();
  return new Map(
    checks.map((check) => {
      const n = counts.get(check.engineId) ?? 0;
      counts.set(check.engineId, n + 1);
      return [`${check.engineId}#${n}`, check.settled];
    })
  );
}

/**
 * Records a real F-22A session: two extra rules, then changes that open and resolve a
 * power-budget violation, swap the engines and a material, and a sensors failure that blocks
 * manufacturing until the supervisor restarts it. Returns every event, the session disposed.
 */
export async function recordSession(watch?: SeenCheck[]): Promise<EngineEvent[]> {
  const { session, events } = await openRecordedSession(watch);
  const { coordinator } = session;
  try {
    coordinator.consistency.addConsistencyRule(sensorPowerShare);
    coordinator.consistency.addConsistencyRule(sideBySide);
    const f22a = session.loadScenario('f22a');
    await change(session, f22a);
    await change(session, withPower(f22a, 30));
    await change(session, withPower(f22a, 130));
    await change(session, { ...f22a, propulsion: { ...f22a.propulsion, engineModel: 'F135-PW-100' } });
    await change(session, { ...f22a, materials: { ...f22a.materials, wings: 'al_7075' } });
    await coordinator.injectFault('sensors', { kind: 'fail', count: 1 });
    // Refused as a whole (sensors failed, manufacturing blocked); the supervisor restarts sensors.
    await coordinator.processConfigurationChange(withPower(f22a, 31));
    await coordinator.whenQuiet();
    await change(session, f22a);
  } finally {
    await session.dispose();
  }
  return events;
}

async function change(session: FlightdeckSession, configuration: AircraftConfiguration): Promise<void> {
  const result = await session.coordinator.processConfigurationChange(configuration);
  if (!result.ok) throw new Error(`change refused: ${result.errors.join('; ')}`);
}

/**
 * Records a session whose sensors fail until the supervisor gives them up: manufacturing is
 * blocked, then runs degraded on the last sensors outputs; a user's restart brings sensors back,
 * and its outputs invalidate manufacturing. Returns every event, the session disposed.
 */
export async function recordGiveUpSession(watch?: SeenCheck[]): Promise<EngineEvent[]> {
  const { session, events } = await openRecordedSession(watch);
  const { coordinator } = session;
  try {
    coordinator.consistency.addConsistencyRule(sideBySide);
    const f22a = session.loadScenario('f22a');
    await change(session, f22a);
    await coordinator.injectFault('sensors', { kind: 'fail', count: 10 });
    await coordinator.processConfigurationChange({ ...f22a, propulsion: { ...f22a.propulsion, engineModel: 'F135-PW-100' } });
    await coordinator.whenQuiet();
    await coordinator.injectFault('sensors', { kind: 'clear' });
    await coordinator.restartEngine('sensors');
    await coordinator.whenQuiet();
  } finally {
    await session.dispose();
  }
  return events;
}

/**
 * Records a session whose propulsion is slowed for one change: sensors finish first and are
 * checked alone, propulsion later in a turn of its own. Returns every event, the session disposed.
 */
export async function recordSlowSession(watch?: SeenCheck[]): Promise<EngineEvent[]> {
  const { session, events } = await openRecordedSession(watch);
  const { coordinator } = session;
  try {
    coordinator.consistency.addConsistencyRule(sideBySide);
    const f22a = session.loadScenario('f22a');
    await change(session, f22a);
    await coordinator.injectFault('propulsion', { kind: 'slow', delayMs: 20 });
    await change(session, withPower(f22a, 30));
    await coordinator.injectFault('propulsion', { kind: 'clear' });
    await change(session, f22a);
  } finally {
    await session.dispose();
  }
  return events;
}
