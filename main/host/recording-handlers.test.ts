import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../shared/aircraft';
import { openViolations } from '../../shared/projection';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { createFlightdeckSession } from '../engines/session/create-session';
import { SessionHost } from './session-host';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
let workspace: Workspace;
let host: SessionHost;
let openedAt = 0;
let resolvedAt = 0;

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

beforeAll(async () => {
  workspace = await openWorkspace({ dataDir: ':memory:', resourcesDir, initialScenario: 'f22a' });
  host = new SessionHost(workspace.session, workspace.recording);
  const { coordinator } = workspace.session;
  const configuration = coordinator.configuration?.configuration as AircraftConfiguration;
  await coordinator.processConfigurationChange({ ...configuration, basePlatform: { ...configuration.basePlatform, powerGenerationKW: 30 } });
  openedAt = coordinator.log.query({ eventType: 'violation_opened' }).at(-1)?.seq ?? 0;
  await coordinator.processConfigurationChange(configuration);
  resolvedAt = coordinator.log.query({ eventType: 'violation_resolved' }).at(-1)?.seq ?? 0;
});

afterAll(async () => {
  host.dispose();
  await workspace.close();
});

describe('the recording commands', () => {
  it('lists the live session with its events and the store health', async () => {
    const { liveSessionId, sessions, store } = await ok(host.invoke('sessions.list', {}));
    expect(sessions.map((s) => s.id)).toEqual([liveSessionId]);
    expect(store).toMatchObject({ path: ':memory:', failures: 0, lostEvents: 0 });
  });

  it('pages the store from the first event, forwards and backwards, and searches payload text', async () => {
    const first = await ok(host.invoke('history.page', { keep: 'oldest', limit: 3 }));
    expect(first.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(first.more).toBe(true);
    const before = await ok(host.invoke('history.page', { beforeSeq: 4, limit: 10 }));
    expect(before).toMatchObject({ more: false });
    expect(before.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    const found = await ok(host.invoke('history.page', { text: 'power_budget', eventType: 'violation_opened' }));
    expect(found.events.map((e) => e.seq)).toContain(openedAt);
  });

  it('travels back to a violation that has since resolved', async () => {
    const live = workspace.session.coordinator.state;
    expect(openViolations(live).some((v) => v.ruleId === 'power_budget')).toBe(false);
    const then = await ok(host.invoke('session.stateAt', { seq: openedAt }));
    expect(then.event?.eventType).toBe('violation_opened');
    expect(openViolations(then.state).some((v) => v.ruleId === 'power_budget')).toBe(true);
    const after = await ok(host.invoke('session.stateAt', { seq: resolvedAt }));
    expect(openViolations(after.state).some((v) => v.ruleId === 'power_budget')).toBe(false);
  });

  it('re-judges the session against an edited rule without touching the live one', async () => {
    const unchanged = await ok(host.invoke('whatif.rejudge', { edits: [] }));
    expect(unchanged.totals).toMatchObject({ opened: 0, noLongerOpened: 0, changed: 0 });
    const rulesBefore = workspace.session.coordinator.consistency.getRules().map((r) => r.ruleId);
    const disabled = await ok(host.invoke('whatif.rejudge', { edits: [{ kind: 'update', ruleId: 'power_budget', patch: { enabled: false } }] }));
    expect(disabled.totals.noLongerOpened).toBeGreaterThan(0);
    expect(workspace.session.coordinator.consistency.getRules().map((r) => r.ruleId)).toEqual(rulesBefore);
  });

  it('names a session that does not exist, and says so when nothing is recorded', async () => {
    const missing = await host.invoke('session.stateAt', { sessionId: 999, seq: 1 });
    expect(missing).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no recorded session 999/) } });
    const session = await createFlightdeckSession({ resourcesDir });
    const unrecorded = new SessionHost(session);
    const answer = await unrecorded.invoke('history.page', {});
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/records nothing/) } });
    unrecorded.dispose();
    await session.dispose();
  });
});
