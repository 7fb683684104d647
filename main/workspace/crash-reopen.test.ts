import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { EngineEvent } from '../../shared/events';
import { openViolations, projectAll, type SessionState } from '../../shared/projection';
import { EventStore } from '../store';
import { seededRandom } from '../store/test-events';
import { openWorkspace } from './open-workspace';

/**
 * Issue 10's crash test, through the whole workspace: a child process opens a workspace and runs a
 * seeded configuration storm through the real engines (`storm-child.ts`); it is killed with
 * SIGKILL at a seeded point, and the test reopens the same folder with `openWorkspace`. Each
 * reopen must
 * 1. continue that session (`resumed`);
 * 2. start from exactly the state projected from the events that were committed — configuration
 *    and version, rules, open violations, every engine's outputs and computed version — and be
 *    that state plus only the events the new host published itself;
 * 3. have lost at most 100 ms: the newest committed event is at most 100 ms (in the events' own
 *    timestamps) older than the newest event of the child's last progress note;
 * 4. never rewind the version: the resumed version is the last committed `configuration_changed`'s,
 *    at least every version a committed event carried (and the child's last reported version when
 *    its events all were committed), and the next change gets that version + 1.
 * Versions the child applied in the lost tail (≤ 100 ms) are given out again after the reopen:
 * nothing of them was stored.
 *
 * The storm starts once the child's store writer has committed for the first time: until its
 * worker thread is up (from source it registers tsx first: 0.3–0.7 s here) nothing is stored, and a
 * kill then loses the whole session — the reopen starts a new one. The bound holds from then on.
 */

const CHILD = fileURLToPath(new URL('./storm-child.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const LOSS_BOUND_MS = 100;
let startChecked = 0;
const root = mkdtempSync(join(tmpdir(), 'flightdeck-crash-reopen-'));
const figures: { seed: number; lossMs: number; lostEvents: number; resumedVersion: number; reportedVersion: number; committedSeq: number; writerUpMs: number }[] = [];

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (figures.length === 0) return;
  const losses = figures.map((f) => f.lossMs).sort((a, b) => a - b);
  const median = losses[Math.floor(losses.length / 2)] as number;
  console.info(`crash-reopen: start state compared in ${startChecked} of ${figures.length} seeds`);
  const writerUp = figures.map((f) => f.writerUpMs).sort((a, b) => a - b);
  console.info(
    `crash-reopen: writer up after ${(writerUp[0] as number).toFixed(0)}–${(writerUp.at(-1) as number).toFixed(0)} ms; loss ms min ${(losses[0] as number).toFixed(1)} / median ${median.toFixed(1)} / max ${(losses.at(-1) as number).toFixed(1)}; ` +
      figures.map((f) => `seed ${f.seed}: v${f.resumedVersion} (child v${f.reportedVersion}), seq ${f.committedSeq}, lost ${f.lostEvents} ev/${f.lossMs.toFixed(1)} ms`).join('; ')
  );
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The child's last note: changes applied, the last applied version, its log's newest seq and that event's timestamp. */
interface Progress {
  applied: number;
  version: number;
  /** How long the child's store writer took to commit for the first time (the storm starts after). */
  writerUpMs: number;
  seq: number;
  timestamp: number;
}

function readProgress(dataDir: string): Progress | undefined {
  const file = join(dataDir, 'progress.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Progress) : undefined;
}

/** Runs the storm until `minChanges` changes were applied, lets it go on for `extraMs`, then kills it with SIGKILL. */
async function stormAndKill(dataDir: string, seed: number, minChanges: number, extraMs: number): Promise<Progress> {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  try {
    const started = spawn(process.execPath, ['--import', TSX, CHILD, dataDir, resourcesDir, String(seed)], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited = new Promise<void>((resolve) => started.on('exit', () => resolve()));
    for (let waited = 0; (readProgress(dataDir)?.applied ?? -1) < minChanges; waited += 10) {
      if (started.exitCode !== null || waited > 15_000) throw new Error(`the storm did not get going: ${stderr}`);
      await sleep(10);
    }
    await sleep(extraMs);
    if (started.exitCode !== null) throw new Error(`the storm stopped by itself: ${stderr}`);
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  return readProgress(dataDir) as Progress;
}

/** The committed events of the store's only session, read before anything reopens it. */
async function committedEvents(dataDir: string): Promise<{ sessionId: number; events: EngineEvent[] }> {
  const store = EventStore.open(join(dataDir, 'flightdeck.db'));
  try {
    const sessions = store.sessions.list();
    expect(sessions).toHaveLength(1);
    const { id: sessionId } = sessions[0] as { id: number };
    const lastSeq = store.reader.lastSeq(sessionId);
    return { sessionId, events: [...store.reader.pages(sessionId, 0, lastSeq)].flat() };
  } finally {
    await store.close();
  }
}

/** The parts of a session state a reopen must carry over. */
function essentials(state: SessionState): unknown {
  return {
    configuration: state.configuration && { version: state.configuration.version, configuration: state.configuration.configuration },
    ruleOrder: state.ruleOrder,
    rules: state.rules,
    openViolations: openViolations(state)
      .map((violation) => violation.violationId)
      .sort(),
    engines: Object.fromEntries(Object.values(state.engines).map((engine) => [engine.engineId, { computedVersion: engine.computedVersion, outputs: engine.outputs }]))
  };
}

describe('kill -9 during a configuration storm, then reopen the workspace', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the reopen continues from the committed state, losing at most ${LOSS_BOUND_MS} ms and never rewinding the version`, async () => {
      const random = seededRandom(seed * 7919);
      const dataDir = mkdtempSync(join(root, `seed-${seed}-`));
      const reported = await stormAndKill(dataDir, seed, 2 + Math.floor(random() * 20), Math.floor(random() * 301));

      const { sessionId, events } = await committedEvents(dataDir);
      const lastSeq = events.length;
      expect(events.map((event) => event.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
      const committed = projectAll(events);

      const workspace = await openWorkspace({ dataDir, resourcesDir, initialScenario: 'f22a' });
      try {
        const { coordinator } = workspace.session;
        // Read at once: the new host's own events so far are only what opening published.
        const state = coordinator.state;
        const ownEvents = coordinator.log.query({}).filter((event) => event.seq > lastSeq);

        // 1. That session is reopened, right after its last committed event.
        expect(workspace.resumed?.id).toBe(sessionId);
        expect(workspace.resumed?.lastSeq).toBe(lastSeq);
        expect(ownEvents[0]).toMatchObject({ seq: lastSeq + 1, eventType: 'session_started', data: { resumedAfterSeq: lastSeq } });

        // 2. The coordinator started from the projection of the committed events: its projection's
        // first snapshot is the state it was given (unless opening already published enough to
        // reach the next snapshot, or the newest committed events changed nothing)…
        const { snapshot } = coordinator.sync();
        if (snapshot.seq <= lastSeq) {
          startChecked++;
          expect(essentials(snapshot.state)).toEqual(essentials(committed));
          expect(snapshot.state).toEqual(committed);
        }
        // …and its state now is that plus only what the new host published (a change the kill
        // interrupted is being recomputed already: engine outputs, violations resolved).
        expect(state).toEqual(projectAll(ownEvents, committed));

        // 3. At most 100 ms of events lost (event time: the child's newest noted event against the newest stored).
        const newestStored = events.at(-1) as EngineEvent;
        const lossMs = lastSeq >= reported.seq ? 0 : Math.max(0, reported.timestamp - newestStored.timestamp);
        expect(lossMs, `${reported.seq - lastSeq} events after seq ${lastSeq} lost (child noted seq ${reported.seq}; its writer took ${reported.writerUpMs.toFixed(0)} ms to come up)`).toBeLessThanOrEqual(LOSS_BOUND_MS);

        // 4. The version never goes back: the last committed change's, at least any a committed event
        // carried, the child's last when all its events up to that note were committed…
        const resumedVersion = state.configuration?.version ?? 0;
        const lastChange = events.filter((event): event is EngineEvent<'configuration_changed'> => event.eventType === 'configuration_changed').at(-1);
        expect(resumedVersion).toBe(lastChange?.data.version);
        expect(resumedVersion).toBeGreaterThanOrEqual(Math.max(...events.map((event) => event.configVersion)));
        if (lastSeq >= reported.seq) expect(resumedVersion).toBeGreaterThanOrEqual(reported.version);
        figures.push({ seed, lossMs, lostEvents: Math.max(0, reported.seq - lastSeq), resumedVersion, reportedVersion: reported.version, committedSeq: lastSeq, writerUpMs: reported.writerUpMs });

        // …and the next change gets the next version, numbered after the stored log.
        await coordinator.whenQuiet();
        const configuration = coordinator.configuration?.configuration as AircraftConfiguration;
        const result = await coordinator.processConfigurationChange({ ...configuration, basePlatform: { ...configuration.basePlatform, powerGenerationKW: configuration.basePlatform.powerGenerationKW + 1 } });
        expect(result.version).toBe(resumedVersion + 1);
        const change = coordinator.log.query({ eventType: 'configuration_changed' }).at(-1);
        expect(change?.seq).toBeGreaterThan(lastSeq);
        expect(change?.eventId).toBe(result.eventId);
        await coordinator.whenQuiet();
      } finally {
        await workspace.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
});
