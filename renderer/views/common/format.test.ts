import { describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatMs } from './format';

describe('format', () => {
  it('prints local time as HH:MM:SS.mmm, or to the second', () => {
    const at = new Date(2030, 0, 2, 3, 4, 5, 67).getTime();
    expect(formatClock(at)).toBe('03:04:05.067');
    expect(formatClock(at, 's')).toBe('03:04:05');
  });

  it('prints milliseconds with useful precision', () => {
    expect(formatMs(0.421)).toBe('0.42 ms');
    expect(formatMs(4.054)).toBe('4.05 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(123.4)).toBe('123 ms');
    expect(formatMs(1204.4)).toBe('1,204 ms');
    expect(formatMs(null)).toBe('—');
    expect(formatMs(Number.NaN)).toBe('—');
  });

  it('groups counts by thousands', () => {
    expect(formatCount(15234.4)).toBe('15,234');
  });
});
