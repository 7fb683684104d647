import { describe, it, expect, vi, afterEach } from 'vitest';
import { createCoalescer } from './coalescer';

afterEach(() => {
  vi.useRealTimers();
});

describe('createCoalescer', () => {
  it('delivers a burst once, after the interval', () => {
    vi.useFakeTimers();
    const deliveries: number[][] = [];
    const coalescer = createCoalescer<number>(500, (items) => deliveries.push(items));
    for (let i = 0; i < 100; i++) coalescer.push(i);
    expect(deliveries).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toHaveLength(100);
    coalescer.push(100);
    vi.advanceTimersByTime(499);
    expect(deliveries).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(deliveries[1]).toEqual([100]);
  });

  it('flushes on demand and stays quiet with nothing pending', () => {
    vi.useFakeTimers();
    const deliveries: string[][] = [];
    const coalescer = createCoalescer<string>(500, (items) => deliveries.push(items));
    coalescer.flush();
    coalescer.push('a');
    coalescer.flush();
    vi.advanceTimersByTime(1000);
    expect(deliveries).toEqual([['a']]);
  });
});
