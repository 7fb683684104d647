import type { EngineEvent } from '../../../shared/events';
import type { FlightdeckDebugHooks } from './flightdeck-debug';

const MAX_LAGS = 500;

const hooks: FlightdeckDebugHooks = { eventsReceived: 0, newestRenderedEventTimestamp: 0, timelineLagMs: [] };
if (typeof window !== 'undefined') window.__flightdeck = hooks;

/** Counts received events for `window.__flightdeck.eventsReceived`. */
export function noteEventsReceived(count: number): void {
  hooks.eventsReceived += count;
}

/**
 * Called by the timeline after it rendered its newest row: records the lag the first time a
 * newer event is shown (a ring of the last 500 lags).
 */
export function noteNewestRendered(event: EngineEvent): void {
  if (event.timestamp <= hooks.newestRenderedEventTimestamp) return;
  hooks.newestRenderedEventTimestamp = event.timestamp;
  hooks.timelineLagMs.push(Date.now() - event.timestamp);
  if (hooks.timelineLagMs.length > MAX_LAGS) hooks.timelineLagMs.splice(0, hooks.timelineLagMs.length - MAX_LAGS);
}
