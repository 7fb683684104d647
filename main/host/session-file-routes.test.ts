import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { SessionHost } from './session-host';
import { startWebServer, type RunningWebServer } from './web-server';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
let workspace: Workspace;
let host: SessionHost;
let server: RunningWebServer;

beforeAll(async () => {
  workspace = await openWorkspace({ dataDir: ':memory:', resourcesDir, initialScenario: 'f22a' });
  host = new SessionHost(workspace.session, workspace.recording);
  server = await startWebServer({ host, token: 'test-token' });
});

afterAll(async () => {
  await server.close();
  host.dispose();
  await workspace.close();
});

const origin = (): string => `http://127.0.0.1:${server.port}`;
const cookie = { cookie: 'flightdeck_token=test-token' };

function upload(body: Uint8Array, headers: Record<string, string> = { origin: origin() }): Promise<Response> {
  return fetch(`${origin()}/sessions/import?name=copy`, { method: 'POST', body, headers: { ...cookie, ...headers } });
}

describe('session files over HTTP', () => {
  it('downloads the live session as gzip JSON lines and imports it back as a new session', async () => {
    const download = await fetch(`${origin()}/sessions/${workspace.recording.liveSessionId}/export`, { headers: cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/flightdeck-session-1\.jsonl\.gz/);
    const file = new Uint8Array(await download.arrayBuffer());
    const lines = gunzipSync(file).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ format: 'flightdeck-session/1' });
    expect(JSON.parse(lines[1] as string)).toMatchObject({ seq: 1, eventType: 'session_started' });

    const imported = await upload(file);
    const body = (await imported.json()) as { ok: boolean; session: { id: number; name: string; eventCount: number } };
    expect(body).toMatchObject({ ok: true, session: { name: 'copy', eventCount: lines.length - 1 } });
    expect(workspace.recording.sessions().map((s) => s.id)).toContain(body.session.id);
  });

  it('refuses a bad file naming the problem and line, and keeps every session as it was', async () => {
    const before = workspace.recording.sessions();
    const header = JSON.stringify({ format: 'flightdeck-session/1', schemaVersion: 1, exportedAt: 0, session: { name: 'x', aircraft: null, startedAt: 0, endedAt: null, eventCount: 1, lastSeq: 1 } });
    const answer = await upload(gzipSync(`${header}\n{"seq":1,"eventType":"nonsense"}\n`));
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/line 2/);
    expect(workspace.recording.sessions()).toEqual(before);
  });

  it('refuses an upload from another origin and a download without the token', async () => {
    expect((await upload(new Uint8Array([1]), { origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(`${origin()}/sessions/1/export`)).status).toBe(401);
  });
});
