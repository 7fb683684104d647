/** Below this many milliseconds a countdown shows tenths of a second. */
const TENTHS_BELOW_MS = 10_000;

/**
 * Time left as a person reads it, rounded up so it never says 0 before it is due: tenths of a
 * second up to 10 s, whole seconds up to a minute, minutes above; 'now' once it is due.
 *
 * @example formatRemaining(1234) // '1.3 s'; formatRemaining(42_100) // '43 s'; formatRemaining(0) // 'now'
 */
export function formatRemaining(remainingMs: number): string {
  if (remainingMs <= 0) return 'now';
  if (remainingMs <= TENTHS_BELOW_MS) return `${(Math.ceil(remainingMs / 100) / 10).toFixed(1)} s`;
  const seconds = Math.ceil(remainingMs / 1000);
  if (seconds <= 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * Milliseconds until `formatRemaining` next shows something else (null once it says 'now'), so
 * a countdown re-renders when its text changes and not more often.
 *
 * @example nextChangeInMs(1234) // 34 (1.3 s → 1.2 s); nextChangeInMs(10_500) // 500 (11 s → 10.0 s)
 */
export function nextChangeInMs(remainingMs: number): number | null {
  if (remainingMs <= 0) return null;
  const step = remainingMs <= TENTHS_BELOW_MS ? 100 : 1000;
  return ((remainingMs - 1) % step) + 1;
}
