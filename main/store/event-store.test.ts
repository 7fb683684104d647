import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_TYPES, EngineEventSchema, type EngineEvent, type HistoryQuery } from '../../shared/events';
import { EventLog } from '../core/log/event-log';
import { EventStore } from './event-store';
import { eventStream, samplePayloads, stored } from './test-events';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-store-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function openStore(path = ':memory:'): EventStore {
  const store = EventStore.open(path);
  cleanup.push(() => store.close());
  return store;
}

/** A log with a ring large enough to hold everything, recording into a new session. */
function recording(store: EventStore, historySize = 100_000): { log: EventLog; sessionId: number; recorder: ReturnType<EventStore['record']> } {
  const log = new EventLog({ historySize });
  const sessionId = store.sessions.create({ name: 'test', aircraft: 'F-22A' }).id;
  const recorder = store.record(log, { sessionId, batchSize: 64 });
  return { log, sessionId, recorder };
}

function allStored(store: EventStore, sessionId: number): EngineEvent[] {
  return [...store.reader.pages(sessionId, 0, store.reader.lastSeq(sessionId))].flat();
}

describe('recording and reading back', () => {
  it('stores every event type with every field, as JSON carries it (in-memory store, inline writer)', async () => {
    const store = openStore();
    const { log, sessionId, recorder } = recording(store);
    const appended: EngineEvent[] = [];
    log.onDidAppend((event) => appended.push(event));
    for (const [eventType, payloads] of samplePayloads(7, 3)) {
      for (const data of payloads) {
        log.append({ eventType, sourceEngine: 'design', data } as never);
        log.append({ eventType, sourceEngine: 'materials', data, targetEngines: ['aerodynamics', 'design'], priority: 'CRITICAL', requiresResponse: true, correlationId: 'chain-x', causationId: 'cause-ü' } as never);
      }
    }
    await recorder.flush();
    expect(new Set(appended.map((event) => event.eventType))).toEqual(new Set(EVENT_TYPES));
    const back = allStored(store, sessionId);
    expect(back).toEqual(appended.map(stored));
    for (const event of back) expect(EngineEventSchema.safeParse(event).success).toBe(true);
    expect(store.reader.eventAt(sessionId, 5)).toEqual(stored(appended[4] as EngineEvent));
    expect(store.reader.eventAt(sessionId, appended.length + 1)).toBeUndefined();
    expect(store.reader.lastSeq(sessionId)).toBe(appended.length);
    expect(store.sessions.get(sessionId)).toMatchObject({ lastSeq: appended.length, eventCount: appended.length });
    expect(recorder.health()).toMatchObject({ committedSeq: appended.length, lagEvents: 0, failures: 0, lostEvents: 0 });
  });

  it('records from a worker thread into a store file, and a second store sees the same events', async () => {
    const path = join(tempDir(), 'store.db');
    const store = openStore(path);
    const log = new EventLog({ historySize: 10_000 });
    const sessionId = store.sessions.create({ name: 'worker' }).id;
    const recorder = store.record(log, { sessionId });
    const failures: string[] = [];
    recorder.onDidFail((failure) => failures.push(failure.message));
    const appended: EngineEvent[] = [];
    log.onDidAppend((event) => appended.push(event));
    for (const input of eventStream(3, 5000)) log.append(input);
    await recorder.flush();
    expect(failures).toEqual([]);
    expect(allStored(store, sessionId)).toEqual(appended.map(stored));
    await recorder.close();
    const other = openStore(path);
    expect(other.reader.lastSeq(sessionId)).toBe(5000);
    expect(other.sessions.list()[0]).toMatchObject({ id: sessionId, eventCount: 5000, lastSeq: 5000 });
  });

  it('refuses to record a log that would renumber a session it continues', async () => {
    const store = openStore();
    const { log, sessionId, recorder } = recording(store);
    for (const input of eventStream(4, 30)) log.append(input);
    await recorder.close();
    expect(() => store.record(new EventLog(), { sessionId })).toThrow(/holds events up to seq 30 and the log is at 0/);
    expect(() => store.record(new EventLog({ lastSeq: 30 }), { sessionId })).not.toThrow();
  });
});

describe('queries answer as the in-memory history does', () => {
  it('gives the same events as the ring for random filters, limits and positions', async () => {
    const store = openStore();
    const { log, sessionId, recorder } = recording(store);
    for (const input of eventStream(11, 3000)) log.append(input);
    await recorder.flush();
    const events = log.query({ limit: 100_000 });
    const times = events.map((event) => event.timestamp);
    const FIELDS = ['eventType', 'sourceEngine', 'targetEngine', 'correlationId', 'afterSeq', 'since', 'until', 'limit'] as const;
    // Filters taken from a random event, so that many queries match something.
    const query: fc.Arbitrary<HistoryQuery> = fc
      .record({ at: fc.nat({ max: events.length - 1 }), fields: fc.subarray([...FIELDS], { maxLength: 4 }), spread: fc.nat({ max: 400 }), limit: fc.integer({ min: 1, max: 5000 }), target: fc.constantFrom('design', 'materials', 'consistency_manager', 'nobody') })
      .map(({ at, fields, spread, limit, target }) => {
        const event = events[at] as EngineEvent;
        const q: HistoryQuery = {};
        for (const field of fields) {
          if (field === 'eventType') q.eventType = event.eventType;
          if (field === 'sourceEngine') q.sourceEngine = event.sourceEngine;
          if (field === 'targetEngine') q.targetEngine = event.targetEngines?.[0] ?? target;
          if (field === 'correlationId') q.correlationId = event.correlationId;
          if (field === 'afterSeq') q.afterSeq = Math.max(0, event.seq - spread);
          if (field === 'since') q.since = times[Math.max(0, at - spread)] as number;
          if (field === 'until') q.until = times[Math.min(times.length - 1, at + spread)] as number;
          if (field === 'limit') q.limit = limit % 3 === 0 ? limit : 1 + (limit % 40);
        }
        return q;
      });
    let answered = 0;
    fc.assert(
      fc.property(query, (q) => {
        // Seqs are enough: the round trip above checks that an event comes back whole.
        const expected = log.query(q).map((event) => event.seq);
        expect(store.reader.events(sessionId, q).map((event) => event.seq)).toEqual(expected);
        if (expected.length > 0) answered++;
      }),
      { numRuns: 300, seed: 5 }
    );
    // The filters are not all vacuous: many queries find something.
    expect(answered).toBeGreaterThan(200);
  });

  it('pages back to the first event and forward to the last, beyond the ring', async () => {
    const store = openStore();
    const { log, sessionId, recorder } = recording(store, 100);
    for (const input of eventStream(12, 2000)) log.append(input);
    await recorder.flush();
    expect(log.size).toBe(100);
    const backwards: EngineEvent[] = [];
    for (let page = store.reader.events(sessionId, { limit: 300 }); page.length > 0; page = store.reader.events(sessionId, { limit: 300, beforeSeq: (page[0] as EngineEvent).seq })) {
      backwards.unshift(...page);
    }
    const forwards: EngineEvent[] = [];
    for (let page = store.reader.events(sessionId, { limit: 300, keep: 'oldest' }); page.length > 0; page = store.reader.events(sessionId, { limit: 300, keep: 'oldest', afterSeq: (page[page.length - 1] as EngineEvent).seq })) {
      forwards.push(...page);
    }
    expect(backwards.map((event) => event.seq)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(forwards).toEqual(backwards);
    const violations = store.reader.events(sessionId, { eventType: 'violation_opened', beforeSeq: 1000, limit: 3 });
    expect(violations.every((event) => event.eventType === 'violation_opened' && event.seq < 1000)).toBe(true);
    expect(violations.map((event) => event.seq)).toEqual(
      allStored(store, sessionId).filter((event) => event.eventType === 'violation_opened' && event.seq < 1000).slice(-3).map((event) => event.seq)
    );
  });

  it('refuses a query the schema refuses', () => {
    const store = openStore();
    const sessionId = store.sessions.create({ name: 'x' }).id;
    expect(() => store.reader.events(sessionId, { limit: 0 })).toThrow();
    expect(() => store.reader.events(sessionId, { eventType: 'nope' as never })).toThrow();
    expect(() => store.reader.events(0, {})).toThrow(RangeError);
  });
});
