import type { EngineEvent } from '../../../shared/events';
import { RingBuffer } from '../../../shared/ring-buffer';
import type { FlightdeckDebugHooks } from './flightdeck-debug';

const MAX_LAGS = 500;

const lags = new RingBuffer<number>(MAX_LAGS);
const hooks: FlightdeckDebugHooks = {
  eventsReceived: 0,
  newestReceivedSeq: 0,
  newestRenderedEventTimestamp: 0,
  get timelineLagMs(): number[] {
    return lags.toArray();
  }
};
if (typeof window !== 'undefined') window.__flightdeck = hooks;

/** Counts received events, and the newest seq held, for `window.__flightdeck`. */
export function noteEventsReceived(count: number, newestSeq: number): void {
  hooks.eventsReceived += count;
  hooks.newestReceivedSeq = newestSeq;
}

/**
 * Called by the timeline after it rendered its newest row: records the lag the first time a
 * newer event is shown (the last 500 lags are kept).
 */
export function noteNewestRendered(event: EngineEvent): void {
  if (event.timestamp <= hooks.newestRenderedEventTimestamp) return;
  hooks.newestRenderedEventTimestamp = event.timestamp;
  lags.push(Date.now() - event.timestamp);
}
