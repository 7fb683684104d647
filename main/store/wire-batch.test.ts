import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { EventLog } from '../core/log/event-log';
import { eventToRow } from './event-rows';
import { splitJsonArray } from './json-split';
import { BatchEncoder, decodeBatch } from './wire-batch';

describe('the recorder-to-writer batch', () => {
  it('decodes to exactly the rows of the events: derived and explicit ids, correlations, causes, targets', () => {
    const log = new EventLog();
    const events: EngineEvent[] = [
      log.append({ eventType: 'synthetic_load', sourceEngine: 'load', data: { n: 1 } }),
      log.append({ eventType: 'rule_removed', sourceEngine: 'consistency_manager', data: { ruleId: 'r"1\\' }, correlationId: 'chain', causationId: 'cause', targetEngines: ['design', 'design'], priority: 'CRITICAL', requiresResponse: true }),
      log.append({ eventType: 'synthetic_load', sourceEngine: 'load', data: { n: 2 }, configVersion: 7 })
    ];
    // An id the log did not number (an imported event) travels as it is.
    const foreign = { ...events[0], seq: 4, eventId: 'elsewhere-99', correlationId: 'elsewhere-99' } as EngineEvent;
    const all = [...events, foreign];
    const batch = new BatchEncoder(`${log.id}-`).encode(3, all);
    expect(batch.strings).toEqual(['chain', 'cause', '["design","design"]', 'elsewhere-99']);
    expect(decodeBatch(batch)).toEqual(all.map((event) => eventToRow(3, event)));
  });

  it('round-trips any payload and any id', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ data: fc.jsonValue(), eventId: fc.string({ minLength: 1 }), correlationId: fc.string({ minLength: 1 }), causationId: fc.option(fc.string({ minLength: 1 })) }), { minLength: 1, maxLength: 30 }),
        fc.string(),
        (specs, prefix) => {
          const events = specs.map(
            (spec, i) =>
              ({ seq: i + 1, eventType: 'synthetic_load', sourceEngine: `s${i % 3}`, priority: 'LOW', timestamp: 1e12 + i / 7, configVersion: i, requiresResponse: false, ...spec, data: JSON.parse(JSON.stringify(spec.data ?? null)) }) as unknown as EngineEvent
          );
          expect(decodeBatch(new BatchEncoder(prefix).encode(1, events))).toEqual(events.map((event) => eventToRow(1, event)));
        }
      ),
      { numRuns: 200, seed: 9 }
    );
  });

  it('splits a JSON array into the texts of its elements', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (values) => {
        expect(splitJsonArray(JSON.stringify(values))).toEqual(values.map((value) => JSON.stringify(value)));
      }),
      { numRuns: 300, seed: 3 }
    );
    expect(splitJsonArray('[{"a":"]\\"},[{"}]')).toEqual(['{"a":"]\\"},[{"}']);
    expect(() => splitJsonArray('{"a":1}')).toThrow(SyntaxError);
    expect(() => splitJsonArray('[1,"2')).toThrow(SyntaxError);
    expect(() => splitJsonArray('[1]x')).toThrow(SyntaxError);
  });
});
