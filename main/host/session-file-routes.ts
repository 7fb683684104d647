import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isSessionFilePath, sessionFileResponse } from './session-files';
import type { SessionRecording } from './session-recording';

/**
 * Browser mode's session files over its HTTP server (`sessionFileResponse` decides; this only
 * turns a Node request into a Fetch one and writes the answer back). False for any other path.
 */
export async function serveSessionFile(request: IncomingMessage, response: ServerResponse, recording: SessionRecording | undefined): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!isSessionFilePath(url.pathname)) return false;
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const fetchRequest = new Request(url, {
    method,
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : null,
    // Node's fetch requires this for a streamed body.
    ...(hasBody ? { duplex: 'half' } : {})
  } as RequestInit);
  const answer = await sessionFileResponse(fetchRequest, recording);
  if (!answer) return false;
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (answer.body) await pipeline(Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>), response);
  else response.end();
  return true;
}
