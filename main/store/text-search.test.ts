import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent, EventInput } from '../../shared/events';
import { EventLog } from '../core/log/event-log';
import { BatchWriter } from './batch-writer';
import { eventToRow } from './event-rows';
import { EventReader } from './event-reader';
import { openStoreDatabase } from './schema';
import { SessionCatalog } from './session-catalog';
import { textMatchExpression } from './store-query';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const error = (message: string, engineId = 'propulsion'): EventInput => ({
  eventType: 'error_occurred',
  sourceEngine: engineId,
  data: { engineId, message, origin: 'engine' }
});

/** A store with the given events written; `indexText: false` leaves them outside the full-text index (a writer that is behind). */
function storeWith(inputs: EventInput[], indexText: boolean): { reader: EventReader; writer: BatchWriter; sessionId: number; events: EngineEvent[] } {
  const db = openStoreDatabase(':memory:');
  open.push(db);
  const sessionId = new SessionCatalog(db).create({ name: 'text' }).id;
  const log = new EventLog();
  const events = inputs.map((input) => log.append(input));
  const writer = new BatchWriter(db);
  writer.write([{ sessionId, rows: events.map((event) => eventToRow(sessionId, event)) }], { indexText });
  return { reader: new EventReader(db), writer, sessionId, events };
}

const INPUTS: EventInput[] = [
  error('Max_thrust exceeded on climb'),
  error('Café crème: thrust margin low', 'materials'),
  { eventType: 'synthetic_load', sourceEngine: 'load', data: { n: 7 } },
  error('Drag divergence near Mach 1.2', 'aerodynamics'),
  error('thrustline offset', 'design')
];

describe('payload text search', () => {
  for (const indexText of [true, false]) {
    describe(indexText ? 'through the full-text index' : 'while the full-text index trails the events', () => {
      it('matches words case- and accent-insensitively, phrases in order and prefixes', () => {
        const { reader, sessionId } = storeWith(INPUTS, indexText);
        const seqs = (text: string, extra = {}): number[] => reader.events(sessionId, { text, ...extra }).map((event) => event.seq);
        expect(seqs('thrust')).toEqual([1, 2]); // max_thrust is the tokens max, thrust
        expect(seqs('THRUST*')).toEqual([1, 2, 5]);
        expect(seqs('max_thrust')).toEqual([1]);
        expect(seqs('thrust max')).toEqual([1]);
        expect(seqs('cafe CREME')).toEqual([2]);
        expect(seqs('mach')).toEqual([4]);
        expect(seqs('thrust*', { sourceEngine: 'design' })).toEqual([5]);
        expect(seqs('thrust*', { limit: 1 })).toEqual([5]);
        expect(seqs('nothing-like-this')).toEqual([]);
        expect(seqs('   ')).toEqual([1, 2, 3, 4, 5]);
      });

      it('passes no search operator through: quotes, OR, NEAR, parentheses and column filters are words', () => {
        const { reader, sessionId } = storeWith(INPUTS, indexText);
        for (const text of ['thrust OR drag', '"unbalanced', 'NEAR(thrust drag)', '(thrust', 'payload:thrust', '-thrust', '*', 'a AND', '^thrust']) {
          expect(() => reader.events(sessionId, { text })).not.toThrow();
        }
        expect(reader.events(sessionId, { text: 'thrust OR drag' })).toEqual([]);
      });
    });
  }

  it('finds each trailing event once, before and after the index catches up, and new events as they come', () => {
    const { reader, writer, sessionId, events } = storeWith(INPUTS, false);
    expect(reader.events(sessionId, { text: 'thrust*' }).map((event) => event.seq)).toEqual([1, 2, 5]);
    expect(writer.indexTextBacklog(2)).toBeGreaterThan(0);
    expect(reader.events(sessionId, { text: 'thrust*' }).map((event) => event.seq)).toEqual([1, 2, 5]);
    const log = new EventLog({ lastSeq: events.length });
    const more = [log.append(error('thrust again'))];
    writer.write([{ sessionId, rows: more.map((event) => eventToRow(sessionId, event)) }], { indexText: true });
    expect(reader.events(sessionId, { text: 'thrust*' }).map((event) => event.seq)).toEqual([1, 2, 5, 6]);
    while (writer.indexTextBacklog(2) > 0);
    expect(reader.events(sessionId, { text: 'thrust*' }).map((event) => event.seq)).toEqual([1, 2, 5, 6]);
  });

  it('quotes every word of a search', () => {
    expect(textMatchExpression('max "thrust" dr*')).toBe('"max" """thrust""" "dr"*');
    expect(textMatchExpression('  ')).toBeNull();
  });
});
