import type { ChaosReport } from './chaos-run';

const n = (value: number): string => Math.round(value).toLocaleString('en-US');

/** The report as a reader takes it in: what ran, what was injected, what arrived, and each check. */
export function formatChaosReport(report: ChaosReport): string {
  const { events, changes, faults, clients, downtime } = report;
  const delivered = report.deliveries.map(
    (d) => `  ${d.engineId.padEnd(12)} ${n(d.expected)} expected: ${n(d.delivered)} delivered once (${n(d.redelivered)} after redelivery), ${n(d.deadLettered)} dead-lettered, ${n(d.lost)} lost, ${n(d.duplicated)} duplicated`
  );
  const lines = [
    `Chaos run, seed ${report.options.seed}: ${n(events.logged)} events in ${report.durationS.toFixed(1)} s`,
    `  configuration changes ${n(changes.sent)} (${n(changes.accepted)} accepted, ${n(changes.refused)} refused), engine outputs ${n(events.byType.engine_output ?? 0)}, synthetic ${n(events.byType.synthetic_load ?? 0)}`,
    `  engine faults: ${n(faults.kills)} kills, ${n(faults.failing)} set to fail, ${n(faults.slowed)} slowed; ${n(downtime.restarts)} supervisor restarts, ${n(faults.givenUp)} given up (${n(faults.operatorRestarts)} restarted by the operator)`,
    `  handler faults: ${n(faults.handler.transient)} transient, ${n(faults.handler.permanent)} permanent, ${n(faults.handler.timeout)} timeouts; dead letters redelivered ${n(faults.redelivered)}, discarded ${n(faults.discarded)}`,
    `  clients: ${n(clients.connections)} connections, ${n(clients.disconnected)} disconnected by the run, ${n(clients.droppedNoise)} noise events dropped by overload`,
    `  longest downtime ${n(downtime.maxMs)} ms (policy allows ${n(downtime.policyMaxMs)} ms)`,
    ...(report.workers
      ? [`  engine workers (${report.workers.engines.join(', ')} over NATS): ${n(report.workers.spawned)} spawned, ${n(report.workers.killed)} SIGKILLed, ${n(report.workers.answered)} computations answered`]
      : []),
    'Deliveries:',
    ...delivered,
    'Checks:',
    ...report.checks.map((c) => `  ${c.passed ? 'pass' : 'FAIL'}  ${c.name}: ${c.detail}`),
    report.passed ? 'Chaos run passed.' : `Chaos run FAILED: ${report.checks.filter((c) => !c.passed).length} check(s).`
  ];
  return lines.join('\n');
}
