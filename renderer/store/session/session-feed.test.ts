import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { INITIAL_SESSION_STATE, project, projectAll, staleEngines, type SessionState } from '../../../shared/projection';
import { HISTORY_SEED_LIMIT, SessionFeed } from './session-feed';
import { settle, TestHost, type TestClientBridge } from './test-bridge';

/** A client as the store is one: a session state and a timeline fed by a `SessionFeed`. */
class TestClient {
  state: SessionState = INITIAL_SESSION_STATE;
  timeline: EngineEvent[] = [];
  failures: string[] = [];
  readonly bridge: TestClientBridge;
  readonly feed: SessionFeed;

  constructor(host: TestHost) {
    this.bridge = host.connect();
    this.feed = new SessionFeed(this.bridge, {
      rebuilt: (state) => (this.state = state),
      failed: (message) => this.failures.push(message),
      timelineLastSeq: () => this.timeline.at(-1)?.seq ?? 0,
      history: (events, restarted) => {
        if (restarted) this.timeline = [];
        this.append(events);
      },
      batch: (batch) => {
        this.state = projectAll(batch.events, this.state);
        this.append(batch.events);
      }
    });
    this.bridge.onStream((batch) => this.feed.accept(batch));
    this.bridge.onConnection((info) => {
      if (info.state === 'open') void this.feed.rebuild();
    });
  }

  private append(events: readonly EngineEvent[]): void {
    for (const event of events) if (event.seq > (this.timeline.at(-1)?.seq ?? 0)) this.timeline.push(event);
  }
}

/** A session in which materials failed once and recovered after a restart, with violations. */
function busySession(host: TestHost): void {
  host.log
    .start()
    .rule('config_version', 'design', ['materials', 'propulsion'])
    .configure('F-22A')
    .outputs()
    .configure('F-22A, F135')
    .outputs(['design'])
    .fail('materials', ['propulsion'])
    .violation('opened', 'cv-materials')
    .violation('opened', 'cv-propulsion', 'propulsion')
    .load(3)
    .restart('materials')
    .outputs(['materials', 'propulsion'])
    .violation('resolved', 'cv-materials')
    .violation('resolved', 'cv-propulsion', 'propulsion');
}

describe('SessionFeed', () => {
  it('a client rebuilt from session.sync equals one that folded the live stream', async () => {
    const host = new TestHost();
    busySession(host);
    const total = host.log.events.length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: total }), fc.integer({ min: 1, max: total }), fc.integer({ min: 0, max: 4 }), async (snapshotSeq, joinSeq, overlap) => {
        host.snapshotSeq = snapshotSeq;
        // `live` watched from the first event, batch by batch.
        const live = new TestClient(host);
        live.bridge.open();
        await settle();
        const late = new TestClient(host);
        for (let seq = 1; seq <= total; seq++) {
          if (seq === joinSeq) {
            // `late` connects here: its rebuild sees the log so far, the stream overlaps it.
            late.bridge.open();
            await settle();
            host.stream(Math.max(1, seq - overlap), seq);
          } else {
            host.stream(seq, seq);
          }
        }
        expect(late.state).toEqual(live.state);
        expect(late.state).toEqual(projectAll(host.log.events));
        expect(late.timeline.map((e) => e.seq)).toEqual(host.log.events.map((e) => e.seq));
        expect(late.failures).toEqual([]);
      }),
      { numRuns: 60 }
    );
  });

  it('after recovery the rebuilt session lists no stale engine and no open violation', async () => {
    const host = new TestHost();
    busySession(host);
    host.snapshotSeq = 9;
    const client = new TestClient(host);
    client.bridge.open();
    await settle();
    expect(staleEngines(client.state)).toEqual([]);
    expect(client.state.violations.open).toEqual({});
    expect(client.state.engines.materials?.restarts).toBe(1);
  });

  it('holds the stream while rebuilding, then folds the held batches once', async () => {
    const host = new TestHost();
    host.log.start().configure().outputs(['design']);
    host.holdAnswers = true;
    const client = new TestClient(host);
    client.bridge.open();
    // Events arrive while session.sync is in flight: held, not folded onto the empty state.
    host.log.outputs(['materials', 'propulsion']);
    host.stream(3, 5);
    await settle();
    expect(client.state).toBe(INITIAL_SESSION_STATE);
    expect(client.timeline).toEqual([]);
    host.answer();
    await settle();
    // The sync was answered from seq 3; the held batch (3 to 5) brings the rest, seq 3 once.
    expect(client.state.seq).toBe(3);
    host.answer();
    await settle();
    expect(client.state).toEqual(projectAll(host.log.events));
    expect(client.state.eventCount).toBe(5);
    expect(client.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('seeds the timeline with the newest events, and after a reconnect asks only for what came after the last seq held', async () => {
    const host = new TestHost();
    host.log.start().configure().outputs();
    const client = new TestClient(host);
    client.bridge.open();
    await settle();
    expect(host.queries).toEqual([{ limit: HISTORY_SEED_LIMIT }]);
    expect(client.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);

    client.bridge.drop();
    host.log.configure().outputs(['design']);
    host.stream(6, 7); // missed: the client is away
    client.bridge.open();
    await settle();
    expect(host.queries[1]).toEqual({ afterSeq: 5, limit: 2000 });
    expect(client.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(client.state.configuration?.version).toBe(2);
  });

  it('starts the timeline over when the host log is shorter than what it holds (the host restarted)', async () => {
    const host = new TestHost();
    host.log.start().configure().outputs();
    const client = new TestClient(host);
    client.bridge.open();
    await settle();
    expect(client.timeline).toHaveLength(5);

    // The same window now talks to a new host process: its log has one event.
    const restarted = new TestHost();
    restarted.log.start();
    client.bridge.reconnectTo(restarted);
    await settle();
    expect(restarted.queries).toEqual([{ limit: HISTORY_SEED_LIMIT }]);
    expect(client.timeline.map((e) => e.eventType)).toEqual(['session_started']);
    expect(client.state.configuration).toBeNull();
  });

  it('reports a failed sync and still delivers the stream', async () => {
    const host = new TestHost();
    host.log.start();
    host.holdAnswers = true;
    const client = new TestClient(host);
    client.bridge.open();
    client.bridge.drop();
    await settle();
    expect(client.failures).toEqual(['session.sync failed: session.sync: connection lost', 'history.query failed: history.query: not connected']);
    host.holdAnswers = false;
    client.bridge.open();
    await settle();
    host.log.configure();
    host.stream(2);
    expect(client.state.configuration?.version).toBe(1);
    expect(project(client.state, host.log.events[0] as EngineEvent)).toBe(client.state);
  });
});
