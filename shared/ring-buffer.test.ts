import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer, bounded', () => {
  it('evicts the oldest item when full, returns it and counts it', () => {
    const ring = new RingBuffer<string>(3);
    expect([ring.push('a'), ring.push('b'), ring.push('c')]).toEqual([undefined, undefined, undefined]);
    expect(ring.push('d')).toBe('a');
    expect(ring.push('e')).toBe('b');
    expect(ring.toArray()).toEqual(['c', 'd', 'e']);
    expect({ size: ring.size, capacity: ring.capacity, evicted: ring.evicted }).toEqual({ size: 3, capacity: 3, evicted: 2 });
    expect([ring.oldest(), ring.newest()]).toEqual(['c', 'e']);
  });

  it('keeps absolute indexes across eviction and wrap-around', () => {
    const ring = new RingBuffer<number>(4);
    for (let i = 0; i < 10; i++) ring.push(i * 10);
    expect(ring.firstIndex).toBe(6);
    expect(ring.nextIndex).toBe(10);
    expect(ring.get(6)).toBe(60);
    expect(ring.get(9)).toBe(90);
    expect(ring.get(5)).toBeUndefined();
    expect(ring.get(10)).toBeUndefined();
    expect(ring.at(0)).toBe(60);
    expect(ring.at(3)).toBe(90);
    expect(ring.at(4)).toBeUndefined();
    expect(ring.at(-1)).toBeUndefined();
  });

  it('shift and take remove from the front without counting as evictions; indexes stay put', () => {
    const ring = new RingBuffer<string>(4);
    for (const item of ['a', 'b', 'c', 'd', 'e']) ring.push(item);
    expect(ring.shift()).toBe('b');
    expect(ring.firstIndex).toBe(2);
    expect(ring.get(2)).toBe('c');
    expect(ring.take(2)).toEqual(['c', 'd']);
    expect(ring.take(10)).toEqual(['e']);
    expect(ring.take(-1)).toEqual([]);
    expect(ring.shift()).toBeUndefined();
    expect({ size: ring.size, evicted: ring.evicted, firstIndex: ring.firstIndex, nextIndex: ring.nextIndex }).toEqual({
      size: 0,
      evicted: 1,
      firstIndex: 5,
      nextIndex: 5
    });
    ring.push('f');
    expect(ring.get(5)).toBe('f');
  });

  it('clear empties it and indexes continue where they were', () => {
    const ring = new RingBuffer<number>(2);
    ring.push(1);
    ring.push(2);
    ring.push(3);
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.toArray()).toEqual([]);
    expect(ring.oldest()).toBeUndefined();
    expect(ring.firstIndex).toBe(3);
    expect(ring.evicted).toBe(1);
    ring.push(4);
    expect(ring.get(3)).toBe(4);
    expect(ring.get(2)).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(/positive integer, got 0/);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});

describe('RingBuffer, growable', () => {
  it('doubles instead of evicting, keeping order and indexes across a wrapped resize', () => {
    const ring = new RingBuffer<number>(2, { grow: true });
    ring.push(0);
    ring.push(1);
    expect(ring.shift()).toBe(0);
    ring.push(2); // wraps: head is at slot 1
    for (let i = 3; i < 20; i++) expect(ring.push(i)).toBeUndefined();
    expect(ring.evicted).toBe(0);
    expect(ring.capacity).toBeGreaterThanOrEqual(19);
    expect(ring.toArray()).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(ring.firstIndex).toBe(1);
    expect(ring.get(19)).toBe(19);
    expect(ring.take(3)).toEqual([1, 2, 3]);
  });
});

type Op = { kind: 'push'; value: number } | { kind: 'shift' } | { kind: 'take'; n: number } | { kind: 'clear' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.integer().map((value): Op => ({ kind: 'push', value })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'shift' }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 }).map((n): Op => ({ kind: 'take', n })) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'clear' }) }
);

describe('RingBuffer (property)', () => {
  it('behaves like an array of (absolute index, item) that keeps the newest `capacity`', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.array(opArb, { maxLength: 80 }), (capacity, grow, ops) => {
        const ring = new RingBuffer<number>(capacity, { grow });
        let model: { index: number; value: number }[] = [];
        let next = 0;
        let evicted = 0;
        for (const op of ops) {
          if (op.kind === 'push') {
            model.push({ index: next++, value: op.value });
            let expectedEvicted: number | undefined;
            if (!grow && model.length > capacity) {
              expectedEvicted = model.shift()?.value;
              evicted++;
            }
            expect(ring.push(op.value)).toBe(expectedEvicted);
          } else if (op.kind === 'shift') {
            expect(ring.shift()).toBe(model.shift()?.value);
          } else if (op.kind === 'take') {
            expect(ring.take(op.n)).toEqual(model.splice(0, op.n).map((entry) => entry.value));
          } else {
            ring.clear();
            model = [];
          }
          expect(ring.toArray()).toEqual(model.map((entry) => entry.value));
          expect(ring.size).toBe(model.length);
          expect(ring.evicted).toBe(evicted);
          expect(ring.nextIndex).toBe(next);
          expect(ring.firstIndex).toBe(next - model.length);
          for (const entry of model) expect(ring.get(entry.index)).toBe(entry.value);
          expect(ring.get(ring.firstIndex - 1)).toBeUndefined();
        }
      }),
      { numRuns: 300 }
    );
  });
});
