import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { errorMessage } from '../core/bus/errors';
import type { SessionRecording } from './session-recording';

/** The largest session file the host takes in (compressed): far above any real session. */
export const MAX_IMPORT_BYTES = 1024 ** 3;

const EXPORT_PATH = /^\/sessions\/(\d{1,7})\/export$/;
const IMPORT_PATH = '/sessions/import';

/** Whether a path is one of the session-file routes (checked before a request body is touched). */
export function isSessionFilePath(pathname: string): boolean {
  return pathname === IMPORT_PATH || EXPORT_PATH.test(pathname);
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** Passes at most `limit` bytes; past it fails, naming the limit. */
function atMost(limit: number): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > limit) done(new Error(`the file is larger than ${limit / 1024 ** 2} MB`));
      else done(null, chunk);
    }
  });
}

/**
 * The session files of both modes, as Fetch requests and responses (browser mode's HTTP server
 * adapts to them; the desktop app's `app://` protocol handler takes them as they are):
 * `GET /sessions/<id>/export` downloads a session as gzip JSON lines, `POST /sessions/import`
 * (the file as the body) imports one as a new session. Both go through a temporary file, so no
 * session is held in memory. `undefined` for any other path.
 */
export async function sessionFileResponse(request: Request, recording: SessionRecording | undefined): Promise<Response | undefined> {
  const url = new URL(request.url);
  const exported = EXPORT_PATH.exec(url.pathname);
  if (!exported && url.pathname !== IMPORT_PATH) return undefined;
  if (!recording) return json(409, { ok: false, error: { message: 'this host records nothing, so it has no session files' } });
  const folder = mkdtempSync(join(tmpdir(), 'flightdeck-file-'));
  const removeFolder = (): void => rmSync(folder, { recursive: true, force: true });
  const file = join(folder, 'session.jsonl.gz');
  try {
    if (exported && request.method === 'GET') {
      const sessionId = Number(exported[1]);
      const summary = await recording.exportFile(sessionId, file);
      // The folder goes once the file is read (or the download is abandoned).
      const body = createReadStream(file).once('close', removeFolder);
      return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
        status: 200,
        headers: {
          'content-type': 'application/gzip',
          'content-length': String(summary.bytes),
          'content-disposition': `attachment; filename="flightdeck-session-${sessionId}.jsonl.gz"`
        }
      });
    }
    if (!exported && request.method === 'POST') {
      if (!request.body) throw new Error('the request carries no file');
      await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), atMost(MAX_IMPORT_BYTES), createWriteStream(file));
      const name = url.searchParams.get('name') ?? undefined;
      const session = await recording.importFile(file, name);
      removeFolder();
      return json(200, { ok: true, session });
    }
    removeFolder();
    return json(405, { ok: false, error: { message: `${request.method} is not allowed on ${url.pathname}` } });
  } catch (error) {
    removeFolder();
    return json(400, { ok: false, error: { message: errorMessage(error) } });
  }
}
