import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocket, WebSocketServer } from 'ws';
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, WIRE_LIMITS, type WireServerMessage } from '../../shared/protocol';
import type { SessionHost } from './session-host';
import { CLOSE_POLICY_VIOLATION, CLOSE_TOO_BIG, ClientConnection, DEFAULT_CLIENT_LIMITS, type ClientLimits } from './client-connection';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { serveSessionFile } from './session-file-routes';

export interface WebServerOptions {
  host: SessionHost;
  /** The built renderer (electron-vite's `out/renderer`); omitted, only the socket is served (chaos, fuzz and soak runs). */
  staticDir?: string;
  port?: number;
  /** Loopback by default: browser mode is for this machine unless the user says otherwise. */
  bindAddress?: string;
  /** Fixed token (tests); a random one per start otherwise. */
  token?: string;
  /** Per-client budgets (stream, pause, disconnect); defaults in `DEFAULT_CLIENT_LIMITS`. */
  limits?: Partial<ClientLimits>;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'flightdeck_token';

function noAssets(_request: IncomingMessage, _response: ServerResponse, next: () => void): void {
  next();
}

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
  const limits: ClientLimits = { ...DEFAULT_CLIENT_LIMITS, ...options.limits };
  const assets = options.staticDir === undefined ? noAssets : sirv(options.staticDir, { dev: false, etag: true, gzip: false, brotli: false });
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
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers.origin !== `http://${request.headers.host ?? ''}`) {
      return refuse(response, 403, 'Flightdeck: a request that changes something must come from its own page');
    }
    serveSessionFile(request, response, options.host.recording).then(
      (served) => served || assets(request, response, () => refuse(response, 404, 'not found')),
      () => response.destroy()
    );
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: WIRE_LIMITS.maxMessageBytes, WebSocket: LimitedWebSocket });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const hostHeader = request.headers.host ?? '';
    if (!hostAllowed(hostHeader)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (url.pathname !== '/ws') return refuseUpgrade(socket, 404, 'Not Found');
    if (!tokenMatches(token, url.searchParams.get('token'))) return refuseUpgrade(socket, 401, 'Unauthorized');
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${hostHeader}`) return refuseUpgrade(socket, 403, 'Forbidden');
    sockets.handleUpgrade(request, socket, head, (ws) => serveClient(ws as LimitedWebSocket, options.host, limits));
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

/**
 * ws closes a socket whose message passes `maxPayload` with 1009 and no word of why. Here that
 * close first lets the connection answer with a JSON error naming the limit, then closes with
 * the reason.
 */
class LimitedWebSocket extends WebSocket {
  onOversize: (() => void) | undefined;

  override close(code?: number, data?: string | Buffer): void {
    const oversize = this.onOversize;
    if (code === CLOSE_TOO_BIG && data === undefined && oversize && this.readyState === WebSocket.OPEN) {
      this.onOversize = undefined;
      oversize();
      return;
    }
    super.close(code, data);
  }
}

/** How long a client cut off for not reading has to read its close frame before its socket is dropped. */
const ABANDONED_CLIENT_GRACE_MS = 1000;

/** One browser tab: commands in, stream out, until it disconnects. */
function serveClient(ws: LimitedWebSocket, host: SessionHost, limits: ClientLimits): void {
  const open = (): boolean => ws.readyState === WebSocket.OPEN;
  const connection = new ClientConnection(
    host,
    {
      send: (text, written) => {
        if (open()) ws.send(text, written && (() => written()));
      },
      bufferedBytes: () => ws.bufferedAmount,
      pause: () => ws.pause(),
      resume: () => ws.resume(),
      close: (code, reason, abandon) => {
        ws.close(code, reason);
        // ws would hold an unread client's buffer until its 30 s close timeout.
        if (abandon) setTimeout(() => ws.terminate(), ABANDONED_CLIENT_GRACE_MS).unref();
      }
    },
    limits
  );
  ws.onOversize = () =>
    connection.refuse(
      { code: 'limit_exceeded', field: 'maxMessageBytes', message: `message is larger than the ${WIRE_LIMITS.maxMessageBytes / (1024 * 1024)} MiB limit` },
      CLOSE_TOO_BIG
    );
  if (open()) ws.send(JSON.stringify({ kind: 'hello', protocol: PROTOCOL_VERSION, sessionId: randomUUID(), serverTime: Date.now() } satisfies WireServerMessage));
  ws.on('message', (raw, isBinary) => {
    if (isBinary) {
      connection.refuse({ code: 'invalid_request', message: 'binary messages are not accepted' }, CLOSE_POLICY_VIOLATION);
      return;
    }
    host.guard('a client message', () => connection.receive(raw.toString()));
  });
  ws.on('close', () => connection.dispose());
  ws.on('error', () => connection.dispose());
}
