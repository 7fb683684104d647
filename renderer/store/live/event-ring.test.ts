import { describe, expect, it } from 'vitest';
import { EventRing } from './event-ring';
import { makeEvent } from './test-events';

describe('EventRing', () => {
  it('keeps the newest N events under absolute sequence numbers', () => {
    const ring = new EventRing(3);
    ring.pushAll([0, 1, 2, 3, 4].map((n) => makeEvent(n)));
    expect(ring.size).toBe(3);
    expect(ring.oldestSeq).toBe(2);
    expect(ring.nextSeq).toBe(5);
    expect(ring.get(1)).toBeUndefined();
    expect(ring.get(2)?.eventId).toBe('e2');
    expect(ring.get(4)?.eventId).toBe('e4');
    expect(ring.get(5)).toBeUndefined();
    expect(ring.newest()?.eventId).toBe('e4');
  });

  it('counts every event the cap evicts', () => {
    const ring = new EventRing(100);
    for (let n = 0; n < 1050; n++) ring.push(makeEvent(n));
    expect(ring.evicted).toBe(950);
    expect(ring.size).toBe(100);
    expect(ring.get(ring.oldestSeq)?.eventId).toBe('e950');
  });

  it('evicts nothing below capacity', () => {
    const ring = new EventRing(10);
    ring.pushAll([makeEvent(0), makeEvent(1)]);
    expect(ring.evicted).toBe(0);
    expect(ring.get(0)?.eventId).toBe('e0');
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new EventRing(0)).toThrow(/positive integer/);
  });
});
