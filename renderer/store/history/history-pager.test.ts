import { describe, expect, it } from 'vitest';
import type { EngineEvent, StoredHistoryQuery } from '../../../shared/events';
import { EMPTY_FILTERS } from '../live/event-filter';
import { makeEvent } from '../live/test-events';
import { HistoryPager, type HistoryPageReader } from './history-pager';

/** A store of `count` events answering as `history.page` does (newest `limit` before `beforeSeq`). */
function storeOf(count: number): { read: HistoryPageReader; queries: StoredHistoryQuery[] } {
  const events: EngineEvent[] = Array.from({ length: count }, (_, i) =>
    makeEvent(i + 1, 'synthetic_load', { n: i + 1 }, { sourceEngine: i % 2 === 0 ? 'design' : 'sensors' })
  );
  const queries: StoredHistoryQuery[] = [];
  const read: HistoryPageReader = async (query) => {
    queries.push(query);
    const before = events.filter((e) => e.seq < (query.beforeSeq ?? Infinity));
    const limit = query.limit ?? 5000;
    return { ok: true, events: before.slice(-limit), more: before.length > limit };
  };
  return { read, queries };
}

describe('HistoryPager', () => {
  it('pages backwards from the live window to the first event', async () => {
    const { read } = storeOf(1200);
    const pager = new HistoryPager(read);
    pager.reset({ sessionId: undefined, filters: EMPTY_FILTERS, beforeSeq: () => 1001 });
    expect(await pager.loadOlder(400)).toBe(400);
    expect(pager.events.map((e) => e.seq).slice(0, 1)).toEqual([601]);
    await pager.fillTo(1);
    expect(pager.events[0]?.seq).toBe(1);
    expect(pager.events.at(-1)?.seq).toBe(1000);
    expect(pager.more).toBe(false);
    expect(pager.indexOfSeq(500)).toBe(499);
  });

  it('tests what the store cannot filter on each page, reading on while too few match', async () => {
    const { read, queries } = storeOf(100);
    const pager = new HistoryPager(read);
    pager.reset({ sessionId: 3, filters: { ...EMPTY_FILTERS, engines: ['sensors'], text: 'thrust' }, beforeSeq: () => 101 });
    await pager.loadOlder(40);
    expect(queries[0]).toMatchObject({ sessionId: 3, text: 'thrust', beforeSeq: 101, limit: 40 });
    expect(pager.events.every((e) => e.sourceEngine === 'sensors')).toBe(true);
    expect(pager.events.length).toBeGreaterThanOrEqual(10);
  });

  it('drops an answer to a scope it no longer pages', async () => {
    const { read } = storeOf(50);
    const pager = new HistoryPager(read);
    pager.reset({ sessionId: undefined, filters: EMPTY_FILTERS, beforeSeq: () => 51 });
    const loading = pager.loadOlder(10);
    pager.reset({ sessionId: 2, filters: EMPTY_FILTERS, beforeSeq: () => 51 });
    await loading;
    expect(pager.events).toEqual([]);
  });
});
