import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { EngineEvent } from '../../shared/events';
import { queryHistory } from '../core/log/history-query';
import { RingBuffer } from '../../shared/ring-buffer';
import { BatchWriter } from './batch-writer';
import { eventToRow } from './event-rows';
import { EventReader } from './event-reader';
import { openStoreDatabase } from './schema';
import { SessionCatalog } from './session-catalog';
import { seededRandom } from './test-events';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Events with the given timestamps, written in batches of 100 as the recorder would. */
function sessionWith(timestamps: number[]): { db: Database.Database; reader: EventReader; sessionId: number; history: RingBuffer<EngineEvent> } {
  const db = openStoreDatabase(':memory:');
  open.push(db);
  const sessionId = new SessionCatalog(db).create({ name: 'times' }).id;
  const events = timestamps.map(
    (timestamp, i) =>
      ({ seq: i + 1, eventId: `e${i + 1}`, eventType: 'synthetic_load', sourceEngine: i % 3 ? 'load' : 'design', priority: 'NORMAL', timestamp, configVersion: 0, requiresResponse: false, correlationId: `e${i + 1}`, causationId: null, data: { n: i } }) as EngineEvent
  );
  const writer = new BatchWriter(db);
  for (let i = 0; i < events.length; i += 100) writer.write([{ sessionId, rows: events.slice(i, i + 100).map((event) => eventToRow(sessionId, event)) }], { indexText: true });
  const history = new RingBuffer<EngineEvent>(events.length);
  for (const event of events) history.push(event);
  return { db, reader: new EventReader(db), sessionId, history };
}

function checkRanges(timestamps: number[]): boolean {
  const { db, reader, sessionId, history } = sessionWith(timestamps);
  const random = seededRandom(timestamps.length);
  const sorted = [...timestamps].sort((a, b) => a - b);
  for (let i = 0; i < 200; i++) {
    const a = sorted[Math.floor(random() * sorted.length)] as number;
    const b = sorted[Math.floor(random() * sorted.length)] as number;
    const query = { since: Math.min(a, b) - (i % 2), until: i % 5 === 0 ? undefined : Math.max(a, b), limit: 1 + (i % 7) * 40, ...(i % 3 === 0 ? { sourceEngine: 'design' } : {}) };
    expect(reader.events(sessionId, query).map((event) => event.seq), JSON.stringify(query)).toEqual(queryHistory(history, query).map((event) => event.seq));
  }
  expect(reader.events(sessionId, { since: (sorted.at(-1) as number) + 1 })).toEqual([]);
  expect(reader.events(sessionId, { until: (sorted[0] as number) - 1 })).toEqual([]);
  return (db.prepare('SELECT time_ordered FROM sessions WHERE id = ?').pluck().get(sessionId) as number) === 1;
}

describe('time ranges', () => {
  it('answer as the ring does when timestamps never go back (read as a key range)', () => {
    const timestamps = Array.from({ length: 2000 }, (_, i) => 1_000_000 + Math.floor(i / 3));
    expect(checkRanges(timestamps)).toBe(true);
  });

  it('answer as the ring does when the clock went back (read through the time index)', () => {
    // A session continued after its clock was set back 500 ms.
    const timestamps = Array.from({ length: 2000 }, (_, i) => 1_000_000 + i - (i >= 1200 ? 500 : 0));
    expect(checkRanges(timestamps)).toBe(false);
  });
});
