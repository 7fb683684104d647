import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { errorMessage } from '../core/bus/errors';
import type { SessionRecording } from './session-recording';

/** The largest session file browser mode takes in (compressed): far above any real session. */
export const MAX_IMPORT_BYTES = 1024 ** 3;

const EXPORT_PATH = /^\/sessions\/(\d{1,7})\/export$/;
const IMPORT_PATH = '/sessions/import';

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** A body of at most `limit` bytes into `file`; rejects, naming the limit, when it is larger. */
async function receive(request: IncomingMessage, file: string, limit: number): Promise<void> {
  let received = 0;
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) request.destroy(new Error(`the file is larger than ${limit / 1024 ** 2} MB`));
  });
  await pipeline(request, createWriteStream(file));
}

/**
 * Browser mode's session files: `GET /sessions/<id>/export` downloads a session as gzip JSON lines,
 * `POST /sessions/import` (the file as the body) imports one as a new session. Both stream through
 * a temporary file, so no session is held in memory. Returns false for any other path.
 */
export async function serveSessionFile(request: IncomingMessage, response: ServerResponse, recording: SessionRecording | undefined): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const exported = EXPORT_PATH.exec(url.pathname);
  if (!exported && url.pathname !== IMPORT_PATH) return false;
  if (!recording) {
    json(response, 409, { ok: false, error: { message: 'this host records nothing, so it has no session files' } });
    return true;
  }
  const folder = mkdtempSync(join(tmpdir(), 'flightdeck-file-'));
  const file = join(folder, 'session.jsonl.gz');
  try {
    if (exported && request.method === 'GET') {
      const sessionId = Number(exported[1]);
      const summary = await recording.exportFile(sessionId, file);
      response.writeHead(200, {
        'content-type': 'application/gzip',
        'content-length': String(summary.bytes),
        'content-disposition': `attachment; filename="flightdeck-session-${sessionId}.jsonl.gz"`
      });
      await pipeline(createReadStream(file), response);
    } else if (!exported && request.method === 'POST') {
      await receive(request, file, MAX_IMPORT_BYTES);
      const name = url.searchParams.get('name') ?? undefined;
      json(response, 200, { ok: true, session: await recording.importFile(file, name) });
    } else {
      json(response, 405, { ok: false, error: { message: `${request.method ?? '?'} is not allowed on ${url.pathname}` } });
    }
  } catch (error) {
    if (!response.headersSent) json(response, 400, { ok: false, error: { message: errorMessage(error) } });
    else response.destroy();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return true;
}
