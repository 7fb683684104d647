import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES, PRIORITY_RANK, type EngineEvent, type EventType } from '../../../shared/events';
import { EventBus } from './event-bus';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'] as const;
/** Two types with the same payload shape, so a subscriber can hold a subset of them. */
const TYPES = ['synthetic_load', 'optimization_started'] as const satisfies readonly EventType[];
type TestType = (typeof TYPES)[number];
type Behaviour = 'ok' | 'asyncOk' | 'throw' | 'reject';

const subscriberArb = fc.record({
  engineId: fc.constantFrom(...ENGINES),
  types: fc.subarray([...TYPES], { minLength: 1 }),
  behaviour: fc.constantFrom<Behaviour>('ok', 'asyncOk', 'throw', 'reject'),
  /** Fails only events whose number is divisible by this (1 = always). */
  failEvery: fc.integer({ min: 1, max: 4 })
});

const eventArb = fc.record({
  eventType: fc.constantFrom(...TYPES),
  sourceEngine: fc.constantFrom(...ENGINES),
  priority: fc.constantFrom(...PRIORITIES),
  targetEngines: fc.option(fc.subarray([...ENGINES], { minLength: 1 }), { nil: undefined })
});

/** The event's number, whichever of the two test types it is. */
function numberOf(event: EngineEvent<TestType>): number {
  return event.eventType === 'synthetic_load' ? event.data.n : Number(event.data.taskId);
}

async function drain(bus: EventBus): Promise<void> {
  for (let i = 0; i < 500; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const stats = bus.getStats();
    if (stats.queued === 0 && stats.inFlight === 0) return;
  }
  throw new Error('bus did not drain');
}

describe('EventBus delivery (property)', () => {
  it('delivers every event to each matching subscriber exactly once or reports it, with gap-free seqs and priority order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(subscriberArb, { minLength: 1, maxLength: 6 }),
        fc.array(eventArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        async (subscribers, events, maxWorkers) => {
          const bus = new EventBus({ maxWorkers, maxHistorySize: 10_000, retryPolicy: { attempts: 1, backoffMs: 1 } });
          const delivered = new Map<string, number>();
          /** Events in the order the first of their handlers started. */
          const firstSeen: EngineEvent[] = [];
          subscribers.forEach((spec, index) => {
            bus.subscribe(spec.engineId, spec.types, (event) => {
              if (!firstSeen.includes(event)) firstSeen.push(event);
              const fails = numberOf(event) % spec.failEvery === 0;
              const key = `${event.eventId}|${index}`;
              const record = (): void => void delivered.set(key, (delivered.get(key) ?? 0) + 1);
              if (spec.behaviour === 'throw' && fails) throw new Error(`sub${index} failed`);
              if (spec.behaviour === 'reject' && fails) return Promise.reject(new Error(`sub${index} failed`));
              if (spec.behaviour === 'asyncOk' || spec.behaviour === 'reject') return Promise.resolve().then(record);
              record();
              return undefined;
            });
          });
          // Published before processing starts, so the whole batch is ordered by priority.
          const published = events.map((e, n) => {
            const input =
              e.eventType === 'synthetic_load'
                ? { ...e, eventType: 'synthetic_load' as const, data: { n } }
                : { ...e, eventType: 'optimization_started' as const, data: { taskId: String(n), input: {} } };
            return { ...e, n, id: bus.publish(input).eventId };
          });
          bus.startProcessing();
          await drain(bus);

          const errors = bus.log.query({ eventType: 'error_occurred' }) as EngineEvent<'error_occurred'>[];
          const errorsByKey = new Map<string, number>();
          for (const error of errors) {
            const key = `${String(error.data.originalEventId)}|${error.data.engineId}|${error.data.message}`;
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
              const fails = (spec.behaviour === 'throw' || spec.behaviour === 'reject') && event.n % spec.failEvery === 0;
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
          expect(bus.getStats().failedDeliveries).toBe(expectedErrors);

          const history = bus.log.query();
          expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
          expect(new Set(history.map((e) => e.eventId)).size).toBe(history.length);
          // Non-increasing priority, FIFO (ascending seq) within one priority.
          for (let i = 1; i < firstSeen.length; i++) {
            const before = firstSeen[i - 1] as EngineEvent;
            const after = firstSeen[i] as EngineEvent;
            const rankBefore = PRIORITY_RANK[before.priority];
            const rankAfter = PRIORITY_RANK[after.priority];
            expect(rankBefore > rankAfter || (rankBefore === rankAfter && before.seq < after.seq)).toBe(true);
          }
          bus.dispose();
        }
      ),
      { numRuns: 60 }
    );
  });
});
