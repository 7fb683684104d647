import type { EngineEvent, StoredHistoryQuery } from '../../../shared/events';
import type { EventFilters } from '../live/event-filter';
import { residualFilter, storeQueryOf } from './store-query';

/** Reads one page of a session's stored history (`history.page`). */
export type HistoryPageReader = (
  query: StoredHistoryQuery & { sessionId?: number }
) => Promise<{ ok: true; events: readonly EngineEvent[]; more: boolean } | { ok: false; message: string }>;

/** What the pager pages over: a session (undefined = live), the filters, and where its pages stop. */
export interface HistoryScope {
  sessionId: number | undefined;
  filters: EventFilters;
  /**
   * Pages hold only events before this seq (the live window's oldest event, or past a recorded
   * session's last); asked when the first page is read, since the live window fills after a connect.
   */
  beforeSeq: () => number;
}

/** Events read per request while scrolling (small pages keep each answer quick). */
export const SCROLL_PAGE = 500;
/** Events read per request when jumping far back (`fillTo`). */
const JUMP_PAGE = 5000;
/** Requests one `loadOlder` may make while the residual filter keeps too few events. */
const MAX_READS_PER_LOAD = 5;

/**
 * The timeline's history beyond the in-memory window, read from the session store page by page
 * backwards (`beforeSeq`): events oldest first, all before the scope's `beforeSeq`, filtered as
 * the timeline's filters say (the store answers what it can, the rest is tested here). A new
 * scope (filters, session) starts over; an answer to an older scope is dropped.
 *
 * @example
 * const pager = new HistoryPager(read);
 * pager.reset({ sessionId: undefined, filters, beforeSeq: () => oldestLiveSeq });
 * await pager.loadOlder(); // pager.events now ends just before the live window
 */
export class HistoryPager {
  events: EngineEvent[] = [];
  /** Older matches remain in the store. */
  more = true;
  loading = false;
  error: string | null = null;
  private current: HistoryScope | null = null;
  private generation = 0;

  constructor(private readonly read: HistoryPageReader) {}

  get scope(): HistoryScope | null {
    return this.current;
  }

  /** Starts over for a new scope (nothing is read until `loadOlder` or `fillTo`). */
  reset(scope: HistoryScope): void {
    this.generation++;
    this.current = scope;
    this.events = [];
    this.more = true;
    this.loading = false;
    this.error = null;
  }

  /** Drops the scope and its pages (the live log started over). */
  forget(): void {
    this.generation++;
    this.current = null;
    this.events = [];
    this.more = false;
    this.loading = false;
  }

  /** Reads the next older page; resolves to the number of events added in front. */
  async loadOlder(pageSize = SCROLL_PAGE): Promise<number> {
    const scope = this.current;
    if (!scope || this.loading || !this.more) return 0;
    const generation = this.generation;
    this.loading = true;
    const residual = residualFilter(scope.filters);
    const found: EngineEvent[] = [];
    let before = this.events[0]?.seq ?? scope.beforeSeq();
    if (before <= 1) {
      this.loading = false;
      this.more = false;
      return 0;
    }
    let more = true;
    for (let reads = 0; more && reads < MAX_READS_PER_LOAD && found.length < pageSize / 4; reads++) {
      const page = await this.read({ ...storeQueryOf(scope.filters), sessionId: scope.sessionId, beforeSeq: before, limit: pageSize });
      if (generation !== this.generation) return 0;
      if (!page.ok) {
        this.loading = false;
        this.error = page.message;
        this.more = false;
        return 0;
      }
      const kept = residual ? page.events.filter((e) => residual.test(e)) : page.events;
      found.unshift(...kept);
      more = page.more && page.events.length > 0;
      before = page.events[0]?.seq ?? before;
    }
    this.events = found.concat(this.events);
    this.more = more;
    this.loading = false;
    this.error = null;
    return found.length;
  }

  /** Reads older pages until the event `seq` (or the first event) is held. */
  async fillTo(seq: number): Promise<void> {
    const generation = this.generation;
    while (this.more && !this.loading && generation === this.generation && (this.events[0]?.seq ?? this.current?.beforeSeq() ?? 0) > seq) {
      if ((await this.loadOlder(JUMP_PAGE)) === 0 && this.error) return;
    }
  }

  /** The index of the event with this seq among `events`, or -1 (binary search: seqs increase). */
  indexOfSeq(seq: number): number {
    let lo = 0;
    let hi = this.events.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = (this.events[mid] as EngineEvent).seq;
      if (value === seq) return mid;
      if (value < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
