import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { useSessionHost } from './test-session-host';
import { startWebServer, type RunningWebServer } from './web-server';

// Hooks run in order and after-hooks in reverse: the server starts after the host, closes before it.
const fixture = useSessionHost();
let server: RunningWebServer;
let origin: string;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'flightdeck-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Flightdeck</title>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  server = await startWebServer({ host: fixture.host, staticDir });
  origin = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
});

function httpGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every message each socket received, from the first one on (the hello comes at once). */
const received = new Map<WebSocket, { kind: string }[]>();

/** Opens a socket; resolves with it once open, or with the HTTP status that refused it. */
function connect(path: string, headers: Record<string, string> = { Origin: origin }): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    const log: { kind: string }[] = [];
    received.set(ws, log);
    ws.on('message', (raw) => log.push(JSON.parse(raw.toString()) as { kind: string }));
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => undefined);
  });
}

/** Collects `result` messages until `count` have arrived. */
function results(ws: WebSocket, count: number): Promise<{ id: number | null; result: { ok: boolean; error?: { code: string; message: string; field?: string } } }[]> {
  const got: { id: number | null; result: { ok: boolean } }[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${got.length} of ${count} results arrived`)), 20_000);
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { kind: string; id: number | null; result: { ok: boolean } };
      if (message.kind !== 'result') return;
      got.push(message);
      if (got.length === count) {
        clearTimeout(timer);
        resolve(got as never);
      }
    });
  });
}

describe('browser mode: page and token', () => {
  it('refuses the page without the token and serves it with the token, setting a cookie', async () => {
    expect((await httpGet('/')).status).toBe(401);
    const ok = await httpGet(`/?token=${server.token}`);
    expect(ok.status).toBe(200);
    expect(String(ok.headers['set-cookie'])).toMatch(/flightdeck_token=.*HttpOnly; SameSite=Strict/);
    expect(String(ok.headers['content-security-policy'])).toMatch(/script-src 'self'/);
  });

  it('serves assets to a page holding the cookie, and refuses a wrong token', async () => {
    expect((await httpGet('/app.js', { cookie: `flightdeck_token=${server.token}` })).status).toBe(200);
    expect((await httpGet('/app.js', { cookie: 'flightdeck_token=guess' })).status).toBe(401);
  });

  it('refuses a request for another Host (DNS rebinding)', async () => {
    expect((await httpGet(`/?token=${server.token}`, { host: 'evil.example:80' })).status).toBe(421);
  });

  it('bound to all interfaces, serves other screens by whatever name they use for it', async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'flightdeck-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const shared = await startWebServer({ host: fixture.host, staticDir, bindAddress: '0.0.0.0' });
    try {
      const get = (hostHeader: string, token: string): Promise<number> =>
        new Promise((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: shared.port, path: `/?token=${token}`, headers: { host: hostHeader } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await get(`wall-display.lan:${shared.port}`, shared.token)).toBe(200);
      expect(await get(`wall-display.lan:${shared.port}`, 'wrong')).toBe(401);
    } finally {
      await shared.close();
    }
  });
});

describe('browser mode: WebSocket security', () => {
  it('refuses a socket without the token', async () => {
    expect(await connect('/ws')).toBe(401);
  });

  it('refuses a socket with a wrong token', async () => {
    expect(await connect('/ws?token=not-the-token')).toBe(401);
  });

  it('refuses a socket from another origin', async () => {
    expect(await connect(`/ws?token=${server.token}`, { Origin: 'http://evil.example' })).toBe(403);
  });

  it('accepts the right token and origin, says hello, and streams', async () => {
    const ws = (await connect(`/ws?token=${server.token}`)) as WebSocket;
    const log = received.get(ws) ?? [];
    for (let i = 0; i < 100 && !log.some((m) => m.kind === 'stream'); i++) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    expect(log[0]?.kind).toBe('hello');
    expect(log.some((m) => m.kind === 'stream')).toBe(true);
  });

  it('answers malformed messages with errors that name the problem, and the session keeps working', async () => {
    const ws = (await connect(`/ws?token=${server.token}`)) as WebSocket;
    const answers = results(ws, 5);
    ws.send('{not json');
    ws.send(JSON.stringify({ kind: 'invoke', id: 1, command: 'status.get' }).replace('"invoke"', '"launch"'));
    ws.send(JSON.stringify({ kind: 'invoke', id: 2, command: 'no.such.command', payload: {} }));
    ws.send(JSON.stringify({ kind: 'invoke', id: 3, command: 'engine.fault', payload: { engineId: 'sensors', fault: { kind: 'melt' } } }));
    ws.send(JSON.stringify({ kind: 'invoke', id: 4, command: 'status.get', payload: {} }));
    const got = await answers;
    ws.close();
    expect(got[0]).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_request', message: 'message is not valid JSON' } } });
    expect(got[1]).toMatchObject({ id: 1, result: { ok: false, error: { code: 'invalid_request', field: 'kind' } } });
    expect(got[2]).toMatchObject({ id: 2, result: { ok: false, error: { code: 'unknown_command' } } });
    expect(got[3]).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_request', field: 'fault.kind' } } });
    expect(got[4]).toMatchObject({ id: 4, result: { ok: true } });
  });

  it('survives 1,000 random malformed messages, answering each with an error', async () => {
    const ws = (await connect(`/ws?token=${server.token}`)) as WebSocket;
    const junk = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ kind: fc.constant('invoke'), id: fc.integer({ min: 0, max: 1e6 }), command: fc.string(), payload: fc.anything() }),
      fc.record({ kind: fc.constant('invoke'), id: fc.integer({ min: 0, max: 1e6 }), command: fc.constantFrom('engine.fault', 'configuration.apply', 'rules.add', 'history.query'), payload: fc.anything() }).map((m) => JSON.stringify(m))
    );
    const messages = fc.sample(junk, { numRuns: 1000, seed: 42 }).map((m) => (typeof m === 'string' ? m : JSON.stringify(m)));
    const answers = results(ws, messages.length + 1);
    for (const message of messages) ws.send(message);
    ws.send(JSON.stringify({ kind: 'invoke', id: 9_999_999, command: 'status.get', payload: {} }));
    const got = await answers;
    ws.close();
    const last = got.find((g) => g.id === 9_999_999);
    expect(last?.result.ok).toBe(true);
    const others = got.filter((g) => g.id !== 9_999_999);
    expect(others).toHaveLength(1000);
    // Random junk can by chance be a valid command (history.query {} is one); everything else is an error.
    const errors = others.filter((g) => !g.result.ok);
    expect(errors.length).toBeGreaterThan(950);
    for (const e of errors) expect(e.result.error?.message.length).toBeGreaterThan(0);
  });

  it('answers a message over the size limit with a JSON error naming the limit, then closes with the reason', async () => {
    const ws = (await connect(`/ws?token=${server.token}`)) as WebSocket;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.send(JSON.stringify({ kind: 'invoke', id: 1, command: 'configuration.validate', payload: { configuration: 'x'.repeat(3 * 1024 * 1024) } }));
    const { code, reason } = await closed;
    expect(code).toBe(1009);
    expect(reason).toBe('message is larger than the 1 MiB limit');
    const error = (received.get(ws) ?? []).find((m) => m.kind === 'result') as { result: { error: { code: string; field: string } } } | undefined;
    expect(error?.result.error).toMatchObject({ code: 'limit_exceeded', field: 'maxMessageBytes' });
    // The host goes on serving.
    const next = (await connect(`/ws?token=${server.token}`)) as WebSocket;
    const answer = results(next, 1);
    next.send(JSON.stringify({ kind: 'invoke', id: 2, command: 'status.get', payload: {} }));
    expect((await answer)[0]?.result.ok).toBe(true);
    next.close();
  });
});
