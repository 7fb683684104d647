import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../shared/aircraft';
import { openViolations } from '../../shared/projection';
import { openWorkspace, type Workspace } from './open-workspace';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
const folders: string[] = [];
const open: Workspace[] = [];

afterEach(async () => {
  for (const workspace of open.splice(0)) await workspace.close().catch(() => undefined);
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function workspaceIn(dataDir: string): Promise<Workspace> {
  const workspace = await openWorkspace({ dataDir, resourcesDir, initialScenario: 'f22a' });
  open.push(workspace);
  return workspace;
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-workspace-'));
  folders.push(dir);
  return dir;
}

describe('a workspace', () => {
  it('records every event of a session from the first, and a closed session is not reopened', async () => {
    const dataDir = folder();
    const first = await workspaceIn(dataDir);
    await first.recording.flush();
    const { lastSeq } = first.session.coordinator.log;
    expect(first.recording.events(first.recording.liveSessionId, { keep: 'oldest', limit: 5 }).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(first.recording.lastSeq(first.recording.liveSessionId)).toBe(lastSeq);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await workspaceIn(dataDir);
    expect(second.resumed).toBeUndefined();
    expect(second.recording.sessions().map((s) => [s.id, s.endedAt === null])).toEqual([
      [2, true],
      [1, false]
    ]);
  });

  it('reopens a session whose host died where it stopped: same version, violations and numbering', async () => {
    const dataDir = folder();
    const first = await workspaceIn(dataDir);
    const { coordinator } = first.session;
    const configuration = coordinator.configuration?.configuration as AircraftConfiguration;
    await coordinator.processConfigurationChange({ ...configuration, basePlatform: { ...configuration.basePlatform, powerGenerationKW: 30 } });
    await coordinator.whenQuiet();
    await first.recording.flush();
    const before = coordinator.state;
    const lastSeq = coordinator.log.lastSeq;
    // The host dies: its store stops with what it committed, and nothing ends the session.
    open.splice(open.indexOf(first), 1);
    await first.store.close();
    await first.session.dispose();

    const second = await workspaceIn(dataDir);
    expect(second.resumed?.id).toBe(first.recording.liveSessionId);
    const state = second.session.coordinator.state;
    expect(state.configuration?.version).toBe(before.configuration?.version);
    expect(openViolations(state).map((v) => v.violationId).sort()).toEqual(openViolations(before).map((v) => v.violationId).sort());
    const resumedStart = second.session.coordinator.log.query({ eventType: 'session_started' })[0];
    expect(resumedStart?.seq).toBeGreaterThan(lastSeq);
    expect(second.recording.liveSessionId).toBe(first.recording.liveSessionId);
  });
});
