import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineEvent } from '../../../shared/events';
import { openViolations, projectAll, staleEngines } from '../../../shared/projection';
import type { SessionResume } from '../../core/coordinator/session-resume';
import { createFlightdeckSession } from './create-session';
import type { FlightdeckSession } from './flightdeck-session';

const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));
const sessions: FlightdeckSession[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.dispose();
});

/** A session whose every event is kept, as the store keeps them. */
async function recordedSession(): Promise<{ session: FlightdeckSession; events: EngineEvent[] }> {
  const events: EngineEvent[] = [];
  const session = await createFlightdeckSession({ resourcesDir });
  sessions.push(session);
  session.coordinator.log.onDidAppend((event) => events.push(event));
  // The session_started event came before the listener: take it from the history window.
  events.unshift(...session.coordinator.log.query({}));
  return { session, events };
}

function resumeFrom(events: readonly EngineEvent[]): SessionResume {
  return { state: projectAll(events), lastSeq: events.at(-1)?.seq ?? 0 };
}

async function resumed(events: readonly EngineEvent[]): Promise<FlightdeckSession> {
  const session = await createFlightdeckSession({ resourcesDir, resume: resumeFrom(events) });
  sessions.push(session);
  await session.coordinator.whenQuiet();
  return session;
}

function withPower(configuration: AircraftConfiguration, powerGenerationKW: number): AircraftConfiguration {
  return { ...configuration, basePlatform: { ...configuration.basePlatform, powerGenerationKW } };
}

describe('a session resumed from its recorded events', () => {
  it('continues with the configuration, version, rules, violations, outputs, restart counts and armed faults it had', async () => {
    const { session, events } = await recordedSession();
    const { coordinator } = session;
    const f22a = session.loadScenario('f22a') as AircraftConfiguration;
    await coordinator.processConfigurationChange(f22a);
    await coordinator.processConfigurationChange(withPower(f22a, 30));
    coordinator.consistency.addConsistencyRule({
      ruleId: 'custom_mass', sourceEngine: 'design', dependentEngines: ['materials'], dataFields: ['totalMassKg'],
      autoUpdate: false, severity: 'warning', description: 'a rule a user added', tolerance: { relative: 0.5 }
    });
    coordinator.consistency.updateConsistencyRule('mass_budget', { severity: 'critical' });
    await coordinator.injectFault('sensors', { kind: 'slow', delayMs: 5 });
    await coordinator.restartEngine('aerodynamics');
    await coordinator.whenQuiet();
    const before = coordinator.state;

    const after = await resumed(events);
    const state = after.coordinator.state;
    expect(state.configuration?.version).toBe(before.configuration?.version);
    expect(state.configuration?.configuration).toEqual(before.configuration?.configuration);
    expect(state.ruleOrder).toEqual(before.ruleOrder);
    expect(after.coordinator.consistency.getRules().map((rule) => [rule.ruleId, rule.severity])).toEqual(
      coordinator.consistency.getRules().map((rule) => [rule.ruleId, rule.severity])
    );
    expect(openViolations(state).map((v) => v.violationId).sort()).toEqual(openViolations(before).map((v) => v.violationId).sort());
    expect(openViolations(state).some((v) => v.ruleId === 'power_budget')).toBe(true);
    for (const engineId of before.engineOrder) {
      expect(state.engines[engineId]?.outputs, engineId).toEqual(before.engines[engineId]?.outputs);
      expect(state.engines[engineId]?.restarts, engineId).toBe(before.engines[engineId]?.restarts);
    }
    expect(state.engines.sensors?.faults.slowMs).toBe(5);
    const started = after.coordinator.log.query({ eventType: 'session_started' });
    expect(started.map((event) => event.seq)).toEqual([(events.at(-1)?.seq ?? 0) + 1]);
    expect(started[0]?.eventType === 'session_started' && started[0].data.resumedAfterSeq).toBe(events.at(-1)?.seq);

    // The violation resolves as it would have in the first run, and versions go on from where they were.
    const fixed = await after.coordinator.processConfigurationChange(f22a);
    expect(fixed.version).toBe((before.configuration?.version ?? 0) + 1);
    expect(fixed.violations.resolved.some((v) => v.ruleId === 'power_budget')).toBe(true);
    expect(openViolations(after.coordinator.state)).toEqual([]);
  });

  it('recomputes the engines a crash caught mid-change, so nothing stays stale', async () => {
    const { session, events } = await recordedSession();
    const f22a = session.loadScenario('f22a') as AircraftConfiguration;
    await session.coordinator.processConfigurationChange(f22a);
    await session.coordinator.processConfigurationChange(withPower(f22a, 400));
    const changed = events.findLastIndex((event) => event.eventType === 'configuration_changed');
    const firstOutput = events.findIndex((event, index) => index > changed && event.eventType === 'engine_output');
    const cut = events.slice(0, firstOutput + 1);
    const version = session.coordinator.state.configuration?.version;

    const after = await resumed(cut);
    const state = after.coordinator.state;
    expect(state.configuration?.version).toBe(version);
    expect(staleEngines(state)).toEqual([]);
    for (const engineId of state.engineOrder) expect(state.engines[engineId]?.computedVersion, engineId).toBe(version);
    for (const engineId of state.engineOrder) expect(state.engines[engineId]?.outputs, engineId).toEqual(session.coordinator.state.engines[engineId]?.outputs);
  });

  it('ends an optimization the stop interrupted, saying why, and keeps earlier results', async () => {
    const { session, events } = await recordedSession();
    await session.coordinator.processConfigurationChange(session.loadScenario('f22a'));
    const analysis = await session.coordinator.runCrossEngineAnalysis('complete_performance');
    const task = session.coordinator.optimizeConfiguration(session.optimizationCriteria({}));
    const started = events.findIndex((event) => event.eventType === 'optimization_started');
    const cut = events.slice(0, started + 1);
    task.cancel();
    await task.result.catch(() => undefined);

    const after = await resumed(cut);
    const interrupted = after.coordinator.state.tasks[task.taskId];
    expect(interrupted).toMatchObject({ status: 'cancelled', message: expect.stringMatching(/interrupted: the host stopped/) });
    expect(after.coordinator.state.analyses.complete_performance?.summary).toEqual(analysis.summary);
  });
});
