import type { Disposable } from '../../../shared/disposable';
import { Emitter } from '../../../shared/emitter';
import { projectAll } from '../../../shared/projection';
import type { CommandName, CommandRequest, CommandResponse, CommandResult, StreamBatch } from '../../../shared/protocol';
import type { Bridge, ConnectionInfo } from '../../bridge/bridge';
import { parseCommandResult, parseStreamBatch } from '../../bridge/parse-messages';
import { TestLog } from './test-log';

/**
 * A host for renderer tests: a `TestLog`, `session.sync` answered from a snapshot at
 * `snapshotSeq` plus the events after it, `history.query` answered from the log, and stream
 * batches pushed by the test. Every answer and batch goes through the bridge's real parsing
 * (the contract's response and stream schemas), as over the WebSocket.
 */
export class TestHost {
  readonly log = new TestLog();
  /** The log position `session.sync` snapshots at (clamped to the log); the rest is its tail. */
  snapshotSeq = 0;
  /** Every `history.query` payload, in order. */
  readonly queries: unknown[] = [];
  /** Answers for other commands, by name; every payload they get is kept in `received`. */
  readonly responders: Partial<Record<CommandName, (payload: unknown) => unknown>> = {};
  readonly received: { command: CommandName; payload: unknown }[] = [];
  /** While true, commands wait for `answer()`. */
  holdAnswers = false;
  private readonly waiting: (() => void)[] = [];
  private readonly clients: TestClientBridge[] = [];
  private batchSeq = 0;

  /** A new client's bridge (connecting; `open` it). */
  connect(): TestClientBridge {
    const client = new TestClientBridge(this);
    this.clients.push(client);
    return client;
  }

  /** Streams the log's events from `fromSeq` (inclusive) to every open client, as one batch. */
  stream(fromSeq: number, toSeq = this.log.events.length): void {
    const events = this.log.events.filter((e) => e.seq >= fromSeq && e.seq <= toSeq);
    const raw = { seq: this.batchSeq++, sentAt: 0, events, dropped: { sinceLastBatch: 0, total: 0 }, queue: { depth: 0, capacity: 100 } };
    for (const client of this.clients) client.deliver(JSON.parse(JSON.stringify(raw)));
  }

  /** Answers the commands held while `holdAnswers` was true. */
  answer(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Answers from the log as it is when the command arrives (the answer may be held). */
  async handle<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    const events = [...this.log.events];
    let data: unknown;
    if (command === 'session.sync') {
      const seq = Math.min(this.snapshotSeq, events.length);
      data = { snapshot: { format: 'flightdeck-snapshot/1', seq, state: projectAll(events.slice(0, seq)) }, events: events.slice(seq), lastSeq: events.length };
    } else if (command === 'history.query') {
      this.queries.push(payload);
      const query = payload as CommandRequest<'history.query'>;
      // Paged as the host pages it: forward from `afterSeq`, else the newest `limit`.
      const limit = query.limit ?? 5000;
      const after = events.filter((e) => e.seq > (query.afterSeq ?? 0));
      const page = query.afterSeq === undefined ? after.slice(-limit) : after.slice(0, limit);
      const more = query.afterSeq !== undefined && after.length > limit;
      data = { events: page, lastSeq: events.length, nextAfterSeq: more ? (page.at(-1)?.seq ?? null) : null };
    } else {
      const responder = this.responders[command];
      if (!responder) return { ok: false, error: { code: 'unknown_command', message: `${command} is not served by the test host` } };
      this.received.push({ command, payload: JSON.parse(JSON.stringify(payload)) });
      data = responder(payload);
    }
    const wire = JSON.stringify({ ok: true, data });
    if (this.holdAnswers) await new Promise<void>((resolve) => this.waiting.push(resolve));
    // Through JSON and the contract's schema, as the WebSocket bridge parses a result.
    return parseCommandResult(command, JSON.parse(wire));
  }
}

/** One client's bridge to a `TestHost`. */
export class TestClientBridge implements Bridge {
  readonly transport = 'websocket';
  connection: ConnectionInfo = { transport: 'websocket', state: 'connecting', attempts: 0 };
  private readonly streamEmitter = new Emitter<StreamBatch>();
  private readonly connectionEmitter = new Emitter<ConnectionInfo>();
  /** Fails the commands in flight, as the real bridge does when the connection drops. */
  private readonly onDrop = new Emitter<void>();

  constructor(private host: TestHost) {}

  invoke<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    if (this.connection.state !== 'open') return Promise.resolve({ ok: false, error: { code: 'unavailable', message: `${command}: not connected` } });
    return new Promise((resolve) => {
      const dropped = this.onDrop.event(() => resolve({ ok: false, error: { code: 'unavailable', message: `${command}: connection lost` } }));
      void this.host.handle(command, payload).then((result) => {
        dropped.dispose();
        resolve(result);
      });
    });
  }

  /** Points this client at another host (the same window after the host restarted). */
  reconnectTo(host: TestHost): void {
    this.drop();
    this.host = host;
    this.open();
  }

  onStream(listener: (batch: StreamBatch) => void): Disposable {
    return this.streamEmitter.event(listener);
  }

  onConnection(listener: (info: ConnectionInfo) => void): Disposable {
    listener(this.connection);
    return this.connectionEmitter.event(listener);
  }

  /** Opens (or reopens) the connection. */
  open(): void {
    this.setState('open');
  }

  drop(): void {
    this.setState('reconnecting');
    this.onDrop.fire();
  }

  deliver(raw: unknown): void {
    if (this.connection.state !== 'open') return;
    const batch = parseStreamBatch(raw);
    if (batch) this.streamEmitter.fire(batch);
  }

  dispose(): void {
    this.streamEmitter.dispose();
    this.connectionEmitter.dispose();
  }

  private setState(state: ConnectionInfo['state']): void {
    this.connection = { ...this.connection, state };
    this.connectionEmitter.fire(this.connection);
  }
}

/** Waits until pending promise callbacks (the feed's awaits) have run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
