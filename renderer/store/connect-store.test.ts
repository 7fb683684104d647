import { afterEach, describe, expect, it } from 'vitest';
import type { Disposable } from '../../shared/disposable';
import { projectAll } from '../../shared/projection';
import { connectStore, useFlightdeck } from './index';
import { liveBuffer } from './live';
import { selectCurrentConfiguration, selectEngineReports, selectOpenViolations, selectStaleEngines } from './session/selectors';
import { settle, TestHost } from './session/test-bridge';

let link: Disposable | undefined;
afterEach(() => link?.dispose());

describe('connectStore', () => {
  it('rebuilds the session on connect, then folds every streamed event into it and the timeline', async () => {
    const host = new TestHost();
    host.log.start().rule('config_version', 'design', ['materials', 'propulsion']).configure('F-22A Raptor').outputs();
    host.snapshotSeq = 2;
    const bridge = host.connect();
    link = connectStore(bridge);
    bridge.open();
    expect(useFlightdeck.getState().session.syncing).toBe(true);
    await settle();

    const session = (): ReturnType<typeof useFlightdeck.getState>['session'] => useFlightdeck.getState().session;
    expect(session().syncing).toBe(false);
    expect(session().state).toEqual(projectAll(host.log.events));
    expect(selectCurrentConfiguration(session().state)).toMatchObject({ version: 1, configuration: { name: 'F-22A Raptor' } });
    expect(liveBuffer.lastSeq).toBe(host.log.events.length);

    const before = host.log.events.length;
    host.log.configure('F-22A Raptor, F135').outputs(['design']).fail('materials', ['propulsion']).violation('opened', 'cv1');
    host.stream(before + 1);
    expect(session().state.seq).toBe(host.log.events.length);
    expect(selectEngineReports(session().state).map((e) => e.status)).toEqual(['idle', 'failed', 'blocked']);
    expect(selectStaleEngines(session().state).map((e) => e.engineId)).toEqual(['materials', 'propulsion']);
    expect(selectOpenViolations(session().state).map((v) => v.violationId)).toEqual(['cv1']);
    expect(liveBuffer.lastSeq).toBe(host.log.events.length);
    expect(useFlightdeck.getState().connection.lastSeq).toBe(0);
  });

  it('keeps derived lists identical while only noise arrives, so views do not re-render', async () => {
    const host = new TestHost();
    host.log.start().configure().outputs(['design']);
    const bridge = host.connect();
    link = connectStore(bridge);
    bridge.open();
    await settle();
    const stale = selectStaleEngines(useFlightdeck.getState().session.state);
    const reports = selectEngineReports(useFlightdeck.getState().session.state);
    const before = useFlightdeck.getState().session.state;
    host.log.load(50);
    host.stream(4);
    const state = useFlightdeck.getState().session.state;
    // Noise changes no fact: the state itself stays the same object.
    expect(state).toBe(before);
    expect(state.seq).toBe(3);
    expect(selectStaleEngines(state)).toBe(stale);
    expect(selectEngineReports(state)).toBe(reports);
  });

  it('stops following the host once disposed', async () => {
    const host = new TestHost();
    host.log.start();
    const bridge = host.connect();
    const before = useFlightdeck.getState().session.state;
    connectStore(bridge).dispose();
    bridge.open();
    await settle();
    host.log.configure();
    host.stream(1);
    expect(useFlightdeck.getState().session.state).toBe(before);
  });
});
