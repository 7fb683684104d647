import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import type { StreamBatch } from '../../shared/protocol';
import type { Bridge } from '../bridge/bridge';
import { HistorySeed } from './history-seed';

function event(id: string, timestamp: number): EngineEvent {
  return {
    eventId: id,
    eventType: 'module_added',
    sourceEngine: 'design',
    priority: 'NORMAL',
    timestamp,
    data: {},
    metadata: {},
    requiresResponse: false,
    correlationId: id,
    causationId: null
  };
}

function batch(seq: number, events: EngineEvent[]): StreamBatch {
  return { seq, sentAt: 0, events, dropped: { sinceLastBatch: 0, total: 0 }, queue: { depth: 0, capacity: 10 } };
}

/** A bridge whose history query resolves when the test says so. */
function fakeBridge(history: EngineEvent[]): { bridge: Bridge; answer: () => void; queries: unknown[] } {
  let resolve: () => void = () => undefined;
  const queries: unknown[] = [];
  const bridge = {
    invoke: (_command: string, payload: unknown) => {
      queries.push(payload);
      return new Promise((r) => {
        resolve = () => r({ ok: true, data: { events: history } });
      });
    }
  } as unknown as Bridge;
  return { bridge, answer: () => resolve(), queries };
}

describe('HistorySeed', () => {
  it('shows history first, then the batches that arrived meanwhile, without duplicates', async () => {
    const seed = new HistorySeed();
    const { bridge, answer, queries } = fakeBridge([event('a', 1), event('b', 2), event('c', 3)]);
    const shown: string[] = [];
    const done = seed.seed(bridge, undefined, () => new Set(), (events) => shown.push(...events.map((e) => e.eventId)), (b) =>
      shown.push(...b.events.map((e) => e.eventId))
    );
    expect(seed.accept(batch(0, [event('c', 3), event('d', 4)]))).toBeUndefined();
    answer();
    await done;
    expect(shown).toEqual(['a', 'b', 'c', 'd']);
    expect(queries).toEqual([{ limit: 2000 }]);
  });

  it('after a reconnect asks only for what came since the newest event shown, and skips what is shown', async () => {
    const seed = new HistorySeed();
    const { bridge, answer, queries } = fakeBridge([event('x', 10), event('y', 11)]);
    const shown: string[] = [];
    const done = seed.seed(bridge, event('x', 10), () => new Set(['x']), (events) => shown.push(...events.map((e) => e.eventId)), () => undefined);
    answer();
    await done;
    expect(queries).toEqual([{ since: 10 }]);
    expect(shown).toEqual(['y']);
  });

  it('drops from the stream an event it already showed from history', async () => {
    const seed = new HistorySeed();
    const { bridge, answer } = fakeBridge([event('late', 5)]);
    const done = seed.seed(bridge, undefined, () => new Set(), () => undefined, () => undefined);
    answer();
    await done;
    expect(seed.accept(batch(1, [event('late', 5), event('new', 6)]))?.events.map((e) => e.eventId)).toEqual(['new']);
  });
});
