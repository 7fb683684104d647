import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { currentVersion, projectAll, type SessionState } from '../../shared/projection';
import { EventLog } from '../core/log/event-log';
import { LiveProjection } from '../core/log/live-projection';
import { EventStore } from './event-store';
import { eventStream, seededRandom, stored } from './test-events';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/**
 * Records `count` events of a stream into a new session, flushing every `chunk` events: each flush
 * is a quiet point where the recorder may take a snapshot from the live projection.
 */
async function recordStream(
  store: EventStore,
  seed: number,
  count: number,
  chunk = 37,
  continued?: { log: EventLog; sessionId: number; from: SessionState }
): Promise<{ sessionId: number; events: EngineEvent[] }> {
  const log = continued?.log ?? new EventLog();
  const sessionId = continued?.sessionId ?? store.sessions.create({ name: 'travel' }).id;
  const projection = new LiveProjection(log, { from: continued?.from });
  const recorder = store.record(log, { sessionId, state: () => projection.state, snapshotEvery: 100 });
  const events: EngineEvent[] = [];
  const inputs = eventStream(seed, count);
  for (let i = 0; i < inputs.length; i++) {
    events.push(log.append(inputs[i] as (typeof inputs)[number]));
    if (i % chunk === chunk - 1) await recorder.flush();
  }
  await recorder.close();
  projection.dispose();
  return { sessionId, events: events.map(stored) };
}

function fileStore(): { store: EventStore; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-travel-'));
  const path = join(dir, 'store.db');
  const store = EventStore.open(path);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => store.close());
  return { store, path };
}

describe('the state at any event', () => {
  it('equals the projection of the events up to it, for random events, from the nearest snapshot', async () => {
    const store = EventStore.open(':memory:');
    cleanup.push(() => store.close());
    const { sessionId, events } = await recordStream(store, 21, 3000);
    const random = seededRandom(4);
    const seqs = [0, 1, 99, 100, 101, 3000, ...Array.from({ length: 60 }, () => 1 + Math.floor(random() * 3000))];
    for (const seq of seqs) expect(store.reader.stateAt(sessionId, seq), `state at ${seq}`).toEqual(projectAll(events.slice(0, seq)));
    const snapshot = store.reader.nearestSnapshot(sessionId, 3000);
    expect(snapshot?.seq).toBeGreaterThan(2800);
  });

  it('recovers the whole session from the newest snapshot plus the events after it', async () => {
    const store = EventStore.open(':memory:');
    cleanup.push(() => store.close());
    const { sessionId, events } = await recordStream(store, 22, 2000, 333);
    const recovered = store.recover(sessionId);
    expect(recovered.snapshotSeq).toBeGreaterThan(0);
    expect(recovered.replayedEvents).toBe(2000 - recovered.snapshotSeq);
    expect(recovered.state).toEqual(projectAll(events));
    expect(recovered.lastSeq).toBe(2000);
    expect(recovered.configVersion).toBe(Math.max(currentVersion(recovered.state), (events.at(-1) as EngineEvent).configVersion));
  });

  it('skips a snapshot that no longer parses: the state comes out the same from an earlier one', async () => {
    const { store, path } = fileStore();
    const { sessionId, events } = await recordStream(store, 23, 1000);
    const newest = store.reader.nearestSnapshot(sessionId, 1000);
    const raw = new Database(path);
    raw.prepare("UPDATE snapshots SET state = '{\"seq\":\"broken\"}' WHERE key = (SELECT max(key) FROM snapshots)").run();
    raw.close();
    expect(store.reader.nearestSnapshot(sessionId, 1000)?.seq).toBeLessThan(newest?.seq as number);
    expect(store.recover(sessionId).state).toEqual(projectAll(events));
  });

  it('continues a recovered session: numbering goes on without a gap and the version never goes back', async () => {
    const { store } = fileStore();
    const first = await recordStream(store, 24, 700);
    const { lastSeq, configVersion, state } = store.recover(first.sessionId);
    // As the host would continue: the log numbers on, the projection folds on from the recovered state.
    const log = new EventLog({ lastSeq, configVersion });
    const second = await recordStream(store, 25, 500, 50, { log, sessionId: first.sessionId, from: state });
    const all = [...first.events, ...second.events];
    expect(all.map((event) => event.seq)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    expect([...store.reader.pages(first.sessionId, 0, 1200)].flat()).toEqual(all);
    expect(store.recover(first.sessionId).state).toEqual(projectAll(all));
    expect((second.events[0] as EngineEvent).configVersion).toBeGreaterThanOrEqual(configVersion);
  });
});
