import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Violation } from '../../../shared/consistency';
import { engineStatus, freshnessOf, isGivenUp, staleEngine, supervisionOf, violationCounts } from '../../../shared/projection';
import { ViolationLedger } from '../../core/consistency/violation-ledger';
import { createFlightdeckSession } from '../../engines/session/create-session';
import type { FlightdeckSession } from '../../engines/session/flightdeck-session';
import { SessionHost } from '../session-host';

/**
 * Regression for what the fuzzer found (seed 3): ids that name `Object.prototype` members, used
 * as engine ids in rules or as rule ids, were read from plain-object records and found the
 * prototype's member — `engineStatus(state, 'constructor')` threw inside the recompute path (an
 * unhandled rejection), and violation counts by rule turned into strings.
 */
const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));

let session: FlightdeckSession;
let host: SessionHost;
const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => void rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  session = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a' });
  host = new SessionHost(session);
});
afterAll(async () => {
  host.dispose();
  await session.dispose();
  process.off('unhandledRejection', onRejection);
});

const rule = (ruleId: string, sourceEngine: string, dependentEngines: string[]) => ({
  ruleId,
  sourceEngine,
  dependentEngines,
  dataFields: ['powerDemandKW'],
  autoUpdate: true,
  severity: 'error' as const,
  description: 'fuzz regression'
});

describe('ids that name Object.prototype members', () => {
  it('are unknown engines to the selectors', () => {
    const state = session.coordinator.state;
    for (const id of PROTOTYPE_NAMES) {
      expect(engineStatus(state, id)).toBe('stopped');
      expect(isGivenUp(state, id)).toBe(false);
      expect(supervisionOf(state, id)).toEqual({ kind: 'none' });
      expect(staleEngine(state, id)).toBeUndefined();
      expect(freshnessOf(state, [id]).staleInputs).toEqual([]);
    }
  });

  it('in rules.add and rules.update, leave every later change computed and nothing thrown', async () => {
    for (const id of PROTOTYPE_NAMES) {
      expect((await host.invoke('rules.add', rule(`source-${id}`, id, ['materials']))).ok).toBe(true);
      expect((await host.invoke('rules.add', rule(`dependent-${id}`, 'design', [id, 'sensors']))).ok).toBe(true);
      expect((await host.invoke('rules.update', { ruleId: `source-${id}`, patch: { dependentEngines: [id, 'propulsion'] } })).ok).toBe(true);
    }
    const applied = await host.invoke('scenario.load', { scenarioId: 'typhoon' });
    await session.coordinator.whenQuiet();
    // Unhandled rejections are reported after the microtasks drain.
    await new Promise((resolve) => setImmediate(resolve));
    expect(rejections).toEqual([]);
    expect(applied.ok && applied.data.ok).toBe(true);
    const state = session.coordinator.state;
    for (const id of state.engineOrder) expect(engineStatus(state, id)).toBe('idle');
    expect(state.errors.total).toBe(0);
  });

  it('are unknown to engine.details', async () => {
    for (const id of PROTOTYPE_NAMES) {
      const answer = await host.invoke('engine.details', { engineId: id });
      expect(answer.ok ? 'ok' : answer.error.message).toContain(`unknown engine "${id}"`);
    }
  });

  it('count as rule ids like any other in the violation counts', () => {
    const violation = (ruleId: string): Violation => ({
      violationId: `v-${ruleId}`,
      ruleId,
      severity: 'error',
      sourceEngine: 'design',
      dependentEngine: 'sensors',
      field: 'powerDemandKW',
      expected: 1,
      actual: 2,
      message: 'differs',
      detectedAt: 0,
      status: 'open'
    });
    const expected = Object.fromEntries(PROTOTYPE_NAMES.map((id) => [id, 1]));
    const open = Object.fromEntries(PROTOTYPE_NAMES.map((id) => [`v-${id}`, violation(id)]));
    expect(violationCounts({ ...session.coordinator.state, violations: { ...session.coordinator.state.violations, open } }).byRule).toEqual(expected);
    const ledger = new ViolationLedger(10, () => 0, () => 'id');
    for (const id of PROTOTYPE_NAMES) ledger.fail(violation(id));
    expect(ledger.counts().byRule).toEqual(expected);
  });
});
