import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { projectAll } from '../../shared/projection';
import { EventLog } from '../core/log/event-log';
import { LiveProjection } from '../core/log/live-projection';
import { EventStore } from './event-store';
import { SCHEMA_VERSION } from './schema';
import { SessionFileError } from './session-file';
import { eventStream, stored } from './test-events';

let dir: string;
let store: EventStore;
let sessionId: number;
let events: EngineEvent[];
let exported: string;
let lines: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flightdeck-files-'));
  store = EventStore.open(':memory:');
  sessionId = store.sessions.create({ name: 'Storm "test" ✈', aircraft: 'F-22A', startedAt: 1_700_000_000_000 }).id;
  const log = new EventLog();
  const projection = new LiveProjection(log);
  const recorder = store.record(log, { sessionId, state: () => projection.state, snapshotEvery: 500 });
  events = eventStream(31, 2500).map((input) => stored(log.append(input)));
  await recorder.close();
  store.sessions.end(sessionId, 1_700_000_360_000);
  exported = join(dir, 'storm.jsonl.gz');
  await store.exportSession(sessionId, exported);
  lines = gunzipSync(readFileSync(exported)).toString('utf8').split('\n');
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a variant of the exported file: its lines edited, gzipped (or the raw bytes given). */
function variant(name: string, edit: (lines: string[]) => string[] | Buffer): string {
  const path = join(dir, name);
  const edited = edit([...lines]);
  writeFileSync(path, Buffer.isBuffer(edited) ? edited : gzipSync(edited.join('\n')));
  return path;
}

describe('session files', () => {
  it('export writes a header and one event per line; import gives the same session under a new id', async () => {
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      format: 'flightdeck-session/1',
      schemaVersion: SCHEMA_VERSION,
      session: { name: 'Storm "test" ✈', aircraft: 'F-22A', startedAt: 1_700_000_000_000, endedAt: 1_700_000_360_000, eventCount: 2500, lastSeq: 2500 }
    });
    expect(lines.slice(1, -1).map((line) => JSON.parse(line))).toEqual(events);
    const imported = await store.importSession(exported, { snapshotEvery: 500 });
    expect(imported).toMatchObject({ name: 'Storm "test" ✈', aircraft: 'F-22A', startedAt: 1_700_000_000_000, endedAt: 1_700_000_360_000, eventCount: 2500, lastSeq: 2500 });
    expect(imported.id).not.toBe(sessionId);
    expect([...store.reader.pages(imported.id, 0, 2500)].flat()).toEqual(events);
    for (const seq of [1, 499, 500, 1234, 2500]) expect(store.reader.stateAt(imported.id, seq)).toEqual(projectAll(events.slice(0, seq)));
    expect(store.recover(imported.id).snapshotSeq).toBeGreaterThan(0);
    expect(store.reader.events(imported.id, { correlationId: 'chain-3' }).map((e) => e.seq)).toEqual(store.reader.events(sessionId, { correlationId: 'chain-3' }).map((e) => e.seq));
    expect(store.reader.events(imported.id, { targetEngine: 'consistency_manager', limit: 50 })).toEqual(store.reader.events(sessionId, { targetEngine: 'consistency_manager', limit: 50 }));
    expect(store.reader.events(imported.id, { text: 'wing', limit: 5 }).length).toBeGreaterThan(0);
    expect(store.sessions.delete(imported.id)).toBe(true);
  });

  const bad: [string, (lines: string[]) => string[] | Buffer, RegExp, number][] = [
    ['a line that is not JSON', (l) => ((l[5] = '{"seq": 5, oops'), l), /invalid JSON/, 6],
    ['an event its schema refuses', (l) => ((l[7] = JSON.stringify({ ...JSON.parse(l[7] as string), priority: 'URGENT' })), l), /invalid event: priority/, 8],
    ['a payload its schema refuses', (l) => ((l[9] = l[9]?.replace('"data":{', '"data":{"unexpected":1,') as string), l), /invalid event: data/, 10],
    ['a newer format', (l) => ((l[0] = (l[0] as string).replace('flightdeck-session/1', 'flightdeck-session/2')), l), /format "flightdeck-session\/2" is newer/, 1],
    ['a newer store schema', (l) => ((l[0] = (l[0] as string).replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":70')), l), /schema version 70, newer/, 1],
    ['another kind of file', (l) => ['{"format":"something-else/1"}', ...l.slice(1)], /not a Flightdeck session file/, 1],
    ['events out of order', (l) => [l[0], l[1], l[2], l[4], l[3], ...l.slice(5)] as string[], /seq 3 does not follow seq 4/, 5],
    ['a file cut at a line', (l) => l.slice(0, 1000), /ends after 999 of the 2500 events/, 1000],
    ['a truncated gzip', () => readFileSync(exported).subarray(0, Math.floor(readFileSync(exported).length / 2)), /cut short/, -1],
    ['bytes that are not gzip', (l) => Buffer.from(l.join('\n')), /not a valid gzip stream/, 1],
    ['an empty file', () => Buffer.alloc(0), /cut short|empty/, -1]
  ];
  for (const [what, edit, problem, line] of bad) {
    it(`refuses ${what}, naming the problem and the line, and changes nothing`, async () => {
      const before = store.sessions.list();
      const path = variant(`${what.replace(/\W+/g, '-')}.jsonl.gz`, edit);
      const error = await store.importSession(path).then(
        () => undefined,
        (thrown: unknown) => thrown
      );
      expect(error).toBeInstanceOf(SessionFileError);
      expect((error as SessionFileError).message).toMatch(problem);
      if (line > 0) expect((error as SessionFileError).line).toBe(line);
      else expect((error as SessionFileError).line).toBeGreaterThan(0);
      expect((error as SessionFileError).message).toMatch(new RegExp(`^line ${(error as SessionFileError).line}: `));
      expect(store.sessions.list()).toEqual(before);
      expect(store.reader.lastSeq(sessionId)).toBe(2500);
    });
  }

  it('writes the file under its name only once it is complete', async () => {
    await expect(store.exportSession(999, join(dir, 'missing.jsonl.gz'))).rejects.toThrow(/not in the store/);
    await expect(store.exportSession(sessionId, join(dir, 'no-such-dir', 'x.jsonl.gz'))).rejects.toThrow();
  });
});
