import { join } from 'node:path';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EngineEvent, EventType } from '../../shared/events';
import type { SessionState } from '../../shared/projection';
import { loadFlightdeckConfig, type LoadedFlightdeckConfig } from '../core/config/flightdeck-config';
import { createRandom } from '../engines/optimization/random';
import { createFlightdeckSession, DEFAULT_SCENARIO } from '../engines/session/create-session';
import { SessionHost } from '../host/session-host';
import { connectTestNats } from '../distributed/spawn-workers';
import { startWebServer } from '../host/web-server';
import { AuditedSubscribers } from './audited-subscribers';
import { auditDeliveries, downtimesOverPolicy, settledProblems, type DeliveryAudit } from './chaos-checks';
import { ChaosFaults, type FaultTotals } from './chaos-faults';
import type { ChaosOptions } from './chaos-options';
import { ClientChurn, type ClientTotals } from './client-churn';
import { ConfigurationStorm } from './configuration-storm';
import { LogLedger } from './log-ledger';
import { ChaosWorkers } from './chaos-workers';

/** The bus's handler and request timeout in a chaos run: short, so timeouts happen and end quickly. */
const CHAOS_EVENT_TIMEOUT_S = 0.5;
/** A run this long (in events) also has a client that stops reading, which the host must disconnect. */
const STALLED_CLIENT_FROM_EVENTS = 200_000;
/** How long the run waits for the session and its clients to settle after the storm. */
const SETTLE_TIMEOUT_MS = 60_000;

export interface ChaosCheck {
  name: string;
  passed: boolean;
  detail: string;
}

export interface ChaosReport {
  options: ChaosOptions;
  durationS: number;
  events: { logged: number; byType: Partial<Record<EventType, number>> };
  changes: { sent: number; accepted: number; refused: number; mistakenAccepted: number };
  faults: FaultTotals & { handler: { transient: number; permanent: number; timeout: number }; givenUp: number };
  deliveries: DeliveryAudit[];
  clients: ClientTotals & { verifierMatchesHost: boolean };
  downtime: { restarts: number; maxMs: number; policyMaxMs: number; overPolicy: string[] };
  settled: string[];
  hostFaults: string[];
  /** Why the host cut clients off (its `client_disconnected` events). */
  disconnects: string[];
  duplicatedOutputs: number;
  /** The engine workers of a run with `--workers`: spawned, SIGKILLed, and how their answers went. */
  workers: { engines: string[]; spawned: number; killed: number; answered: number; duplicateAnswers: number; rejectedAnswers: number } | null;
  checks: ChaosCheck[];
  passed: boolean;
}

/** The session configuration of a chaos run: the shipped one with short timeouts. */
function chaosConfig(resourcesDir: string): LoadedFlightdeckConfig {
  const config = loadFlightdeckConfig(join(resourcesDir, 'flightdeck.yaml'));
  return { ...config, event_bus: { ...config.event_bus, event_timeout: CHAOS_EVENT_TIMEOUT_S } };
}

/**
 * A configuration storm through the real engines, in one process, while handlers throw and time
 * out, engines slow down, fail and are killed and restarted, and browser clients come and go;
 * then the session settles and is checked against what must hold (`ChaosReport.checks`).
 */
export async function runChaos(options: ChaosOptions, resourcesDir: string, progress: (line: string) => void = () => undefined): Promise<ChaosReport> {
  const startedAt = performance.now();
  const random = createRandom(options.seed);
  const config = chaosConfig(resourcesDir);
  // Engines in worker processes over NATS, killed on their own seeded schedule.
  let nats: NatsConnection | null = null;
  if (options.workers.length > 0) {
    const connected = await connectTestNats();
    if (!connected.nc) throw new Error(`--workers needs NATS: ${connected.why}`);
    nats = connected.nc;
  }
  const workers = nats ? await ChaosWorkers.start(nats, options.workers, createRandom(options.seed + 1)) : null;
  const session = await createFlightdeckSession({
    resourcesDir,
    config,
    random: () => random.next(),
    initialScenario: DEFAULT_SCENARIO,
    ...(workers && { remoteEngines: { client: workers.client, engineIds: options.workers } })
  });
  const { coordinator } = session;
  const ledger = new LogLedger(coordinator.log);
  const host = new SessionHost(session);
  const server = await startWebServer({ host, limits: { stallTimeoutMs: 3000 } });
  const hostFaults: string[] = [];
  const disconnects: string[] = [];
  const hostWatch = coordinator.log.onDidAppend((event) => {
    if (event.eventType === 'client_disconnected') disconnects.push((event as EngineEvent<'client_disconnected'>).data.reason);
    if (event.eventType !== 'error_occurred') return;
    const { origin, message } = (event as EngineEvent<'error_occurred'>).data;
    if (origin === 'host') hostFaults.push(message);
  });
  const audit = new AuditedSubscribers(coordinator.bus, random, options.faultRate, CHAOS_EVENT_TIMEOUT_S * 1000);
  audit.add('audit_sync', '*', false);
  audit.add('audit_async', '*', true);
  const clients = new ClientChurn(server.port, server.token, (seq) => ledger.typeOf(seq), random, options.clients, options.events >= STALLED_CLIENT_FROM_EVENTS);
  const faults = new ChaosFaults(host, random, options.faultRate, options.killEveryMs);
  const storm = new ConfigurationStorm(session, random);
  const changes = { sent: 0, accepted: 0, refused: 0, mistakenAccepted: 0 };

  if (options.loadPerSecond > 0) await host.invoke('load.start', { eventsPerSecond: options.loadPerSecond, durationS: 600 });
  workers?.startKilling(options.killWorkersEveryMs);
  let reported = 0;
  while (ledger.eventCount < options.events) {
    await faults.beforeChange();
    const change = storm.next();
    changes.sent++;
    const result = await host.invoke('configuration.apply', { configuration: change.configuration as never });
    const accepted = result.ok && result.data.ok;
    if (accepted) changes.accepted++;
    else changes.refused++;
    if (accepted && change.kind === 'mistaken') changes.mistakenAccepted++;
    if (changes.sent % 97 === 0) await host.invoke('analysis.run', { analysisType: 'performance' });
    // Timers, sockets and the stream run between changes, as they would beside a user.
    await nextTurn();
    if (ledger.eventCount - reported >= 100_000) {
      reported = ledger.eventCount;
      progress(`${reported.toLocaleString('en-US')} events, ${changes.sent.toLocaleString('en-US')} changes, ${faults.totals.kills} kills`);
    }
  }

  // Settle: the storm and the faults stop; the operator restarts what was given up.
  workers?.stopKilling();
  await host.invoke('load.stop', {});
  await faults.stopFaults();
  // Dead letters left now stay dead-lettered, with their reasons.
  faults.dispose();
  await clients.stop();
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  do {
    await coordinator.whenQuiet();
    await faults.restartGivenUp();
    await coordinator.whenQuiet();
    while (!coordinator.bus.isIdle && performance.now() < deadline) await sleep(10);
  } while (!settled(coordinator.state) && performance.now() < deadline);
  audit.dispose();
  while (clients.verifier.cursor < coordinator.log.lastSeq && performance.now() < deadline) await sleep(10);

  const fresh = await createFlightdeckSession({ resourcesDir, config });
  await fresh.coordinator.processConfigurationChange(coordinator.state.configuration?.configuration, 'design');
  await fresh.coordinator.whenQuiet();
  const settledState = coordinator.state;
  const problems = settledProblems(settledState, fresh.coordinator.state);
  await fresh.dispose();

  await clients.wakeStalled();
  const clientTotals = { ...clients.totals(), verifierMatchesHost: isDeepStrictEqual(clients.verifier.state, settledState) };
  await clients.close();
  const deliveries = audit.records.map((record) => auditDeliveries(record, (seq) => ledger.typeOf(seq), ledger.deadLetters, ledger.resolved));
  const policyMaxMs = Math.max(...settledState.engineOrder.map((id) => coordinator.maxDowntimeMs(id)));
  const downtime = {
    restarts: ledger.downtimes.length,
    maxMs: Math.max(0, ...ledger.downtimes.map((d) => d.toMs - d.fromMs)),
    policyMaxMs,
    overPolicy: downtimesOverPolicy(ledger.downtimes, (id) => coordinator.maxDowntimeMs(id))
  };
  const injected = { transient: 0, permanent: 0, timeout: 0 };
  for (const record of audit.records) for (const kind of ['transient', 'permanent', 'timeout'] as const) injected[kind] += record.injected[kind];
  const busStats = coordinator.bus.getStats();

  hostWatch.dispose();
  ledger.dispose();
  await server.close();
  host.dispose();
  await session.dispose();
  const remote = workers && {
    engines: options.workers,
    ...workers.totals,
    duplicateAnswers: workers.client.duplicateAnswers,
    rejectedAnswers: workers.client.rejectedAnswers,
    answered: [...workers.client.answeredBy.values()].reduce((a, b) => a + b, 0)
  };
  await workers?.dispose();
  await nats?.close();

  const report: Omit<ChaosReport, 'checks' | 'passed'> = {
    options,
    durationS: (performance.now() - startedAt) / 1000,
    events: { logged: ledger.eventCount, byType: Object.fromEntries(ledger.counts) },
    changes,
    faults: { ...faults.totals, handler: injected, givenUp: ledger.givenUp },
    deliveries,
    clients: clientTotals,
    downtime,
    settled: problems,
    hostFaults,
    disconnects,
    duplicatedOutputs: ledger.duplicatedOutputs,
    workers: remote
  };
  const checks = chaosChecks(report, busStats.rejected);
  return { ...report, checks, passed: checks.every((c) => c.passed) };
}

function settled(state: SessionState): boolean {
  return Object.keys(state.invalidations).length === 0 && state.engineOrder.every((id) => state.engines[id]?.condition.kind === 'ok');
}

function chaosChecks(report: Omit<ChaosReport, 'checks' | 'passed'>, rejectedByBus: number): ChaosCheck[] {
  const sum = (pick: (d: DeliveryAudit) => number): number => report.deliveries.reduce((total, d) => total + pick(d), 0);
  const { clients } = report;
  const checks: ChaosCheck[] = [
    { name: 'no event lost by a subscriber', passed: sum((d) => d.lost) === 0 && rejectedByBus === 0, detail: `${sum((d) => d.lost)} lost, ${rejectedByBus} refused by a full queue` },
    { name: 'no event delivered twice', passed: sum((d) => d.duplicated) === 0, detail: `${sum((d) => d.duplicated)} duplicated` },
    { name: 'every dead letter explained', passed: sum((d) => d.unexplainedDeadLetters) === 0, detail: `${sum((d) => d.unexplainedDeadLetters)} dead letters for events no handler failed on` },
    { name: 'no engine output computed twice', passed: report.duplicatedOutputs === 0, detail: `${report.duplicatedOutputs} duplicated engine outputs` },
    { name: 'clients lost and duplicated nothing', passed: clients.lostFacts + clients.duplicated + clients.batchGaps + clients.syncFailures === 0, detail: `${clients.lostFacts} facts lost, ${clients.duplicated} duplicated, ${clients.batchGaps} batch gaps, ${clients.syncFailures} failed syncs over ${clients.connections} connections` },
    { name: 'a client that folded the stream holds the host state', passed: clients.verifierMatchesHost, detail: clients.verifierMatchesHost ? 'equal' : 'differs' },
    { name: 'settled: every engine on the last version, nothing stale, violations as a fresh recompute', passed: report.settled.length === 0, detail: report.settled.slice(0, 5).join('; ') || 'as a fresh recompute' },
    { name: 'no engine down longer than its policy allows', passed: report.downtime.overPolicy.length === 0, detail: report.downtime.overPolicy.slice(0, 3).join('; ') || `longest ${Math.round(report.downtime.maxMs)} ms (policy ${Math.round(report.downtime.policyMaxMs)} ms)` },
    { name: 'every mistaken configuration refused', passed: report.changes.mistakenAccepted === 0, detail: `${report.changes.mistakenAccepted} accepted` },
    { name: 'the host reported no fault of its own', passed: report.hostFaults.length === 0, detail: report.hostFaults.slice(0, 3).join('; ') || 'none' }
  ];
  if (report.workers) {
    const { killed, answered, duplicateAnswers, rejectedAnswers } = report.workers;
    checks.push({
      name: 'remote computations answered once each, none refused, while workers were killed',
      passed: duplicateAnswers === 0 && rejectedAnswers === 0 && answered > 0,
      detail: `${answered} answered, ${duplicateAnswers} answered twice, ${rejectedAnswers} refused; ${killed} workers SIGKILLed`
    });
  }
  if (clients.stalled) {
    // The close frame waits behind what the client never read, so the reason is the host's to keep.
    const { closedBy, closeCode } = clients.stalled;
    const reason = report.disconnects.find((r) => r.startsWith('client stopped reading'));
    checks.push({
      name: 'a client that stopped reading was disconnected, and the log says why',
      passed: closedBy === 'host' && reason !== undefined,
      detail: `socket closed by ${closedBy} (${closeCode ?? '-'}); logged: ${reason ?? 'nothing'}`
    });
  }
  return checks;
}
