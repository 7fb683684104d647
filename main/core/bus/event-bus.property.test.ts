import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRIORITIES, type EngineEvent, type EventType } from '../../../shared/events';
import { EventBus } from './event-bus';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'] as const;
const TYPES: EventType[] = ['configuration_changed', 'module_added', 'material_updated', 'data_invalidated'];
type Behaviour = 'ok' | 'asyncOk' | 'throw' | 'reject';

const subscriberArb = fc.record({
  engineId: fc.constantFrom(...ENGINES),
  types: fc.subarray(TYPES, { minLength: 1 }),
  behaviour: fc.constantFrom<Behaviour>('ok', 'asyncOk', 'throw', 'reject'),
  /** Fails only events whose sequence number is divisible by this (1 = always). */
  failEvery: fc.integer({ min: 1, max: 4 })
});

const eventArb = fc.record({
  eventType: fc.constantFrom(...TYPES),
  sourceEngine: fc.constantFrom(...ENGINES),
  priority: fc.constantFrom(...PRIORITIES),
  targetEngines: fc.option(fc.subarray([...ENGINES], { minLength: 1 }), { nil: undefined })
});

async function drain(bus: EventBus): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const stats = bus.getStats();
    if (stats.queued === 0 && stats.inFlight === 0) return;
  }
}

describe('EventBus delivery (property)', () => {
  it('delivers every event to each matching subscriber exactly once, or reports it as an error event', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(subscriberArb, { minLength: 1, maxLength: 6 }),
        fc.array(eventArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        async (subscribers, events, maxWorkers) => {
          const bus = new EventBus({ maxWorkers, maxHistorySize: 10_000, retryPolicy: { attempts: 1, backoffMs: 0 } });
          const delivered = new Map<string, number>();
          subscribers.forEach((spec, index) => {
            bus.subscribe(spec.engineId, spec.types, (event) => {
              const seq = event.data.seq as number;
              const fails = seq % spec.failEvery === 0;
              const key = `${event.eventId}|${index}`;
              const record = (): void => void delivered.set(key, (delivered.get(key) ?? 0) + 1);
              if (spec.behaviour === 'throw' && fails) throw new Error(`sub${index} failed`);
              if (spec.behaviour === 'reject' && fails) return Promise.reject(new Error(`sub${index} failed`));
              if (spec.behaviour === 'asyncOk' || spec.behaviour === 'reject') return Promise.resolve().then(record);
              record();
              return undefined;
            });
          });
          bus.startProcessing();
          const published = events.map((e, seq) => ({ ...e, id: bus.publish({ ...e, data: { seq } }).eventId, seq }));
          await drain(bus);

          const errors = bus.getEventHistory({ eventType: 'error_occurred' });
          const errorsByKey = new Map<string, number>();
          for (const error of errors) {
            const key = `${String(error.data.originalEventId)}|${String(error.data.engineId)}|${String(error.data.message)}`;
            errorsByKey.set(key, (errorsByKey.get(key) ?? 0) + 1);
          }
          let expectedErrors = 0;
          for (const event of published) {
            subscribers.forEach((spec, index) => {
              const matches =
                spec.types.includes(event.eventType) &&
                spec.engineId !== event.sourceEngine &&
                (!event.targetEngines || event.targetEngines.includes(spec.engineId));
              const key = `${event.id}|${index}`;
              const fails = (spec.behaviour === 'throw' || spec.behaviour === 'reject') && event.seq % spec.failEvery === 0;
              if (!matches) {
                expect(delivered.get(key)).toBeUndefined();
              } else if (fails) {
                expectedErrors++;
                expect(delivered.get(key)).toBeUndefined();
                expect(errorsByKey.get(`${event.id}|${spec.engineId}|sub${index} failed`)).toBeGreaterThanOrEqual(1);
              } else {
                expect(delivered.get(key)).toBe(1);
              }
            });
          }
          expect(errors).toHaveLength(expectedErrors);
          const history = bus.getEventHistory();
          expect(new Set(history.map((e: EngineEvent) => e.eventId)).size).toBe(history.length);
          bus.dispose();
        }
      ),
      { numRuns: 60 }
    );
  });
});
