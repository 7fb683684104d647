import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import type { WireServerMessage } from '../../shared/protocol';
import { CLOSE_POLICY_VIOLATION, ClientConnection, DEFAULT_CLIENT_LIMITS, type ClientLimits, type ClientTransport } from './client-connection';
import { useSessionHost } from './test-session-host';

const fixture = useSessionHost();

/** Every answer any fake transport was sent, in the order they were sent: `<name>:<id>`. */
const answerOrder: string[] = [];

/** A transport that records what it is sent; `drains` false = a client that stopped reading. */
class FakeTransport implements ClientTransport {
  readonly messages: WireServerMessage[] = [];
  name = '';
  sentBytes = 0;
  paused = false;
  closed: { code: number; reason: string } | undefined;
  abandoned: boolean | undefined;
  constructor(
    private readonly drains = true,
    readonly fail: { send?: boolean } = {}
  ) {}
  send(text: string): void {
    if (this.fail.send) throw new Error('socket exploded');
    this.sentBytes += text.length;
    const message = JSON.parse(text) as WireServerMessage;
    if (message.kind === 'result') answerOrder.push(`${this.name}:${message.id}`);
    this.messages.push(message);
  }
  bufferedBytes(): number {
    return this.drains ? 0 : this.sentBytes;
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  close(code: number, reason: string, abandon: boolean): void {
    this.closed = { code, reason };
    this.abandoned = abandon;
  }
  results(): Extract<WireServerMessage, { kind: 'result' }>[] {
    return this.messages.filter((m): m is Extract<WireServerMessage, { kind: 'result' }> => m.kind === 'result');
  }
}

function connect(transport: FakeTransport, limits: Partial<ClientLimits> = {}): ClientConnection {
  return new ClientConnection(fixture.host, transport, { ...DEFAULT_CLIENT_LIMITS, ...limits });
}

const invoke = (id: number, command: string, payload: unknown = {}): string => JSON.stringify({ kind: 'invoke', id, command, payload });
const until = async (condition: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error(`never happened: ${what}`);
};
const hostFaults = (): EngineEvent<'error_occurred'>[] =>
  fixture.session.coordinator.log.query({ eventType: 'error_occurred' }).filter((e): e is EngineEvent<'error_occurred'> => e.eventType === 'error_occurred' && e.data.origin === 'host');

describe('ClientConnection limits', () => {
  it('answers a message nested past the depth limit with the limit named, then closes with the reason; the host goes on', async () => {
    const transport = new FakeTransport();
    const connection = connect(transport);
    const deep = `{"kind":"invoke","id":1,"command":"simulation.start","payload":{"profile":${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}}}`;
    connection.receive(deep);
    expect(transport.results()[0]).toMatchObject({ id: null, result: { ok: false, error: { code: 'limit_exceeded', field: 'maxDepth', message: 'message nests deeper than 32 levels' } } });
    expect(transport.closed).toEqual({ code: CLOSE_POLICY_VIOLATION, reason: 'message nests deeper than 32 levels' });
    expect(transport.abandoned).toBe(false);
    const other = new FakeTransport();
    const next = connect(other);
    next.receive(invoke(2, 'status.get'));
    await until(() => other.results().length === 1, 'status answered');
    expect(other.results()[0]?.result).toMatchObject({ ok: true });
    next.dispose();
  });

  it('answers more waiting commands than its lane holds with overloaded, and serves the rest', async () => {
    const transport = new FakeTransport();
    const connection = connect(transport, { maxPendingCommands: 3 });
    for (let id = 1; id <= 8; id++) connection.receive(invoke(id, 'configuration.get'));
    await until(() => transport.results().length === 8, 'all answered');
    const overloaded = transport.results().filter((r) => !r.result || (r.result as { ok: boolean }).ok === false);
    // One runs, three wait: the other four are refused at once.
    expect(overloaded.map((r) => r.id)).toEqual([5, 6, 7, 8]);
    expect(overloaded[0]?.result).toMatchObject({ error: { code: 'overloaded' } });
    connection.dispose();
  });

  it('pauses a client that stopped reading, then disconnects it with the reason; it cannot grow the host', async () => {
    const transport = new FakeTransport(false);
    const connection = connect(transport, { pauseAboveBytes: 100_000, maxBufferedBytes: 10_000_000, stallTimeoutMs: 50 });
    for (let id = 1; id <= 100; id++) connection.receive(invoke(id, 'history.query', { limit: 1000 }));
    await until(() => transport.closed !== undefined, 'disconnected');
    expect(transport.paused).toBe(true);
    expect(transport.closed?.code).toBe(CLOSE_POLICY_VIOLATION);
    expect(transport.closed?.reason).toMatch(/^client stopped reading: \d+\.\d MB unread for 0 s$/);
    // It is not reading, so it may never see the close frame: the socket goes, and the log says why.
    expect(transport.abandoned).toBe(true);
    const [disconnect] = fixture.session.coordinator.log.query({ eventType: 'client_disconnected' }).slice(-1) as EngineEvent<'client_disconnected'>[];
    expect(disconnect?.data).toEqual({ code: CLOSE_POLICY_VIOLATION, reason: transport.closed?.reason, unreadBytes: transport.bufferedBytes() });
    const answered = transport.results().length;
    connection.receive(invoke(101, 'status.get'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(transport.results()).toHaveLength(answered);
  });
});

describe('ClientConnection with a client that takes no stream', () => {
  it('disconnects a client that sends nothing but stopped reading its stream, once it has been behind for the stall timeout', async () => {
    const transport = new FakeTransport(false);
    const connection = connect(transport, { streamBudgetBytes: 1, pauseAboveBytes: 1_000_000, maxBufferedBytes: 10_000_000, stallTimeoutMs: 50 });
    for (let n = 0; n < 20; n++) fixture.session.coordinator.bus.publish({ eventType: 'synthetic_load', sourceEngine: 'load_generator', data: { n } });
    await until(() => transport.closed !== undefined, 'disconnected');
    expect(transport.paused).toBe(false);
    expect(transport.closed).toEqual({ code: CLOSE_POLICY_VIOLATION, reason: expect.stringMatching(/^client stopped reading: 0\.\d MB unread for 0 s$/) as string });
    connection.dispose();
  });
});

describe('ClientConnection fairness', () => {
  it('serves each client in turn, and a client\'s control commands ahead of its own storm', async () => {
    const stormer = new FakeTransport();
    const bystander = new FakeTransport();
    stormer.name = 'a';
    bystander.name = 'b';
    const a = connect(stormer);
    const b = connect(bystander);
    const scenarios = ['f22a', 'typhoon'];
    const before = fixture.session.coordinator.log.lastSeq;
    for (let id = 1; id <= 60; id++) a.receive(invoke(id, 'scenario.load', { scenarioId: scenarios[id % 2] }));
    a.receive(invoke(61, 'engine.fault', { engineId: 'sensors', fault: { kind: 'slow', delayMs: 0 } }));
    b.receive(invoke(1, 'status.get'));
    await until(() => stormer.results().length === 61 && bystander.results().length === 1, 'all answered');
    // The bystander was not kept waiting behind the storm, nor the stormer's fault behind its own applies.
    const order = answerOrder.filter((a) => a.startsWith('a:') || a.startsWith('b:'));
    expect(order.indexOf('b:1')).toBeLessThan(3);
    expect(order.indexOf('a:61')).toBeLessThan(3);
    const log = fixture.session.coordinator.log.query({ afterSeq: before });
    const fault = log.find((e) => e.eventType === 'fault_injected');
    const changesAfterFault = log.filter((e) => e.eventType === 'configuration_changed' && e.seq > (fault?.seq ?? Infinity));
    expect(changesAfterFault.length).toBeGreaterThan(50);
    a.dispose();
    b.dispose();
  });
});

describe('host callbacks never end the process', () => {
  it('a failing send in the stream timer, an answer or the watchdog becomes an error_occurred; the host answers the next client', async () => {
    const faultsBefore = hostFaults().length;
    const broken = new FakeTransport(true, { send: true });
    const connection = connect(broken);
    connection.receive(invoke(1, 'status.get'));
    await fixture.host.invoke('engine.recompute', { engineId: 'design' });
    await until(() => hostFaults().length >= faultsBefore + 2, 'faults reported');
    const messages = hostFaults().slice(faultsBefore).map((e) => e.data.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^answering a client: socket exploded$/), expect.stringMatching(/^streaming to a client: socket exploded$/)]));
    connection.dispose();
    const healthy = new FakeTransport();
    const next = connect(healthy);
    next.receive(invoke(2, 'status.get'));
    await until(() => healthy.results().length === 1, 'answered after the faults');
    next.dispose();
  });

  it('a load generator whose publish throws stops and reports it', async () => {
    const faultsBefore = hostFaults().length;
    const bus = fixture.session.coordinator.bus;
    const original = bus.publish.bind(bus);
    let armed = true;
    (bus as { publish: typeof bus.publish }).publish = ((input: Parameters<typeof bus.publish>[0]) => {
      if (armed && input.eventType === 'synthetic_load') throw new Error('queue on fire');
      return original(input);
    }) as typeof bus.publish;
    await fixture.host.invoke('load.start', { eventsPerSecond: 1000, durationS: 1 });
    await until(() => hostFaults().length > faultsBefore, 'load fault reported');
    armed = false;
    (bus as { publish: typeof bus.publish }).publish = original;
    expect(hostFaults().at(-1)?.data.message).toBe('the load generator: queue on fire');
    expect(await fixture.host.invoke('load.stop', {})).toMatchObject({ ok: true, data: { stopped: false } });
  });
});
