import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window';

describe('RateWindow', () => {
  it('counts events of the last second per key and forgets older ones', () => {
    const rates = new RateWindow();
    for (let t = 0; t < 1000; t += 10) rates.note('design', 5000 + t);
    rates.note('sensors', 5500, 7);
    expect(rates.perSecond('design', 5999)).toBe(100);
    expect(rates.perSecond('sensors', 5999)).toBe(7);
    expect(rates.perSecond('design', 6550)).toBe(40);
    expect(rates.perSecond('design', 7100)).toBe(0);
    expect(rates.perSecond('unknown', 6000)).toBe(0);
  });
});
