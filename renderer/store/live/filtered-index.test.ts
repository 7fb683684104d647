import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { RingBuffer } from '../../../shared/ring-buffer';
import { compileFilter, EMPTY_FILTERS, type EventFilters } from './event-filter';
import { FilteredIndex } from './filtered-index';
import { makeEvent } from './test-events';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'] as const;
const TYPES = ['engine_output', 'rule_removed', 'synthetic_load'] as const;

function eventFor(n: number, seed: number): EngineEvent {
  const envelope = {
    sourceEngine: ENGINES[seed % ENGINES.length] as string,
    targetEngines: seed % 3 === 0 ? [ENGINES[(seed + 1) % ENGINES.length] as string] : undefined,
    priority: PRIORITIES[(seed >> 2) % PRIORITIES.length]
  };
  const field = seed % 5 === 0 ? 'thrustKN' : 'massKg';
  switch (TYPES[seed % TYPES.length]) {
    case 'engine_output':
      return makeEvent(n, 'engine_output', { engineId: envelope.sourceEngine, version: 1, outputs: { [field]: seed }, changedFields: [field], durationMs: 1, degradedBy: [] }, envelope);
    case 'rule_removed':
      return makeEvent(n, 'rule_removed', { ruleId: `${field}_rule` }, envelope);
    default:
      return makeEvent(n, 'synthetic_load', { n: seed }, envelope);
  }
}

function visibleIds(index: FilteredIndex, ring: RingBuffer<EngineEvent>): string[] {
  const out: string[] = [];
  for (let i = 0; i < index.length; i++) out.push(ring.get(index.positionAt(i) as number)?.eventId as string);
  return out;
}

const filtersArb: fc.Arbitrary<EventFilters> = fc.record({
  types: fc.subarray([...TYPES]),
  engines: fc.subarray(ENGINES),
  priorities: fc.subarray([...PRIORITIES]),
  correlationId: fc.constantFrom('', 'c1', 'c2'),
  text: fc.constantFrom('', 'thrust', 'MASSKG'),
  hideNoise: fc.boolean(),
  hideTypes: fc.subarray([...TYPES], { maxLength: 1 }),
  hideSources: fc.subarray(ENGINES, { maxLength: 1 })
});

describe('FilteredIndex', () => {
  it('maintained incrementally (with evictions) equals a full filter of the held events', () => {
    fc.assert(
      fc.property(filtersArb, fc.array(fc.nat(1000), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 17 }), (filters, seeds, batch) => {
        const ring = new RingBuffer<EngineEvent>(50);
        const predicate = compileFilter(filters);
        const index = new FilteredIndex(predicate, 0);
        seeds.forEach((seed, n) => {
          ring.push(eventFor(n + 1, seed));
          if (n % batch === 0) index.advance(ring, 1000);
        });
        index.advance(ring, Number.MAX_SAFE_INTEGER);
        const expected: string[] = [];
        for (let position = ring.firstIndex; position < ring.nextIndex; position++) {
          const event = ring.get(position) as EngineEvent;
          if (predicate.test(event)) expected.push(event.eventId);
        }
        expect(visibleIds(index, ring)).toEqual(expected);
      })
    );
  });

  it('catches up after a reset in bounded steps', () => {
    const ring = new RingBuffer<EngineEvent>(1000);
    for (let n = 0; n < 1000; n++) ring.push(eventFor(n + 1, n));
    const index = new FilteredIndex(compileFilter(EMPTY_FILTERS), 0);
    index.advance(ring, 5000);
    expect(index.length).toBe(1000);
    index.reset(compileFilter({ ...EMPTY_FILTERS, text: 'thrust' }), ring.firstIndex);
    expect(index.advance(ring, 300)).toBe(false);
    expect(index.scannedUpTo).toBe(300);
    while (!index.advance(ring, 300));
    // Seeds divisible by 5 name thrustKN; of those, the rule_removed ones (seed % 3 = 1) name it too.
    const expected = [...Array(1000).keys()].filter((n) => n % 5 === 0 && n % 3 !== 2).length;
    expect(index.length).toBe(expected);
    expect(index.indexOfPosition(10)).toBe(1);
    expect(index.indexOfPosition(5)).toBe(-1);
  });

  it('matches engines as source or target and text inside the payload', () => {
    const byTarget = makeEvent(1, 'synthetic_load', { n: 1 }, { sourceEngine: 'design', targetEngines: ['sensors'] });
    expect(compileFilter({ ...EMPTY_FILTERS, engines: ['sensors'] }).test(byTarget)).toBe(true);
    expect(compileFilter({ ...EMPTY_FILTERS, engines: ['materials'] }).test(byTarget)).toBe(false);
    const payload = makeEvent(2, 'rule_removed', { ruleId: 'EJ200_check' });
    expect(compileFilter({ ...EMPTY_FILTERS, text: 'ej200' }).test(payload)).toBe(true);
    expect(compileFilter({ ...EMPTY_FILTERS, text: 'f119' }).test(payload)).toBe(false);
  });
});
