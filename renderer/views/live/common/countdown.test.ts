import { describe, expect, it } from 'vitest';
import { formatRemaining, nextChangeInMs } from './countdown';

describe('countdown', () => {
  it('shows tenths up to 10 s, seconds up to a minute, minutes above, rounded up', () => {
    expect(formatRemaining(1234)).toBe('1.3 s');
    expect(formatRemaining(1200)).toBe('1.2 s');
    expect(formatRemaining(1)).toBe('0.1 s');
    expect(formatRemaining(10_000)).toBe('10.0 s');
    expect(formatRemaining(10_001)).toBe('11 s');
    expect(formatRemaining(59_000)).toBe('59 s');
    expect(formatRemaining(60_000)).toBe('60 s');
    expect(formatRemaining(60_001)).toBe('1 min 01 s');
    expect(formatRemaining(125_000)).toBe('2 min 05 s');
  });

  it('says now once due', () => {
    expect(formatRemaining(0)).toBe('now');
    expect(formatRemaining(-40)).toBe('now');
    expect(nextChangeInMs(0)).toBeNull();
  });

  it('waits exactly until the text changes', () => {
    for (const remaining of [1234, 1200, 950, 10_500, 11_000, 10_001, 61_234]) {
      const wait = nextChangeInMs(remaining) as number;
      expect(wait).toBeGreaterThan(0);
      // Unchanged until the wait is over, changed right after it.
      expect(formatRemaining(remaining - wait + 1)).toBe(formatRemaining(remaining));
      expect(formatRemaining(remaining - wait)).not.toBe(formatRemaining(remaining));
    }
  });
});
