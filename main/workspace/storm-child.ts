import { renameSync, writeFileSync } from 'node:fs';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { Severity } from '../../shared/consistency';
import type { FlightdeckEngineId } from '../../shared/engine-outputs';
import { openWorkspace } from './open-workspace';
import { seededRandom } from '../store/test-events';

/**
 * The process the workspace crash test kills (`crash-reopen.test.ts`): opens a workspace in a data
 * folder as a host would (the real engines, recorded into the folder's store) and runs a seeded
 * configuration storm through the coordinator until it is killed — whole scenarios, power and
 * engine-model edits, now and then a rule edit or a fault. After every applied change it writes
 * `<dataDir>/progress.json`: how many changes were applied, the last applied version, and the seq
 * and timestamp of the log's newest event (written to a temporary name, then renamed, so the test
 * never reads half a file).
 *
 * Usage: tsx storm-child.ts <data dir> <resources dir> <seed>
 */

const [dataDir, resourcesDir, seedText] = process.argv.slice(2);
if (!dataDir || !resourcesDir || !seedText) throw new Error('usage: storm-child.ts <dataDir> <resourcesDir> <seed>');

const random = seededRandom(Number(seedText));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const SCENARIOS = ['f22a', 'fa18e', 'typhoon', 'f16c-block50'] as const;
const ENGINE_MODELS = ['F119-PW-100', 'F135-PW-100', 'F110-GE-129', 'F414-GE-400', 'EJ200'] as const;
const ENGINES: readonly FlightdeckEngineId[] = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];
const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error', 'critical'];

const workspace = await openWorkspace({ dataDir, resourcesDir, initialScenario: 'f22a' });
const { session } = workspace;
const { coordinator } = session;
const progressFile = `${dataDir}/progress.json`;
let applied = 0;
let writerUpMs = 0;

function writeProgress(): void {
  const newest = coordinator.log.get(coordinator.log.lastSeq);
  const version = coordinator.configuration?.version ?? 0;
  const note = { applied, version, writerUpMs, seq: coordinator.log.lastSeq, timestamp: newest?.timestamp ?? 0 };
  writeFileSync(`${progressFile}.tmp`, JSON.stringify(note));
  renameSync(`${progressFile}.tmp`, progressFile);
}

function current(): AircraftConfiguration {
  return coordinator.configuration?.configuration as AircraftConfiguration;
}

/** One seeded step of the storm: a configuration change most of the time, a rule edit or a fault now and then. */
async function step(): Promise<void> {
  const roll = random();
  if (roll < 0.08) {
    coordinator.consistency.updateConsistencyRule(pick(['power_budget', 'engine_spec', 'material_processes']), { severity: pick(SEVERITIES) });
    return;
  }
  if (roll < 0.14) {
    const engineId = pick(ENGINES);
    const kind = random();
    await coordinator.injectFault(engineId, kind < 0.4 ? { kind: 'fail', count: 1 } : kind < 0.7 ? { kind: 'slow', delayMs: 5 + Math.floor(random() * 20) } : kind < 0.85 ? { kind: 'clear' } : { kind: 'crash' });
    return;
  }
  let next: AircraftConfiguration;
  if (roll < 0.35) next = session.loadScenario(pick(SCENARIOS));
  else if (roll < 0.75) {
    const configuration = current();
    next = { ...configuration, basePlatform: { ...configuration.basePlatform, powerGenerationKW: 60 + Math.floor(random() * 140) } };
  } else {
    const configuration = current();
    next = { ...configuration, propulsion: { ...configuration.propulsion, engineModel: pick(ENGINE_MODELS) } };
  }
  const before = coordinator.configuration?.version ?? 0;
  await coordinator.processConfigurationChange(next);
  // Applied: it got a version (refused ones do not; one an engine failed on did).
  if ((coordinator.configuration?.version ?? 0) > before) {
    applied++;
    writeProgress();
  }
}

// The writer thread is up before the storm starts (from source it boots tsx first, 0.3–0.7 s): a
// kill before its first commit loses everything, the session included (see the test's notes).
const openedAt = performance.now();
await workspace.recording.flush();
writerUpMs = performance.now() - openedAt;
writeProgress();
for (;;) {
  await step();
  await coordinator.whenQuiet();
  // One change per turn of the event loop, as a host applies the commands it receives. Run back to
  // back on one promise chain, the changes starve the recorder's 25 ms flush timer (the engines
  // compute within microtasks): events then wait for a full 2048-event batch, and a kill loses
  // 100–1000 ms of them (see the test's notes).
  await new Promise<void>((resolve) => setImmediate(resolve));
}
