import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChaos } from './chaos-run';

const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');

describe('chaos run (small, seeded)', () => {
  it('loses nothing, duplicates nothing and settles as a fresh recompute while handlers, engines and clients fail', async () => {
    const report = await runChaos({ events: 15_000, faultRate: 0.05, killEveryMs: 300, seed: 11, clients: 2, loadPerSecond: 2000, workers: [], killWorkersEveryMs: 0 }, RESOURCES);
    // The faults happened: a run without them proves nothing.
    expect(report.faults.kills).toBeGreaterThan(0);
    expect(report.downtime.restarts).toBeGreaterThan(0);
    expect(report.faults.handler.transient).toBeGreaterThan(0);
    expect(report.faults.handler.permanent).toBeGreaterThan(0);
    expect(report.faults.redelivered).toBeGreaterThan(0);
    expect(report.clients.disconnected).toBeGreaterThan(0);
    expect(report.changes.refused).toBeGreaterThan(0);
    for (const audit of report.deliveries) {
      expect(audit.expected).toBeGreaterThanOrEqual(15_000);
      expect(audit.deadLettered).toBeGreaterThan(0);
    }
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report.passed).toBe(true);
  }, 120_000);
});
