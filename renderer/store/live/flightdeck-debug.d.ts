/** Harmless debug hooks the benchmark reads (`window.__flightdeck`). */
export interface FlightdeckDebugHooks {
  /** Events the renderer has received since it started. */
  eventsReceived: number;
  /** The newest seq the live window holds (what the timeline should end at when following). */
  newestReceivedSeq: number;
  /** `timestamp` of the newest event the timeline has rendered (epoch ms), 0 before the first. */
  newestRenderedEventTimestamp: number;
  /** The last ~500 lags `Date.now() − event.timestamp`, each measured when a newer newest event is first rendered. */
  readonly timelineLagMs: number[];
}

declare global {
  interface Window {
    __flightdeck?: FlightdeckDebugHooks;
  }
}
