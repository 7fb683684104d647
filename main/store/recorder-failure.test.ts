import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLog } from '../core/log/event-log';
import { EventStore } from './event-store';
import type { EventRecorder, RecorderFailure } from './recorder';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function setup(inline: boolean, options: { maxBufferedEvents?: number } = {}): { store: EventStore; log: EventLog; recorder: EventRecorder; sessionId: number; raw: Database.Database; failures: RecorderFailure[]; nextFailure: () => Promise<RecorderFailure> } {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-failure-'));
  const path = join(dir, 'store.db');
  const store = EventStore.open(path, { busyTimeoutMs: 10 });
  const raw = new Database(path);
  const sessionId = store.sessions.create({ name: 'failing' }).id;
  const log = new EventLog();
  const recorder = store.record(log, { sessionId, inline, busyTimeoutMs: 10, queue: { retryFirstMs: 5, retryMaxMs: 20 }, ...options });
  const failures: RecorderFailure[] = [];
  let waiting: ((failure: RecorderFailure) => void)[] = [];
  recorder.onDidFail((failure) => {
    failures.push(failure);
    for (const wake of waiting.splice(0)) wake(failure);
  });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => store.close());
  cleanup.push(() => {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    raw.close();
  });
  return { store, log, recorder, sessionId, raw, failures, nextFailure: () => new Promise((resolve) => (waiting = [...waiting, resolve])) };
}

/** Flushes until a flush sees no failure: one may still be reported by an attempt already under way. */
async function flushEventually(recorder: EventRecorder): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await recorder.flush();
    } catch (error) {
      if (attempt >= 100) throw error;
    }
  }
}

const load = (n: number) => ({ eventType: 'synthetic_load' as const, sourceEngine: 'load', data: { n } });

describe('write failures are reported and retried, never thrown at the host', () => {
  for (const inline of [true, false]) {
    it(`a locked database (${inline ? 'inline writer' : 'worker thread'}): reported, retried until the lock goes, then everything is committed`, async () => {
      const { store, log, recorder, sessionId, raw, failures, nextFailure } = setup(inline);
      raw.exec('BEGIN IMMEDIATE');
      raw.prepare("INSERT INTO sessions (name, started_at) VALUES ('lock holder', 0)").run();
      const failed = nextFailure();
      for (let n = 0; n < 100; n++) expect(() => log.append(load(n))).not.toThrow();
      const flushed = recorder.flush();
      const failure = await failed;
      await expect(flushed).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      expect(failure).toMatchObject({ code: 'SQLITE_BUSY', lostEvents: 0 });
      expect(failure.retryInMs).toBeGreaterThan(0);
      expect(recorder.health()).toMatchObject({ lagEvents: 100, committedSeq: 0, lostEvents: 0, retrying: true });
      expect(recorder.health().lastError).toMatch(/locked|busy/i);
      raw.exec('ROLLBACK');
      await flushEventually(recorder);
      expect(store.reader.lastSeq(sessionId)).toBe(100);
      expect(store.reader.count(sessionId, 0, 100)).toBe(100);
      expect(recorder.health()).toMatchObject({ lagEvents: 0, committedSeq: 100, lostEvents: 0, retrying: false });
      expect(recorder.health().failures).toBe(failures.length);
    });
  }

  it('a failure that does not pass: tried three times, then the batch is given up and counted, and recording goes on', async () => {
    const { store, log, recorder, sessionId, raw, nextFailure } = setup(true);
    raw.exec("CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END");
    const attempts: RecorderFailure[] = [];
    recorder.onDidFail((failure) => attempts.push(failure));
    for (let n = 0; n < 50; n++) log.append(load(n));
    await expect(recorder.flush()).rejects.toThrow(/refused by a trigger/);
    while (attempts.at(-1)?.retryInMs !== null) await nextFailure();
    expect(attempts.map((failure) => failure.attempt)).toEqual([1, 2, 3]);
    expect(attempts.at(-1)).toMatchObject({ retryInMs: null, lostEvents: 50 });
    raw.exec('DROP TRIGGER refuse');
    for (let n = 0; n < 10; n++) log.append(load(n));
    await recorder.flush();
    expect(store.reader.lastSeq(sessionId)).toBe(60);
    expect(store.reader.count(sessionId, 0, 60)).toBe(10);
    expect(recorder.health()).toMatchObject({ lostEvents: 50, committedSeq: 60, lagEvents: 0, failures: 3 });
  });

  it('a session deleted while it is recorded: its batches are given up and reported, not retried forever', async () => {
    const { store, log, recorder, sessionId, nextFailure } = setup(true);
    store.sessions.delete(sessionId);
    const failed = nextFailure();
    log.append(load(1));
    expect(await failed).toMatchObject({ retryInMs: null, lostEvents: 1 });
    expect(recorder.health().lastError).toMatch(/not in the store/);
  });

  it('a writer that cannot keep up: beyond the buffer, events are dropped and counted, once reported', async () => {
    const { log, recorder, raw, failures } = setup(false, { maxBufferedEvents: 3000 });
    raw.exec('BEGIN IMMEDIATE');
    raw.prepare("INSERT INTO sessions (name, started_at) VALUES ('lock holder', 0)").run();
    for (let n = 0; n < 10_000; n++) log.append(load(n));
    await expect(recorder.flush()).rejects.toThrow();
    raw.exec('ROLLBACK');
    const dropped = failures.filter((failure) => failure.code === 'BUFFER_FULL');
    expect(dropped).toHaveLength(1);
    expect(recorder.health().lostEvents).toBeGreaterThanOrEqual(10_000 - 3000);
    await flushEventually(recorder);
    expect(recorder.health()).toMatchObject({ lagEvents: 0, committedSeq: 10_000 });
  });
});
