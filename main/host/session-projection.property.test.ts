import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineEventSchema, type EngineEvent } from '../../shared/events';
import {
  INITIAL_SESSION_STATE,
  SessionSnapshotSchema,
  engineStatus,
  openViolations,
  project,
  projectAll,
  staleEngines,
  type SessionState
} from '../../shared/projection';
import { StreamBatchSchema, SystemStatusSchema, type StreamBatch } from '../../shared/protocol';
import { createFlightdeckSession } from '../engines/session/create-session';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { SessionHost } from './session-host';

/**
 * The acceptance property of "one source of truth": for random sequences of configuration
 * changes, faults, restarts and rule edits, at every quiet point
 *  - folding the whole log from the start gives the host's session state, and the host's answers
 *    (status.get, violations.report, engine.details) agree with that fold — including the owners
 *    of the facts (the consistency manager's own ledger of open violations);
 *  - a client that watched the stream live (every batch through JSON and the boundary schemas)
 *    holds the same state;
 *  - a client rebuilt from `session.sync` (snapshot + events, through JSON) holds the same state.
 */

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'] as const;
const SCENARIOS = ['f22a', 'f16c-block50', 'typhoon', 'fa18e'] as const;
const ENGINE_MODELS = ['F119-PW-100', 'F110-GE-129', 'EJ200', 'F414-GE-400'] as const;

let session: FlightdeckSession;
let host: SessionHost;
let liveState: SessionState = INITIAL_SESSION_STATE;
let liveClient: { dispose(): void };

/** A configuration file like the shipped one, with a history window large enough to hold the whole run. */
function configWithFullHistory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-property-'));
  const text = readFileSync(join(resourcesDir, 'flightdeck.yaml'), 'utf8')
    .replace(/library_path: data\//g, `library_path: ${resourcesDir}/data/`)
    .replace(/max_history_size: \d+/, 'max_history_size: 1000000');
  const path = join(dir, 'flightdeck.yaml');
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  session = await createFlightdeckSession({ resourcesDir, configPath: configWithFullHistory() });
  host = new SessionHost(session);
  liveClient = host.attachClient(
    (batch) => {
      const parsed: StreamBatch = StreamBatchSchema.parse(JSON.parse(JSON.stringify(batch)));
      for (const event of parsed.events) liveState = project(liveState, event);
    },
    { frameMs: 1 }
  );
  // The session started before this client: like the renderer, it starts from session.sync.
  liveState = await rebuiltFromSync();
});
afterAll(async () => {
  liveClient.dispose();
  host.dispose();
  await session.dispose();
});

type Step =
  | { kind: 'scenario'; scenarioId: (typeof SCENARIOS)[number] }
  | { kind: 'engineSwap'; engineModel: (typeof ENGINE_MODELS)[number] }
  | { kind: 'fail'; engineId: (typeof ENGINES)[number]; count: number }
  | { kind: 'crash'; engineId: (typeof ENGINES)[number] }
  | { kind: 'restart'; engineId: (typeof ENGINES)[number] }
  | { kind: 'recompute'; engineId: (typeof ENGINES)[number] }
  | { kind: 'ruleSeverity'; severity: 'info' | 'warning' | 'error' }
  | { kind: 'ruleToggle'; enabled: boolean }
  | { kind: 'customRule'; add: boolean };

const engineId = fc.constantFrom(...ENGINES);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('scenario' as const), scenarioId: fc.constantFrom(...SCENARIOS) }),
  fc.record({ kind: fc.constant('engineSwap' as const), engineModel: fc.constantFrom(...ENGINE_MODELS) }),
  fc.record({ kind: fc.constant('fail' as const), engineId, count: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('crash' as const), engineId }),
  fc.record({ kind: fc.constant('restart' as const), engineId }),
  fc.record({ kind: fc.constant('recompute' as const), engineId }),
  fc.record({ kind: fc.constant('ruleSeverity' as const), severity: fc.constantFrom('info' as const, 'warning' as const, 'error' as const) }),
  fc.record({ kind: fc.constant('ruleToggle' as const), enabled: fc.boolean() }),
  fc.record({ kind: fc.constant('customRule' as const), add: fc.boolean() })
);

async function run(s: Step): Promise<void> {
  switch (s.kind) {
    case 'scenario':
      await host.invoke('scenario.load', { scenarioId: s.scenarioId });
      return;
    case 'engineSwap': {
      const current = await host.invoke('configuration.get', {});
      if (!current.ok || !current.data.configuration) return;
      const configuration = { ...current.data.configuration, propulsion: { ...current.data.configuration.propulsion, engineModel: s.engineModel } };
      await host.invoke('configuration.apply', { configuration });
      return;
    }
    case 'fail':
      await host.invoke('engine.fault', { engineId: s.engineId, fault: { kind: 'fail', count: s.count } });
      return;
    case 'crash':
      await host.invoke('engine.fault', { engineId: s.engineId, fault: { kind: 'crash' } });
      return;
    case 'restart':
      await host.invoke('engine.restart', { engineId: s.engineId });
      return;
    case 'recompute':
      await host.invoke('engine.recompute', { engineId: s.engineId });
      return;
    case 'ruleSeverity':
      await host.invoke('rules.update', { ruleId: 'power_budget', patch: { severity: s.severity } });
      return;
    case 'ruleToggle':
      await host.invoke('rules.update', { ruleId: 'mass_budget', patch: { enabled: s.enabled } });
      return;
    case 'customRule':
      if (s.add) {
        await host.invoke('rules.add', {
          ruleId: 'custom_t_w',
          sourceEngine: 'propulsion',
          dependentEngines: ['aerodynamics'],
          dataFields: ['thrustToWeight'],
          autoUpdate: true,
          severity: 'warning',
          description: 'aerodynamics uses the T/W propulsion reports',
          tolerance: { relative: 1e-6 }
        });
      } else {
        await host.invoke('rules.remove', { ruleId: 'custom_t_w' });
      }
  }
}

/** Waits for a quiet point: no change or computation running, and the live client has caught up. */
async function quiet(): Promise<void> {
  await session.coordinator.whenQuiet();
  const deadline = Date.now() + 5000;
  while (liveState.seq < session.coordinator.log.lastSeq && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
}

async function rebuiltFromSync(): Promise<SessionState> {
  const result = await host.invoke('session.sync', {});
  if (!result.ok) throw new Error(result.error.message);
  const wire = JSON.parse(JSON.stringify(result.data)) as { snapshot: unknown; events: unknown[] };
  const snapshot = SessionSnapshotSchema.parse(wire.snapshot);
  const events: EngineEvent[] = wire.events.map((event) => EngineEventSchema.parse(event));
  return projectAll(events, snapshot.state);
}

/** Through JSON, as a client sees it (undefined fields vanish). */
const onTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function checkQuietPoint(): Promise<void> {
  await quiet();
  const { coordinator } = session;
  const folded = projectAll(coordinator.log.query());
  expect(folded).toEqual(coordinator.state);

  const status = await host.invoke('status.get', {});
  if (!status.ok) throw new Error(status.error.message);
  const parsedStatus = SystemStatusSchema.parse(onTheWire(status.data));
  expect(parsedStatus.configVersion).toBe(folded.configuration?.version ?? 0);
  expect(parsedStatus.engines.map((e) => [e.engineId, e.status, e.computedVersion, e.restarts])).toEqual(
    folded.engineOrder.map((id) => [id, engineStatus(folded, id), folded.engines[id]?.computedVersion, folded.engines[id]?.restarts])
  );
  expect(parsedStatus.staleEngines).toEqual(staleEngines(folded).map((s) => s.engineId));
  expect(parsedStatus.violations.open).toBe(Object.keys(folded.violations.open).length);

  // The owner of violations agrees with what its events said.
  const report = await host.invoke('violations.report', {});
  if (!report.ok) throw new Error(report.error.message);
  expect(report.data.report.open.map((v) => v.violationId).sort()).toEqual(openViolations(folded).map((v) => v.violationId).sort());
  expect(onTheWire(report.data.stale)).toEqual(onTheWire(staleEngines(folded)));

  const details = await host.invoke('engine.details', { engineId: 'aerodynamics' });
  if (!details.ok) throw new Error(details.error.message);
  expect(details.data.outputs?.data ?? null).toEqual(folded.engines.aerodynamics?.outputs ?? null);

  expect(liveState).toEqual(onTheWire(folded));
  expect(await rebuiltFromSync()).toEqual(onTheWire(folded));
}

describe('the session state is the projection of the log', () => {
  it('for random changes, faults, restarts and rule edits, at every quiet point', async () => {
    await host.invoke('scenario.load', { scenarioId: 'f22a' });
    await checkQuietPoint();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          await run(s);
          await checkQuietPoint();
        }
        // Recovery from whatever the steps left: clear faults, restart every engine, reload.
        for (const id of ENGINES) await host.invoke('engine.fault', { engineId: id, fault: { kind: 'clear' } });
        for (const id of ENGINES) await host.invoke('engine.restart', { engineId: id });
        await host.invoke('scenario.load', { scenarioId: 'f22a' });
        await checkQuietPoint();
        const state = session.coordinator.state;
        expect(staleEngines(state)).toEqual([]);
        expect(ENGINES.map((id) => engineStatus(state, id))).toEqual(ENGINES.map(() => 'idle'));
      }),
      { numRuns: 25, seed: 20261203 }
    );
  });
});
