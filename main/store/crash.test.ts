import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { projectAll } from '../../shared/projection';
import { EventStore } from './event-store';
import { eventStream, seededRandom } from './test-events';

/**
 * Crash recovery, for real: a child process records a steady stream (50 events every 5 ms, with
 * snapshots every 500) and is killed with SIGKILL at a random moment. Reopening the store must
 * find a gap-free prefix of exactly what was appended, missing at most the last ~100 ms (measured
 * in the events' own timestamps: the time between the newest appended event and the newest
 * stored one), and `recover` must rebuild the projection of that prefix.
 */

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const BURST = 50;
const INTERVAL_MS = 5;
const SEEDS = [1, 2, 3, 4, 5];
const dir = mkdtempSync(join(tmpdir(), 'flightdeck-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function readProgress(path: string): { seq: number; timestamp: number } | undefined {
  if (!existsSync(path)) return undefined;
  const [seq, timestamp] = readFileSync(path, 'utf8').trim().split(/\s+/).map(Number);
  return seq ? { seq, timestamp: timestamp as number } : undefined;
}

/** Runs the child until it has appended `minSeq` events, lets it go on for `extraMs`, then kills it. */
async function recordAndKill(path: string, seed: number, minSeq: number, extraMs: number): Promise<{ seq: number; timestamp: number }> {
  const child = spawn(process.execPath, ['--import', TSX, CHILD, path, String(seed), String(BURST), String(INTERVAL_MS)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (let waited = 0; (readProgress(`${path}.progress`)?.seq ?? 0) < minSeq; waited += 10) {
    if (child.exitCode !== null || waited > 20_000) throw new Error(`the child did not get going: ${stderr}`);
    await sleep(10);
  }
  await sleep(extraMs);
  child.kill('SIGKILL');
  await exited;
  return readProgress(`${path}.progress`) as { seq: number; timestamp: number };
}

describe('kill -9 while recording', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the store holds a gap-free prefix of what was appended, missing at most ~100 ms, and recovers its state`, async () => {
      const random = seededRandom(seed);
      const path = join(dir, `store-${seed}.db`);
      const appended = await recordAndKill(path, seed, 500 + Math.floor(random() * 1500), Math.floor(random() * 200));

      const store = EventStore.open(path);
      try {
        const [session] = store.sessions.list();
        expect(session).toBeDefined();
        const sessionId = (session as { id: number }).id;
        const lastSeq = store.reader.lastSeq(sessionId);
        const events = [...store.reader.pages(sessionId, 0, lastSeq)].flat();
        // Gap-free from 1, and nothing beyond what the child can have appended (one burst after its last progress note).
        expect(events.map((event) => event.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
        expect(lastSeq).toBeLessThanOrEqual(appended.seq + BURST);
        // Exactly the events appended: the same inputs, in the same order.
        const inputs = eventStream(seed, lastSeq);
        events.forEach((event, i) => {
          const input = inputs[i] as (typeof inputs)[number];
          expect({ type: event.eventType, source: event.sourceEngine, data: event.data, targets: event.targetEngines }).toEqual({
            type: input.eventType,
            source: input.sourceEngine,
            data: JSON.parse(JSON.stringify(input.data)),
            targets: input.targetEngines
          });
        });
        const newestStored = events.at(-1) as EngineEvent;
        const lostMs = lastSeq >= appended.seq ? 0 : appended.timestamp - newestStored.timestamp;
        expect(lostMs, `${appended.seq - lastSeq} of ${appended.seq} events lost`).toBeLessThanOrEqual(100);

        const recovered = store.recover(sessionId);
        expect(recovered.snapshotSeq).toBeGreaterThan(0);
        expect(recovered.state).toEqual(projectAll(events));
        expect(recovered.lastSeq).toBe(lastSeq);
        // The version never goes back: at least the one the last stored configuration applied.
        const lastChange = events.filter((event) => event.eventType === 'configuration_changed').at(-1);
        expect(recovered.configVersion).toBeGreaterThanOrEqual(lastChange?.configVersion ?? 0);
        expect(recovered.configVersion).toBeGreaterThanOrEqual(newestStored.configVersion);
      } finally {
        await store.close();
      }
    });
  }
});
