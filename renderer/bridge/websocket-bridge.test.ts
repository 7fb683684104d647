import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from './bridge';
import { makeEvent } from '../store/live/test-events';
import { WebSocketBridge } from './websocket-bridge';

/** A stand-in for the browser's WebSocket that the test drives by hand. */
class FakeSocket {
  static readonly OPEN = 1;
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  private readonly listeners = new Map<string, ((event: unknown) => void)[]>();

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.drop(1000);
  }
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.emit('open', {});
  }
  receive(message: unknown): void {
    this.emit('message', { data: JSON.stringify(message) });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.emit('close', { code, reason: '' });
  }
  private emit(type: string, event: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('WebSocketBridge', () => {
  it('pairs results with their commands and parses them with the response schema', async () => {
    const bridge = new WebSocketBridge('ws://host/ws?token=t');
    const socket = FakeSocket.instances[0] as FakeSocket;
    socket.open();
    const pending = bridge.invoke('optimization.cancel', { taskId: 'abc' });
    const sent = JSON.parse(socket.sent[0] as string) as { id: number; command: string };
    expect(sent.command).toBe('optimization.cancel');
    socket.receive({ kind: 'result', id: sent.id, result: { ok: true, data: { cancelled: true } } });
    await expect(pending).resolves.toEqual({ ok: true, data: { cancelled: true } });
    bridge.dispose();
  });

  it('turns a malformed response into a failed result naming the command', async () => {
    const bridge = new WebSocketBridge('ws://host/ws');
    const socket = FakeSocket.instances[0] as FakeSocket;
    socket.open();
    const pending = bridge.invoke('optimization.cancel', { taskId: 'abc' });
    socket.receive({ kind: 'result', id: 1, result: { ok: true, data: { cancelled: 'yes' } } });
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/optimization\.cancel: malformed response at cancelled/);
    bridge.dispose();
  });

  it('fails commands in flight when the connection drops, then reconnects with backoff', async () => {
    const bridge = new WebSocketBridge('ws://host/ws');
    const states: ConnectionInfo['state'][] = [];
    bridge.onConnection((info) => states.push(info.state));
    const first = FakeSocket.instances[0] as FakeSocket;
    first.open();
    const pending = bridge.invoke('status.get', {});
    first.drop();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(bridge.connection).toMatchObject({ state: 'reconnecting', attempts: 1 });
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.instances).toHaveLength(2);
    (FakeSocket.instances[1] as FakeSocket).drop();
    await vi.advanceTimersByTimeAsync(499);
    expect(FakeSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(3);
    (FakeSocket.instances[2] as FakeSocket).open();
    expect(bridge.connection).toMatchObject({ state: 'open', attempts: 0 });
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting', 'open']);
    bridge.dispose();
  });

  it('answers at once while disconnected instead of queueing', async () => {
    const bridge = new WebSocketBridge('ws://host/ws');
    await expect(bridge.invoke('status.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    bridge.dispose();
  });

  it('delivers valid stream batches and drops malformed ones', () => {
    const bridge = new WebSocketBridge('ws://host/ws');
    const socket = FakeSocket.instances[0] as FakeSocket;
    socket.open();
    const seqs: number[] = [];
    bridge.onStream((batch) => seqs.push(batch.seq));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    socket.receive({ kind: 'stream', batch: { seq: 0, sentAt: 1, events: [], dropped: { sinceLastBatch: 0, total: 0 }, queue: { depth: 0, capacity: 10 } } });
    socket.receive({ kind: 'stream', batch: { seq: 'one' } });
    expect(seqs).toEqual([0]);
    expect(warn).toHaveBeenCalledOnce();
    bridge.dispose();
  });

  it('parses each event with its type schema and drops a batch whose payload does not match its type', () => {
    const bridge = new WebSocketBridge('ws://host/ws');
    const socket = FakeSocket.instances[0] as FakeSocket;
    socket.open();
    const received: string[] = [];
    const subscription = bridge.onStream((batch) => received.push(...batch.events.map((e) => e.eventType)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const batch = (data: unknown): unknown => ({
      seq: 1,
      sentAt: 1,
      events: [makeEvent(1, 'rule_removed', data as { ruleId: string })],
      dropped: { sinceLastBatch: 0, total: 0 },
      queue: { depth: 0, capacity: 10 }
    });
    socket.receive({ kind: 'stream', batch: batch({ ruleId: 'mass_budget' }) });
    socket.receive({ kind: 'stream', batch: batch({ ruleId: 7 }) });
    expect(received).toEqual(['rule_removed']);
    expect(warn).toHaveBeenCalledOnce();
    // Subscriptions are disposables, like every other in the code base.
    subscription.dispose();
    socket.receive({ kind: 'stream', batch: batch({ ruleId: 'thermal_limit' }) });
    expect(received).toEqual(['rule_removed']);
    bridge.dispose();
  });
});
