import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { EventReader } from './event-reader';
import { SCHEMA_VERSION } from './schema';
import type { SessionCatalog } from './session-catalog';
import { SESSION_FILE_FORMAT, type SessionFileHeader } from './session-file';

export interface ExportSummary {
  events: number;
  /** Size of the compressed file. */
  bytes: number;
}

/**
 * Writes a session to a gzip JSON-lines file (`session-file.ts`), streamed: events are read a
 * page at a time as the compressor asks for more, so memory stays flat at any session size. The
 * file appears under its name only once complete (written beside it, then renamed).
 *
 * @example
 * await exportSession(reader, catalog, sessionId, '/tmp/storm.flightdeck.jsonl.gz');
 */
export async function exportSession(reader: EventReader, catalog: SessionCatalog, sessionId: number, file: string): Promise<ExportSummary> {
  const found = catalog.get(sessionId);
  if (!found) throw new Error(`session ${sessionId} is not in the store`);
  const session = found;
  const lastSeq = reader.lastSeq(sessionId);
  let events = 0;
  function* lines(): Generator<string> {
    // A session still recording keeps growing: the file holds the events stored up to lastSeq now.
    const header: SessionFileHeader = {
      format: SESSION_FILE_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: Date.now(),
      session: {
        name: session.name,
        aircraft: session.aircraft,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        eventCount: reader.count(sessionId, 0, lastSeq),
        lastSeq
      }
    };
    yield `${JSON.stringify(header)}\n`;
    for (const page of reader.pages(sessionId, 0, lastSeq)) {
      events += page.length;
      yield `${page.map((event) => JSON.stringify(event)).join('\n')}\n`;
    }
  }
  const partial = `${file}.partial`;
  const output = createWriteStream(partial);
  try {
    await pipeline(Readable.from(lines(), { objectMode: false }), createGzip(), output);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { events, bytes: output.bytesWritten };
}
