import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, WireRequestSchema, type WireServerMessage } from '../../shared/protocol';
import type { SessionHost } from './session-host';
import { invalidRequest } from './payload-errors';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

export interface WebServerOptions {
  host: SessionHost;
  /** The built renderer (electron-vite's `out/renderer`). */
  staticDir: string;
  port?: number;
  /** Loopback by default: browser mode is for this machine unless the user says otherwise. */
  bindAddress?: string;
  /** Fixed token (tests); a random one per start otherwise. */
  token?: string;
  /** A client whose socket buffers more than this is backed up; its events wait or drop. */
  maxBufferedBytes?: number;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'flightdeck_token';
const MAX_MESSAGE_BYTES = 1024 * 1024;

function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Which Host headers a request may carry. On loopback only this server's own names (a page on
 * another site that rebinds its DNS to 127.0.0.1 is refused even before the token); bound to
 * a network address, any name for this port, since other screens reach it by their own name.
 */
function hostCheck(bindAddress: string, printable: string, port: number): (host: string) => boolean {
  if (LOOPBACK.has(bindAddress)) {
    const allowed = new Set([`${printable}:${port}`, `localhost:${port}`]);
    return (host) => allowed.has(host);
  }
  return (host) => host.endsWith(`:${port}`);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${message}\n`);
}

/**
 * Browser mode: serves the built renderer and a WebSocket carrying the same protocol as
 * Electron IPC. A random token (in the printed URL) is required for the page and the
 * socket; a socket from any other origin, or for any other Host, is refused.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bindAddress = options.bindAddress ?? '127.0.0.1';
  const maxBufferedBytes = options.maxBufferedBytes ?? 4 * 1024 * 1024;
  const assets = sirv(options.staticDir, { dev: false, etag: true, gzip: false, brotli: false });
  let hostAllowed: (host: string) => boolean = () => false;

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!hostAllowed(request.headers.host ?? '')) return refuse(response, 421, 'unexpected Host header');
    const queryToken = url.searchParams.get('token');
    if (tokenMatches(token, queryToken)) {
      response.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (!tokenMatches(token, cookieToken(request))) {
      return refuse(response, 401, 'Flightdeck: open the URL printed by `npm run serve` (it carries the session token)');
    }
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('cache-control', 'no-store');
    assets(request, response, () => refuse(response, 404, 'not found'));
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const hostHeader = request.headers.host ?? '';
    if (!hostAllowed(hostHeader)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (url.pathname !== '/ws') return refuseUpgrade(socket, 404, 'Not Found');
    if (!tokenMatches(token, url.searchParams.get('token'))) return refuseUpgrade(socket, 401, 'Unauthorized');
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${hostHeader}`) return refuseUpgrade(socket, 403, 'Forbidden');
    sockets.handleUpgrade(request, socket, head, (ws) => serveClient(ws, options.host, maxBufferedBytes));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindAddress, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const printable = bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
  hostAllowed = hostCheck(bindAddress, printable, port);
  return {
    url: `http://${printable}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}

function send(ws: WebSocket, message: WireServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/** One browser tab: commands in, stream out, until it disconnects. */
function serveClient(ws: WebSocket, host: SessionHost, maxBufferedBytes: number): void {
  send(ws, { kind: 'hello', protocol: PROTOCOL_VERSION, sessionId: randomUUID(), serverTime: Date.now() });
  const stream = host.attachClient((batch) => send(ws, { kind: 'stream', batch }), {
    canSend: () => ws.bufferedAmount < maxBufferedBytes
  });
  ws.on('message', (raw, isBinary) => {
    void handleMessage(ws, host, raw.toString(), isBinary);
  });
  ws.on('close', () => stream.dispose());
  ws.on('error', () => stream.dispose());
}

async function handleMessage(ws: WebSocket, host: SessionHost, text: string, isBinary: boolean): Promise<void> {
  if (isBinary) {
    send(ws, { kind: 'result', id: null, result: { ok: false, error: { code: 'invalid_request', message: 'binary messages are not accepted' } } });
    return;
  }
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    send(ws, { kind: 'result', id: null, result: { ok: false, error: { code: 'invalid_request', message: 'message is not valid JSON' } } });
    return;
  }
  const parsed = WireRequestSchema.safeParse(message);
  if (!parsed.success) {
    const id = typeof (message as { id?: unknown })?.id === 'number' ? ((message as { id: number }).id) : null;
    send(ws, { kind: 'result', id: Number.isInteger(id) && (id as number) >= 0 ? id : null, result: { ok: false, error: invalidRequest('message', parsed.error) } });
    return;
  }
  const result = await host.invoke(parsed.data.command, parsed.data.payload);
  send(ws, { kind: 'result', id: parsed.data.id, result });
}
