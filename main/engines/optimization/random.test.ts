import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats a sequence for the same seed and differs for another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range and is roughly uniform', () => {
    const random = createRandom(123);
    const counts = [0, 0, 0, 0];
    let low = 1;
    let high = 0;
    for (let i = 0; i < 40_000; i++) {
      const x = random.next();
      low = Math.min(low, x);
      high = Math.max(high, x);
      const k = random.integer(0, 3);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(1);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(40_000);
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});
