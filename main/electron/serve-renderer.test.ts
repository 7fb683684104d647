import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';
import { sessionFileResponse } from '../host/session-files';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';

// Electron's protocol module, replaced by a recorder: the handler itself runs for real, on
// real files, with the Fetch API Request and Response Electron's protocol.handle also uses.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  privileged: [] as unknown[]
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => electron.handlers.set(scheme, handler)
  }
}));
const { registerAppScheme, serveRenderer } = await import('./serve-renderer');

let dir: string;
let rendererDir: string;
let workspace: Workspace;
function request(url: string, method = 'GET', body?: Uint8Array): Promise<Response> {
  const handler = electron.handlers.get('app');
  if (!handler) throw new Error('app: is not handled');
  return handler(new Request(url, { method, body }));
}

beforeAll(async () => {
  workspace = await openWorkspace({ dataDir: ':memory:', resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)), initialScenario: 'f22a' });
  dir = mkdtempSync(join(tmpdir(), 'flightdeck-protocol-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Flightdeck</title>');
  writeFileSync(join(rendererDir, 'assets', 'index.js'), 'console.log(1);');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  symlinkSync(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  serveRenderer(rendererDir, (req) => sessionFileResponse(req, workspace.recording));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await workspace.close();
});

describe('registerAppScheme', () => {
  it('registers app: as standard and secure, without CORS or CSP bypass', () => {
    registerAppScheme();
    expect(electron.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
    ]);
  });
});

describe('serveRenderer', () => {
  it('serves the page and its assets with their type and the browser-mode CSP', async () => {
    const page = await request('app://flightdeck/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Flightdeck</title>');
    const script = await request('app://flightdeck/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
  });

  it.each([
    'app://flightdeck/missing.js',
    'app://flightdeck/assets',
    'app://flightdeck/assets/link.txt',
    'app://flightdeck/..%2fsecret.txt',
    'app://flightdeck/%2e%2e/secret.txt',
    'app://other/index.html'
  ])('answers 404 for %s, with the CSP', async (url) => {
    const response = await request(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await request('app://flightdeck/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await request('app://flightdeck/index.html', 'POST')).status).toBe(405);
  });
});

describe('serveRenderer session files', () => {
  it('exports a session and imports it back on app://flightdeck/sessions/…, as browser mode does', async () => {
    const exported = await request(`app://flightdeck/sessions/${workspace.recording.liveSessionId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="flightdeck-session-\d+\.jsonl\.gz"/);
    const file = new Uint8Array(await exported.arrayBuffer());
    const lines = gunzipSync(file).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ format: 'flightdeck-session/1' });

    const imported = await request('app://flightdeck/sessions/import?name=desktop%20copy', 'POST', file);
    expect(imported.status).toBe(200);
    const body = (await imported.json()) as { ok: boolean; session: { id: number; name: string; eventCount: number } };
    expect(body).toMatchObject({ ok: true, session: { name: 'desktop copy', eventCount: lines.length - 1 } });
    expect(workspace.recording.sessions().map((s) => s.id)).toContain(body.session.id);
  });

  it('refuses a file that is not a session, naming the problem, and changes nothing', async () => {
    const before = workspace.recording.sessions();
    const answer = await request('app://flightdeck/sessions/import', 'POST', new TextEncoder().encode('not gzip'));
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
    expect(workspace.recording.sessions()).toEqual(before);
  });
});
