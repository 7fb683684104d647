import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent, EventType } from '../../shared/events';
import type { StreamBatch } from '../../shared/protocol';
import { StreamBatcher } from './stream-batcher';

let seq = 0;
/** An event of `eventType` (its payload does not matter to the batcher). */
function event(eventType: EventType = 'synthetic_load'): EngineEvent {
  seq++;
  const eventId = `e${seq}`;
  return {
    seq,
    eventId,
    eventType,
    sourceEngine: 'x',
    priority: 'LOW',
    timestamp: Date.now(),
    configVersion: 0,
    data: { n: seq },
    requiresResponse: false,
    correlationId: eventId,
    causationId: null
  } as EngineEvent;
}

const batchers: StreamBatcher[] = [];
function makeBatcher(options: Partial<ConstructorParameters<typeof StreamBatcher>[0]> = {}): { batcher: StreamBatcher; sent: StreamBatch[] } {
  const sent: StreamBatch[] = [];
  // A long frame keeps the timer out of the way: the tests flush by hand.
  const batcher = new StreamBatcher({ send: (b) => sent.push(b), frameMs: 60_000, ...options });
  batchers.push(batcher);
  return { batcher, sent };
}
afterEach(() => {
  for (const b of batchers.splice(0)) b.dispose();
});

describe('StreamBatcher', () => {
  it('sends what waited as one batch per flush, in order, with increasing seq', () => {
    const { batcher, sent } = makeBatcher();
    const events = [event(), event(), event()];
    for (const e of events) batcher.push(e);
    batcher.flush();
    batcher.push(event());
    batcher.flush();
    expect(sent.map((b) => b.seq)).toEqual([0, 1]);
    expect(sent[0]?.events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(sent[1]?.events).toHaveLength(1);
  });

  it('sends nothing when nothing changed', () => {
    const { batcher, sent } = makeBatcher();
    batcher.flush();
    expect(sent).toHaveLength(0);
  });

  it('drops only noise under overload, counting it; every fact of the projection arrives, in log order', () => {
    const { batcher, sent } = makeBatcher({ capacity: 100 });
    const facts = [event('error_occurred'), event('violation_opened'), event('engine_output'), event('configuration_changed')];
    for (const fact of facts) batcher.push(fact);
    for (let i = 0; i < 1000; i++) batcher.push(event(i % 2 ? 'synthetic_load' : 'performance_updated'));
    batcher.flush();
    const batch = sent[0] as StreamBatch;
    expect(batch.events.slice(0, 4).map((e) => e.eventId)).toEqual(facts.map((e) => e.eventId));
    expect(batch.events).toHaveLength(104);
    const seqs = batch.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(batch.dropped).toEqual({ sinceLastBatch: 900, total: 900 });
    expect(batcher.dropped).toBe(900);
  });

  it('holds events while the transport is backed up, then sends them', () => {
    let open = false;
    const { batcher, sent } = makeBatcher({ canSend: () => open });
    batcher.push(event());
    batcher.flush();
    expect(sent).toHaveLength(0);
    open = true;
    batcher.flush();
    expect(sent[0]?.events).toHaveLength(1);
  });

  it('reports a client whose waiting facts outgrow its queue, once, with how many wait', () => {
    const overflows: number[] = [];
    const { batcher } = makeBatcher({ capacity: 3, canSend: () => false, onOverflow: (waiting) => overflows.push(waiting) });
    for (let i = 0; i < 6; i++) batcher.push(event('engine_output'));
    expect(overflows).toEqual([]);
    for (let i = 0; i < 5; i++) batcher.push(event('engine_output'));
    expect(overflows).toEqual([7]);
  });

  it('caps the events per batch and keeps the rest for the next frame', () => {
    const { batcher, sent } = makeBatcher({ maxEventsPerBatch: 10 });
    for (let i = 0; i < 25; i++) batcher.push(event());
    batcher.flush();
    batcher.flush();
    batcher.flush();
    expect(sent.map((b) => b.events.length)).toEqual([10, 10, 5]);
    expect(sent[0]?.queue.depth).toBe(15);
  });

  it('flushes by itself on its frame timer', async () => {
    const { batcher, sent } = makeBatcher({ frameMs: 5 });
    batcher.push(event());
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(sent.length).toBeGreaterThanOrEqual(1);
  });
});
