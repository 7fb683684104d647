import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { EventRing } from './event-ring';
import { compileFilter, EMPTY_FILTERS, type EventFilters } from './event-filter';
import { FilteredIndex } from './filtered-index';
import { makeEvent } from './test-events';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors'];
const TYPES = ['engine_output', 'configuration_changed', 'engine_status_changed'] as const;
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'] as const;

function eventFor(n: number, seed: number): EngineEvent {
  return makeEvent(n, {
    eventType: TYPES[seed % TYPES.length],
    sourceEngine: ENGINES[seed % ENGINES.length] as string,
    targetEngines: seed % 3 === 0 ? [ENGINES[(seed + 1) % ENGINES.length] as string] : undefined,
    priority: PRIORITIES[(seed >> 2) % PRIORITIES.length],
    data: { field: seed % 5 === 0 ? 'thrustKN' : 'massKg', value: seed }
  });
}

function visibleIds(index: FilteredIndex, ring: EventRing): string[] {
  const out: string[] = [];
  for (let i = 0; i < index.length; i++) out.push(ring.get(index.seqAt(i) as number)?.eventId as string);
  return out;
}

const filtersArb: fc.Arbitrary<EventFilters> = fc.record({
  types: fc.subarray([...TYPES]),
  engines: fc.subarray(ENGINES),
  priorities: fc.subarray([...PRIORITIES]),
  correlationId: fc.constantFrom('', 'c1', 'c2'),
  text: fc.constantFrom('', 'thrust', 'MASSKG')
});

describe('FilteredIndex', () => {
  it('maintained incrementally (with evictions) equals a full filter of the held events', () => {
    fc.assert(
      fc.property(filtersArb, fc.array(fc.nat(1000), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 17 }), (filters, seeds, batch) => {
        const ring = new EventRing(50);
        const predicate = compileFilter(filters);
        const index = new FilteredIndex(predicate, 0);
        seeds.forEach((seed, n) => {
          ring.push(eventFor(n, seed));
          if (n % batch === 0) index.advance(ring, 1000);
        });
        index.advance(ring, Number.MAX_SAFE_INTEGER);
        const expected: string[] = [];
        for (let seq = ring.oldestSeq; seq < ring.nextSeq; seq++) {
          const event = ring.get(seq) as EngineEvent;
          if (predicate.test(event)) expected.push(event.eventId);
        }
        expect(visibleIds(index, ring)).toEqual(expected);
      })
    );
  });

  it('catches up after a reset in bounded steps', () => {
    const ring = new EventRing(1000);
    for (let n = 0; n < 1000; n++) ring.push(eventFor(n, n));
    const index = new FilteredIndex(compileFilter(EMPTY_FILTERS), 0);
    index.advance(ring, 5000);
    expect(index.length).toBe(1000);
    index.reset(compileFilter({ ...EMPTY_FILTERS, text: 'thrust' }), ring.oldestSeq);
    expect(index.advance(ring, 300)).toBe(false);
    expect(index.scannedUpTo).toBe(300);
    while (!index.advance(ring, 300));
    expect(index.length).toBe(200);
    expect(index.indexOfSeq(5)).toBe(1);
    expect(index.indexOfSeq(6)).toBe(-1);
  });

  it('matches engines as source or target and text inside the payload', () => {
    const byTarget = makeEvent(1, { sourceEngine: 'design', targetEngines: ['sensors'] });
    expect(compileFilter({ ...EMPTY_FILTERS, engines: ['sensors'] }).test(byTarget)).toBe(true);
    expect(compileFilter({ ...EMPTY_FILTERS, engines: ['materials'] }).test(byTarget)).toBe(false);
    const payload = makeEvent(2, { data: { engineModel: 'EJ200' } });
    expect(compileFilter({ ...EMPTY_FILTERS, text: 'ej200' }).test(payload)).toBe(true);
    expect(compileFilter({ ...EMPTY_FILTERS, text: 'f119' }).test(payload)).toBe(false);
  });
});
