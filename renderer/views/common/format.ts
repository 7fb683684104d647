/** The renderer's one formatter of durations, clock times and counts (every view uses these). */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Milliseconds with sensible precision: two decimals below 10 ms, one below 100 ms, none
 * above (thousands grouped); '—' for a missing or non-finite value.
 *
 * @example formatMs(0.421) // '0.42 ms'; formatMs(12.34) // '12.3 ms'; formatMs(1204.4) // '1,204 ms'
 */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const digits = Math.abs(ms) < 10 ? 2 : Math.abs(ms) < 100 ? 1 : 0;
  return `${ms.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ms`;
}

/**
 * Local wall-clock time of an epoch-millisecond timestamp: HH:MM:SS.mmm, or HH:MM:SS with
 * `precision: 's'` (chart axes).
 */
export function formatClock(epochMs: number, precision: 'ms' | 's' = 'ms'): string {
  const d = new Date(epochMs);
  const seconds = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return precision === 's' ? seconds : `${seconds}.${pad(d.getMilliseconds(), 3)}`;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
