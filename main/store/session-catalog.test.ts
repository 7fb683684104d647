import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLog } from '../core/log/event-log';
import { EventStore } from './event-store';
import { SCHEMA_VERSION, StoreVersionError } from './schema';
import { eventStream } from './test-events';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-catalog-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function storeWithSessions(sizes: number[]): Promise<{ store: EventStore; ids: number[] }> {
  const store = EventStore.open(':memory:');
  cleanup.push(() => store.close());
  const ids: number[] = [];
  for (const [i, size] of sizes.entries()) {
    const { id } = store.sessions.create({ name: `session ${i}`, aircraft: i % 2 ? 'F-16C' : null, startedAt: 1000 + i });
    const log = new EventLog();
    const recorder = store.record(log, { sessionId: id });
    for (const input of eventStream(i, size)) log.append(input);
    await recorder.close();
    store.sessions.end(id, 2000 + i);
    ids.push(id);
  }
  return { store, ids };
}

describe('sessions', () => {
  it('lists sessions newest first with their name, times, aircraft, events and size', async () => {
    const { store, ids } = await storeWithSessions([10, 300]);
    const [newest, oldest] = store.sessions.list();
    expect(newest).toMatchObject({ id: ids[1], name: 'session 1', aircraft: 'F-16C', startedAt: 1001, endedAt: 2001, lastSeq: 300, eventCount: 300 });
    expect(oldest).toMatchObject({ id: ids[0], aircraft: null, eventCount: 10 });
    expect(newest?.bytes).toBeGreaterThan(oldest?.bytes as number);
    expect(store.sessions.end(12345)).toBe(false);
  });

  it('deletes a session with everything stored for it, and leaves the others whole', async () => {
    const { store, ids } = await storeWithSessions([200, 200]);
    const [first, second] = ids as [number, number];
    const keptEvents = [...store.reader.pages(second, 0, 200)].flat();
    expect(store.sessions.delete(first)).toBe(true);
    expect(store.sessions.delete(first)).toBe(false);
    expect(store.sessions.list().map((s) => s.id)).toEqual([second]);
    expect(store.reader.lastSeq(first)).toBe(0);
    expect(store.reader.events(first, { text: 'wing' })).toEqual([]);
    expect(store.reader.events(first, { targetEngine: 'consistency_manager' })).toEqual([]);
    expect([...store.reader.pages(second, 0, 200)].flat()).toEqual(keptEvents);
    // Ids are never reused: a new session cannot inherit a deleted one's rows.
    expect(store.sessions.create({ name: 'next' }).id).toBeGreaterThan(second);
  });

  it('keeps the newest sessions within a count and a size, never the protected ones', async () => {
    const { store, ids } = await storeWithSessions([100, 100, 100, 100, 100]);
    const sizes = new Map(store.sessions.list().map((s) => [s.id, s.bytes]));
    expect(store.sessions.applyRetention({ keepLast: 3, keep: [ids[0] as number] })).toEqual([ids[2], ids[1]]);
    expect(store.sessions.list().map((s) => s.id)).toEqual([ids[4], ids[3], ids[0]]);
    const budget = (sizes.get(ids[4] as number) as number) + 1;
    expect(store.sessions.applyRetention({ maxBytes: budget })).toEqual([ids[3], ids[0]]);
    expect(store.sessions.list().map((s) => s.id)).toEqual([ids[4]]);
    expect(store.sessions.applyRetention({ keepLast: 0, keep: [ids[4] as number] })).toEqual([]);
  });
});

describe('opening a store file', () => {
  it('migrates a file of schema 1: its sessions stay, time ranges of old sessions take the time index', async () => {
    const path = join(tempDir(), 'store.db');
    const store = EventStore.open(path);
    const id = store.sessions.create({ name: 'old' }).id;
    const log = new EventLog();
    const recorder = store.record(log, { sessionId: id });
    const events = eventStream(8, 200).map((input) => log.append(input));
    await recorder.close();
    await store.close();
    const raw = new Database(path);
    raw.exec('ALTER TABLE sessions DROP COLUMN time_ordered');
    raw.pragma('user_version = 1');
    raw.close();
    const migrated = EventStore.open(path);
    cleanup.push(() => migrated.close());
    expect(migrated.sessions.get(id)).toMatchObject({ name: 'old', eventCount: 200 });
    const since = (events[150] as { timestamp: number }).timestamp;
    expect(migrated.reader.events(id, { since }).map((event) => event.seq)).toEqual(events.filter((event) => event.timestamp >= since).map((event) => event.seq));
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare('SELECT time_ordered FROM sessions WHERE id = ?').pluck().get(id)).toBe(0);
    check.close();
  });

  it('reopens its own file, refuses a newer schema and a foreign database, naming the problem', () => {
    const dir = tempDir();
    const path = join(dir, 'store.db');
    const store = EventStore.open(path);
    const id = store.sessions.create({ name: 'kept' }).id;
    store.dispose();
    const again = EventStore.open(path);
    expect(again.sessions.get(id)?.name).toBe('kept');
    again.dispose();

    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => EventStore.open(path)).toThrow(StoreVersionError);
    expect(() => EventStore.open(path)).toThrow(`schema version ${SCHEMA_VERSION + 1}, newer than this Flightdeck supports (${SCHEMA_VERSION})`);

    const foreign = join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    expect(() => EventStore.open(foreign)).toThrow(/not a Flightdeck store/);

    const text = join(dir, 'text.db');
    writeFileSync(text, 'this is not a database at all, just some text that is long enough to have a header');
    expect(() => EventStore.open(text)).toThrow(/not a database/);
  });
});
