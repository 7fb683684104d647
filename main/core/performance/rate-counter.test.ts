import { describe, expect, it } from 'vitest';
import { RateCounter } from './rate-counter';

describe('RateCounter', () => {
  it('reports the last whole second and a per-second series', () => {
    let nowMs = 10_000;
    const rate = new RateCounter(() => nowMs, 5);
    for (let i = 0; i < 3; i++) rate.record();
    nowMs = 10_999;
    rate.record();
    expect(rate.current()).toBe(0);
    nowMs = 11_500;
    expect(rate.current()).toBe(4);
    rate.record();
    nowMs = 13_000;
    expect(rate.current()).toBe(0);
    expect(rate.series()).toEqual([
      { at: 10_000, count: 4 },
      { at: 11_000, count: 1 },
      { at: 12_000, count: 0 }
    ]);
    expect(rate.total).toBe(5);
  });

  it('forgets seconds older than its window, even after a long pause', () => {
    let nowMs = 0;
    const rate = new RateCounter(() => nowMs, 3);
    rate.record();
    nowMs = 1_000;
    rate.record();
    rate.record();
    nowMs = 100_000;
    expect(rate.series().map((sample) => sample.count)).toEqual([0, 0, 0]);
    expect(rate.current()).toBe(0);
    nowMs = 100_200;
    rate.record();
    nowMs = 101_000;
    expect(rate.series()).toEqual([
      { at: 98_000, count: 0 },
      { at: 99_000, count: 0 },
      { at: 100_000, count: 1 }
    ]);
  });

  it('record(atMs) counts in the second of atMs, without reading the clock', () => {
    let reads = 0;
    let nowMs = 5_000;
    const rate = new RateCounter(() => {
      reads++;
      return nowMs;
    }, 4);
    const readsAfterConstruction = reads;
    rate.record(5_100);
    rate.record(6_200);
    rate.record(6_900);
    expect(reads).toBe(readsAfterConstruction);
    nowMs = 8_000;
    expect(rate.series()).toEqual([
      { at: 5_000, count: 1 },
      { at: 6_000, count: 2 },
      { at: 7_000, count: 0 }
    ]);
    expect(rate.total).toBe(3);
  });
});
