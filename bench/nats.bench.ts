import { fileURLToPath } from 'node:url';
import { createFlightdeckSession } from '../main/engines/session/create-session';
import type { FlightdeckSession } from '../main/engines/session/flightdeck-session';
import { RemoteWorkClient } from '../main/distributed/remote-work-client';
import { connectTestNats, deleteWorkStream, spawnWorker, testPrefix, type TestWorker } from '../main/distributed/spawn-workers';
import { workSubjects, type FlightdeckEngineId } from '../main/distributed/work-protocol';
import { percentile, type BenchRow } from './measure';

const resourcesDir = fileURLToPath(new URL('../resources', import.meta.url));
const SCENARIOS = ['f22a', 'fa18e', 'typhoon', 'f16c-block50'];
const WARM_UP = 400;
const CHANGES = 1000;
/** JetStream hands a request on after this: long enough for a spare instance to start first. */
const FAILOVER_ACK_WAIT_MS = 3_000;

/** Milliseconds per configuration change (design → the five others), after a warm-up. */
async function changeTimes(session: FlightdeckSession): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP + CHANGES; i++) {
    const config = session.loadScenario(SCENARIOS[i % SCENARIOS.length] as string);
    const startedAt = performance.now();
    const result = await session.coordinator.processConfigurationChange(config, 'design');
    if (!result.ok) throw new Error(`change ${i}: ${result.errors.join('; ')}`);
    if (i >= WARM_UP) samples.push(performance.now() - startedAt);
  }
  return samples;
}

/**
 * Configuration changes with aerodynamics and propulsion computed by worker processes over NATS
 * JetStream, beside the same changes all in process (same run); and failover: a worker killed
 * while it holds a request, until another instance's answer completes the change.
 */
export async function benchNats(): Promise<BenchRow[]> {
  const { nc, why } = await connectTestNats();
  if (!nc) {
    console.error(`nats: skipped: ${why}`);
    return [];
  }
  const workers: TestWorker[] = [];
  const prefixes: string[] = [];
  try {
    const local = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a' });
    const inProcess = await changeTimes(local);
    await local.dispose();

    const prefix = testPrefix('bench');
    prefixes.push(prefix);
    const remoteIds: FlightdeckEngineId[] = ['aerodynamics', 'propulsion'];
    for (const engine of remoteIds) workers.push(await spawnWorker(engine, `${engine}-1`, prefix));
    const client = await RemoteWorkClient.open({ nc, subjects: workSubjects(prefix), coordinatorId: `bench-${process.pid}`, engines: remoteIds });
    const remote = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a', remoteEngines: { client, engineIds: remoteIds } });
    const remoteTimes = await changeTimes(remote);
    await remote.dispose();
    client.close();

    // Failover: the only instance that can answer in time is the second one.
    const failPrefix = testPrefix('failover');
    prefixes.push(failPrefix);
    const ack = ['--ack-wait-ms', String(FAILOVER_ACK_WAIT_MS)];
    const failClient = await RemoteWorkClient.open({ nc, subjects: workSubjects(failPrefix), coordinatorId: `bench-failover-${process.pid}`, engines: ['aerodynamics'], ackWaitMs: FAILOVER_ACK_WAIT_MS });
    const holder = await spawnWorker('aerodynamics', 'aero-holder', failPrefix, [...ack, '--hold-ms', '60000']);
    workers.push(holder);
    const failSession = await createFlightdeckSession({ resourcesDir, remoteEngines: { client: failClient, engineIds: ['aerodynamics'] } });
    const change = failSession.coordinator.processConfigurationChange(failSession.loadScenario('f22a'), 'design');
    await holder.tookCount(1);
    const deliveredAt = performance.now();
    const spare = await spawnWorker('aerodynamics', 'aero-spare', failPrefix, ack);
    workers.push(spare);
    const killedAt = performance.now();
    await holder.kill('SIGKILL');
    const result = await change;
    const doneAt = performance.now();
    const failoverMs = doneAt - killedAt;
    if (!result.ok) throw new Error(`failover change: ${result.errors.join('; ')}`);
    await failSession.dispose();
    failClient.close();

    return [
      { key: 'nats.remoteRecomputeP50Ms', value: percentile(remoteTimes, 50), unit: 'ms', note: `a configuration change (six real engines) with aerodynamics and propulsion in worker processes over JetStream, ${CHANGES} after ${WARM_UP}; all in process, same run: p50 ${percentile(inProcess, 50).toFixed(3)} ms` },
      { key: 'nats.remoteRecomputeP99Ms', value: percentile(remoteTimes, 99), unit: 'ms', note: `all in process, same run: p99 ${percentile(inProcess, 99).toFixed(3)} ms` },
      { key: 'nats.failoverMs', value: failoverMs, unit: 'ms', note: `worker SIGKILLed holding a request → the change completed by another instance; the request had been held ${(killedAt - deliveredAt).toFixed(0)} ms of the ${FAILOVER_ACK_WAIT_MS.toLocaleString('en-US')} ms ack wait, answered ${(doneAt - deliveredAt - FAILOVER_ACK_WAIT_MS).toFixed(0)} ms after it ran out` }
    ];
  } finally {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    for (const prefix of prefixes) await deleteWorkStream(nc, prefix);
    await nc.close();
  }
}
