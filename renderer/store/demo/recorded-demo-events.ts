import type { EngineEvent } from '../../../shared/events';
import { HISTORY_PAGE_MAX } from '../../../shared/events';
import { bridge } from '../bridge-access';
import { DEMO_SOURCE_EVENT_TYPES } from './session-to-demo';

type Page = { events: EngineEvent[]; more: boolean };

async function page(query: Record<string, unknown>): Promise<Page> {
  const result = await bridge().invoke('history.page', { limit: HISTORY_PAGE_MAX, keep: 'oldest', ...query });
  if (!result.ok) throw new Error(`history.page failed: ${result.error.message}`);
  return result.data;
}

/**
 * The events of a recorded session (the live one when `sessionId` is absent) a demo is made
 * from, oldest first. Load runs can hold millions of events: only each run's first event
 * (`n = 0`, found by payload text) and its last are read. Each type reads one page at most
 * (`HISTORY_PAGE_MAX` events); `truncated` says when a type had more.
 */
export async function recordedDemoEvents(sessionId: number | undefined): Promise<{ events: EngineEvent[]; truncated: boolean }> {
  const session = sessionId === undefined ? {} : { sessionId };
  let truncated = false;
  const events: EngineEvent[] = [];
  for (const eventType of DEMO_SOURCE_EVENT_TYPES.filter((t) => t !== 'synthetic_load')) {
    const read = await page({ ...session, eventType });
    truncated ||= read.more;
    events.push(...read.events);
  }
  const starts = await page({ ...session, eventType: 'synthetic_load', text: '0' });
  truncated ||= starts.more;
  const runStarts = starts.events.filter((e) => e.eventType === 'synthetic_load' && (e as EngineEvent<'synthetic_load'>).data.n === 0);
  for (const [index, start] of runStarts.entries()) {
    const nextStart = runStarts[index + 1];
    const last = await page({ ...session, eventType: 'synthetic_load', afterSeq: start.seq - 1, keep: 'newest', limit: 1, ...(nextStart ? { beforeSeq: nextStart.seq } : {}) });
    events.push(start, ...last.events.filter((e) => e.seq !== start.seq));
  }
  return { events: events.sort((a, b) => a.seq - b.seq), truncated };
}
