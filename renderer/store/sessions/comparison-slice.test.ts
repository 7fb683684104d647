import { afterEach, describe, expect, it } from 'vitest';
import type { Disposable } from '../../../shared/disposable';
import type { EngineEvent } from '../../../shared/events';
import { projectAll } from '../../../shared/projection';
import type { CommandRequest } from '../../../shared/protocol';
import { connectStore, useFlightdeck } from '../index';
import { settle, TestHost } from '../session/test-bridge';

let link: Disposable | undefined;
afterEach(() => link?.dispose());

/** A host whose log holds three versions, answering `history.page` and `session.stateAt` from it. */
async function connected(): Promise<TestHost> {
  const host = new TestHost();
  host.log.start().configure('one').outputs().configure('two').outputs().violation('opened', 'v1').configure('three').outputs(['design']);
  const events = (): EngineEvent[] => host.log.events;
  host.responders['history.page'] = (payload) => {
    const query = payload as CommandRequest<'history.page'>;
    return { events: events().filter((e) => e.eventType === query.eventType), sessionId: query.sessionId ?? 1, lastSeq: events().length, more: false };
  };
  host.responders['session.stateAt'] = (payload) => {
    const { seq, sessionId } = payload as CommandRequest<'session.stateAt'>;
    return { sessionId: sessionId ?? 1, seq, lastSeq: events().length, event: events()[seq - 1] ?? null, state: projectAll(events().slice(0, seq)) };
  };
  const bridge = host.connect();
  link = connectStore(bridge);
  bridge.open();
  await settle();
  return host;
}

const comparison = (): ReturnType<typeof useFlightdeck.getState>['comparison'] => useFlightdeck.getState().comparison;

describe('comparison slice', () => {
  it('lists the versions of a session, each spanning the events until the next one', async () => {
    await connected();
    await comparison().loadVersions(undefined);
    expect(comparison().versions.list.map((v) => [v.version, v.name, v.seq, v.untilSeq])).toEqual([
      [1, 'one', 2, 5],
      [2, 'two', 6, 10],
      [3, 'three', 11, 12]
    ]);
  });

  it('compares two versions as of their last events, read with session.stateAt', async () => {
    const host = await connected();
    await comparison().loadVersions(7);
    const [one, , three] = comparison().versions.list;
    if (!one || !three) throw new Error('versions missing');
    await comparison().compareVersions(one, three);
    expect(host.received.filter((r) => r.command === 'session.stateAt').map((r) => r.payload)).toEqual([
      { sessionId: 7, seq: 5 },
      { sessionId: 7, seq: 12 }
    ]);
    expect(comparison().a).toMatchObject({ label: 'v1 one', asOfSeq: 5, events: 5 });
    expect(comparison().b?.state.configuration?.version).toBe(3);
    expect(Object.keys(comparison().b?.state.violations.open ?? {})).toEqual(['v1']);
  });

  it('compares two sessions as of their last events, counting their own events', async () => {
    await connected();
    const session = { name: 'A', aircraft: 'f22a', startedAt: 0, endedAt: 1, bytes: 10 };
    await comparison().compareSessions({ ...session, id: 1, lastSeq: 5, eventCount: 5 }, { ...session, id: 2, name: 'B', lastSeq: 12, eventCount: 40 });
    expect([comparison().a?.events, comparison().b?.events, comparison().b?.label]).toEqual([5, 40, 'B']);
  });

  it('says why when a state cannot be read', async () => {
    const host = await connected();
    delete host.responders['session.stateAt'];
    await comparison().loadVersions(undefined);
    const [one, two] = comparison().versions.list;
    if (!one || !two) throw new Error('versions missing');
    await comparison().compareVersions(one, two);
    expect(comparison().error).toMatch(/session.stateAt failed/);
    expect(comparison().a).toBeNull();
  });
});
