import { describe, expect, it } from 'vitest';
import { BucketQueue } from './bucket-queue';

describe('BucketQueue', () => {
  it('serves the highest level first, FIFO within a level, remembering each item enqueue time', () => {
    const queue = new BucketQueue<string>(4);
    queue.push('low-1', 0, 10);
    queue.push('high-1', 2, 20);
    queue.push('low-2', 0, 30);
    queue.push('critical', 3, 40);
    queue.push('high-2', 2, 50);
    expect([queue.size, queue.sizeOf(0), queue.sizeOf(2), queue.sizeOf(1)]).toEqual([5, 2, 2, 0]);
    const served: [string | undefined, number, number][] = [];
    for (let i = 0; i < 5; i++) {
      const item = queue.shift();
      served.push([item, queue.last.level, queue.last.enqueuedAt]);
    }
    expect(served).toEqual([
      ['critical', 3, 40],
      ['high-1', 2, 20],
      ['high-2', 2, 50],
      ['low-1', 0, 10],
      ['low-2', 0, 30]
    ]);
    expect(queue.shift()).toBeUndefined();
    expect(queue.size).toBe(0);
  });

  it('grows past its initial bucket size without losing order', () => {
    const queue = new BucketQueue<number>(2);
    for (let i = 0; i < 100; i++) queue.push(i, i % 2, i);
    const out: number[] = [];
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) out.push(item);
    expect(out).toEqual([...Array.from({ length: 50 }, (_, i) => 2 * i + 1), ...Array.from({ length: 50 }, (_, i) => 2 * i)]);
  });

  it('refuses a level it does not have', () => {
    expect(() => new BucketQueue<number>(4).push(1, 4, 0)).toThrow(/no priority level 4/);
  });
});
