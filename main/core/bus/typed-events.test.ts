import { describe, expect, expectTypeOf, it } from 'vitest';
import { EngineEventSchema, eventSchemaOf, type EngineEvent } from '../../../shared/events';
import { EventBus } from './event-bus';

/**
 * The catalogue's promise, checked twice: at compile time (`npm run typecheck` type-checks this
 * file, and an `@ts-expect-error` that no longer finds an error fails the build), and at run
 * time, where `EngineEventSchema` parses events crossing a boundary.
 */

function issuesOf(value: unknown): string[] {
  const result = EngineEventSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('typed events at compile time', () => {
  it('a payload that does not match its event type does not compile for bus.publish', () => {
    const bus = new EventBus();
    // Well-typed: compiles.
    bus.publish({ eventType: 'rule_removed', sourceEngine: 'consistency_manager', data: { ruleId: 'mass_budget' } });
    bus.publish({
      eventType: 'rule_removed',
      sourceEngine: 'consistency_manager',
      // @ts-expect-error ruleId is a string
      data: { ruleId: 42 }
    });
    bus.publish({
      eventType: 'engine_output',
      sourceEngine: 'design',
      // @ts-expect-error the payload of another type does not fit
      data: { ruleId: 'mass_budget' }
    });
    // @ts-expect-error data is required
    bus.publish({ eventType: 'synthetic_load', sourceEngine: 'load' });
    // @ts-expect-error not an event type (and refused at run time too)
    expect(() => bus.publish({ eventType: 'bogus', sourceEngine: 'load', data: {} })).toThrow(/unknown event type: bogus/);

    // The process itself does not parse (types are the guard inside it); the boundary schema
    // catches what a cast or another process would slip through, naming the field.
    const badSeq = 2;
    expect(issuesOf(bus.log.get(badSeq))).toEqual(['data.ruleId']);
    expect(issuesOf(bus.log.get(1))).toEqual([]);
    bus.dispose();
  });

  it('a handler subscribed to engine_output sees its payload typed', () => {
    const bus = new EventBus();
    const seen: string[][] = [];
    bus.subscribe('materials', ['engine_output'], (event) => {
      expectTypeOf(event).toEqualTypeOf<EngineEvent<'engine_output'>>();
      expectTypeOf(event.data.changedFields).toEqualTypeOf<string[]>();
      const fields: string[] = event.data.changedFields;
      // @ts-expect-error engine_output has no ruleId
      void event.data.ruleId;
      seen.push(fields);
    });
    bus.subscribe('materials', ['engine_output', 'rule_removed'], (event) => {
      // @ts-expect-error only after narrowing on eventType
      void event.data.changedFields;
      if (event.eventType === 'rule_removed') expectTypeOf(event.data.ruleId).toEqualTypeOf<string>();
      else expectTypeOf(event.data.changedFields).toEqualTypeOf<string[]>();
    });
    expect(seen).toEqual([]);
    bus.dispose();
  });
});

describe('EngineEventSchema at run time', () => {
  const output: EngineEvent<'engine_output'> = {
    seq: 3,
    eventId: 'log-3',
    eventType: 'engine_output',
    sourceEngine: 'design',
    priority: 'NORMAL',
    timestamp: 1_700_000_000_000,
    configVersion: 2,
    requiresResponse: false,
    correlationId: 'log-1',
    causationId: 'log-2',
    data: { engineId: 'design', version: 2, outputs: { totalMassKg: 19_700 }, changedFields: ['totalMassKg'], durationMs: 4, degradedBy: [] }
  };

  it('parses a well-formed event of any type, and its own type schema too', () => {
    expect(EngineEventSchema.parse(output)).toEqual(output);
    expect(eventSchemaOf('engine_output').parse(output)).toEqual(output);
  });

  it('rejects a payload of the wrong shape, naming the field', () => {
    expect(issuesOf({ ...output, data: { ...output.data, changedFields: 'totalMassKg' } })).toEqual(['data.changedFields']);
    expect(issuesOf({ ...output, data: { ...output.data, version: 0 } })).toEqual(['data.version']);
    const { durationMs: _dropped, ...withoutDuration } = output.data;
    expect(issuesOf({ ...output, data: withoutDuration })).toEqual(['data.durationMs']);
    // The payload of another type under this type's name.
    expect(issuesOf({ ...output, data: { ruleId: 'mass_budget' } })).toContain('data.changedFields');
  });

  it('rejects an unknown type, an unknown envelope field and a bad envelope value', () => {
    expect(issuesOf({ ...output, eventType: 'bogus' })).toEqual(['eventType']);
    expect(issuesOf({ ...output, extra: true })).toEqual(['']);
    expect(issuesOf({ ...output, priority: 'URGENT' })).toEqual(['priority']);
    expect(issuesOf({ ...output, seq: 0 })).toEqual(['seq']);
  });
});
