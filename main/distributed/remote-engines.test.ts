import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { loadFlightdeckConfig } from '../core/config/flightdeck-config';
import { createFlightdeckSession } from '../engines/session/create-session';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { RemoteWorkClient } from './remote-work-client';
import { connectTestNats, deleteWorkStream, NATS_URL, spawnWorker, testPrefix, type TestWorker } from './spawn-workers';
import { workSubjects, type FlightdeckEngineId } from './work-protocol';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
const { nc, why } = await connectTestNats();
const SCENARIOS = ['typhoon', 'fa18e', 'f16c-block50', 'f22a'];

/** Every engine's outputs by version, from a session's log. */
function outputsByVersion(events: readonly EngineEvent[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const event of events) {
    if (event.eventType !== 'engine_output') continue;
    const data = event.data as { engineId: string; version: number; outputs: unknown };
    const key = `${data.engineId}@v${data.version}`;
    expect(out[key], `${key} computed twice`).toBeUndefined();
    out[key] = data.outputs;
  }
  return out;
}

async function runChanges(session: FlightdeckSession, scenarios: readonly string[]): Promise<void> {
  for (const id of scenarios) {
    const result = await session.coordinator.processConfigurationChange(session.loadScenario(id), 'design');
    expect(result.ok, `${id}: ${result.ok ? '' : result.errors.join('; ')}`).toBe(true);
  }
}

async function inProcessOutputs(scenarios: readonly string[]): Promise<Record<string, unknown>> {
  const session = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a' });
  try {
    await runChanges(session, scenarios);
    return outputsByVersion(session.coordinator.log.query({ limit: 100_000 }));
  } finally {
    await session.dispose();
  }
}

async function remoteSession(prefix: string, engineIds: FlightdeckEngineId[], ackWaitMs: number): Promise<{ session: FlightdeckSession; client: RemoteWorkClient }> {
  if (!nc) throw new Error(why);
  const client = await RemoteWorkClient.open({ nc, subjects: workSubjects(prefix), coordinatorId: `coordinator-${prefix}`, engines: engineIds, ackWaitMs, answerTimeoutMs: 20_000 });
  const session = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a', remoteEngines: { client, engineIds } });
  return { session, client };
}

// The reason is in the suite's name, so a run without NATS reports why these were skipped.
describe.skipIf(nc === null)(nc === null ? `engine workers over NATS (skipped: ${why})` : 'engine workers over NATS', () => {
  const workers: TestWorker[] = [];
  const prefixes: string[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    if (nc) {
      for (const prefix of prefixes) await deleteWorkStream(nc, prefix);
      await nc.close();
    }
  });

  it('aerodynamics and propulsion as two-instance worker groups compute what the in-process engines compute', { timeout: 90_000 }, async () => {
    const prefix = testPrefix('same');
    prefixes.push(prefix);
    for (const engine of ['aerodynamics', 'propulsion']) for (const n of [1, 2]) workers.push(await spawnWorker(engine, `${engine}-${n}`, prefix));
    const { session, client } = await remoteSession(prefix, ['aerodynamics', 'propulsion'], 5_000);
    try {
      await runChanges(session, SCENARIOS);
      const remote = outputsByVersion(session.coordinator.log.query({ limit: 100_000 }));
      expect(remote).toEqual(await inProcessOutputs(SCENARIOS));
      // Each computation answered once, by instances of the two groups: the initial scenario and four changes, two engines each.
      expect([...client.answeredBy.values()].reduce((a, b) => a + b, 0)).toBe((SCENARIOS.length + 1) * 2);
      expect([...client.answeredBy.keys()].every((id) => /^(aerodynamics|propulsion)-[12]$/.test(id))).toBe(true);
      expect(client.duplicateAnswers).toBe(0);
      expect(client.rejectedAnswers).toBe(0);
      // The session knows its workers: four alive, each announced once.
      await expect.poll(() => Object.keys(session.coordinator.state.workers).sort(), { timeout: 5_000 }).toEqual(['aerodynamics-1', 'aerodynamics-2', 'propulsion-1', 'propulsion-2']);
      const joined = session.coordinator.log.query({ limit: 100_000 }).filter((e) => e.eventType === 'worker_joined');
      expect(joined.map((e) => (e.data as { workerId: string }).workerId).sort()).toEqual(['aerodynamics-1', 'aerodynamics-2', 'propulsion-1', 'propulsion-2']);
    } finally {
      client.close();
      await session.dispose();
    }
  });

  it('a worker killed with SIGKILL mid-computation: the other instance finishes it, nothing lost or applied twice', { timeout: 90_000 }, async () => {
    const prefix = testPrefix('kill');
    prefixes.push(prefix);
    // Each instance holds its answer 1.5 s, so a kill lands mid-computation; JetStream hands an
    // unacknowledged request to another instance after 2 s.
    const slow = ['--ack-wait-ms', '2000', '--hold-ms', '1500'];
    const first = await spawnWorker('aerodynamics', 'aero-a', prefix, slow);
    workers.push(first);
    const { session, client } = await remoteSession(prefix, ['aerodynamics'], 2_000);
    try {
      // The initial scenario was computed by the only instance; now a second one joins…
      const second = await spawnWorker('aerodynamics', 'aero-b', prefix, slow);
      workers.push(second);
      const change = session.coordinator.processConfigurationChange(session.loadScenario('typhoon'), 'design');
      // …and whichever takes the change's request is killed before it answers.
      await Promise.race([first.tookCount(2), second.tookCount(1)]);
      const holder = second.took.length > 0 && first.took.length < 2 ? second : first;
      const survivor = holder === first ? second : first;
      const requestId = holder.took.at(-1);
      await holder.kill('SIGKILL');
      const result = await change;
      expect(result.ok).toBe(true);
      // The request the killed instance held was redelivered to the other one, which answered it.
      expect(survivor.took).toContain(requestId);
      const remote = outputsByVersion(session.coordinator.log.query({ limit: 100_000 }));
      expect(remote).toEqual(await inProcessOutputs(['typhoon']));
      expect(client.duplicateAnswers).toBe(0);
      // Its heartbeats stopped: the session records it lost.
      const lost = (): unknown[] => session.coordinator.log.query({ limit: 100_000 }).filter((e) => e.eventType === 'worker_left').map((e) => e.data);
      await expect.poll(lost, { timeout: 6_000 }).toEqual([expect.objectContaining({ workerId: holder.id, reason: 'lost' })]);
      expect(Object.keys(session.coordinator.state.workers)).toEqual([survivor.id]);
    } finally {
      client.close();
      await session.dispose();
    }
  });

  it("the configuration's distributed section names the remote engines; the rest stay in process", { timeout: 60_000 }, async () => {
    const prefix = testPrefix('config');
    prefixes.push(prefix);
    const worker = await spawnWorker('manufacturing', 'manufacturing-1', prefix);
    workers.push(worker);
    const base = loadFlightdeckConfig(join(resourcesDir, 'flightdeck.yaml'));
    const config = { ...base, distributed: { nats_url: NATS_URL, prefix, remote_engines: ['manufacturing' as const], ack_wait_ms: 5_000, answer_timeout_ms: 20_000 } };
    const session = await createFlightdeckSession({ resourcesDir, config, initialScenario: 'f22a' });
    try {
      await runChanges(session, ['typhoon']);
      await worker.tookCount(2);
      expect(worker.took).toHaveLength(2);
      expect(outputsByVersion(session.coordinator.log.query({ limit: 100_000 }))).toEqual(await inProcessOutputs(['typhoon']));
    } finally {
      await session.dispose();
    }
  });

  it('a worker that joins late gets the work that waited for it', { timeout: 60_000 }, async () => {
    const prefix = testPrefix('late');
    prefixes.push(prefix);
    const early = await spawnWorker('sensors', 'sensors-early', prefix);
    workers.push(early);
    const { session, client } = await remoteSession(prefix, ['sensors'], 5_000);
    try {
      await expect.poll(() => Object.keys(session.coordinator.state.workers), { timeout: 5_000 }).toEqual(['sensors-early']);
      await early.kill('SIGTERM');
      // It said it was leaving.
      await expect.poll(() => session.coordinator.log.query({ limit: 100_000 }).filter((e) => e.eventType === 'worker_left').map((e) => e.data), { timeout: 5_000 }).toEqual([
        expect.objectContaining({ workerId: 'sensors-early', reason: 'left' })
      ]);
      const change = session.coordinator.processConfigurationChange(session.loadScenario('fa18e'), 'design');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const late = await spawnWorker('sensors', 'sensors-late', prefix);
      workers.push(late);
      expect((await change).ok).toBe(true);
      expect(late.took).toHaveLength(1);
      expect(outputsByVersion(session.coordinator.log.query({ limit: 100_000 }))).toEqual(await inProcessOutputs(['fa18e']));
    } finally {
      client.close();
      await session.dispose();
    }
  });
});
