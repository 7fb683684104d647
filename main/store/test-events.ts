import fc from 'fast-check';
import { z } from 'zod';
import { EVENT_PAYLOADS, EVENT_TYPES, type EngineEvent, type EventInput, type EventType } from '../../shared/events';
import { arbitraryFromJsonSchema, type JsonSchemaObject } from '../host/fuzz/json-schema-arbitrary';

/**
 * Test inputs for the store (tests and the crash child only): valid payloads of every event type
 * generated from the payload schemas themselves (the fuzzer's JSON-Schema arbitraries: odd
 * strings, unicode, deep values), and a deterministic stream mixing them with coherent facts —
 * engines that register and compute, violations that open and resolve, rules, tasks, faults — so
 * the projection has something to fold.
 */

/**
 * Deterministic uniform [0, 1) from a seed (mulberry32). Not the optimizer's generator: the crash
 * tests' kill points come from this sequence, and the storm child draws its storm from it too.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Names of Object.prototype members as engine or task ids are left out of the samples: the
 * projection takes them now (shared/projection/reduce.test.ts covers them), and these fixtures
 * stay the sequences the store's tests were written against.
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const namesPrototype = (value: unknown): boolean =>
  typeof value === 'string'
    ? PROTOTYPE_NAMES.has(value)
    : typeof value === 'object' && value !== null && Object.entries(value).some(([key, child]) => PROTOTYPE_NAMES.has(key) || namesPrototype(child));

/** `perType` valid payloads of every event type, the same for the same seed. */
export function samplePayloads(seed: number, perType: number): Map<EventType, unknown[]> {
  const samples = new Map<EventType, unknown[]>();
  EVENT_TYPES.forEach((type, index) => {
    const schema = EVENT_PAYLOADS[type] as z.ZodType;
    const arbitrary = arbitraryFromJsonSchema(z.toJSONSchema(schema, { io: 'input' }) as JsonSchemaObject);
    const valid = fc.sample(arbitrary, { numRuns: perType * 4, seed: seed * 131 + index }).filter((value) => schema.safeParse(value).success && !namesPrototype(value));
    if (valid.length === 0) throw new Error(`no valid sample of ${type}`);
    samples.set(type, valid.slice(0, perType).map((value) => schema.parse(value)));
  });
  return samples;
}

const ENGINES = ['design', 'materials', 'aerodynamics'] as const;
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/**
 * `count` event inputs, the same for the same seed: a session start, then configuration changes
 * each followed by the engines' outputs (one correlation per change), violations opening and
 * resolving, rule edits, task lifecycles, faults, errors, and samples of every other type, with
 * synthetic load in between.
 */
export function eventStream(seed: number, count: number): EventInput[] {
  const random = seededRandom(seed);
  const samples = samplePayloads(seed, 4);
  const sample = (type: EventType): Record<string, unknown> => structuredClone(pick(random, samples.get(type) as unknown[])) as Record<string, unknown>;
  const registered = ENGINES.map((engineId, i) => ({ engineId, capabilities: [`cap-${engineId}`], dependsOn: ENGINES.slice(0, i), analyses: [] }));
  const inputs: EventInput[] = [{ eventType: 'session_started', sourceEngine: 'coordinator', data: { engines: registered } }];
  let version = 0;
  let chain = 'chain-0';
  const add = (eventType: EventType, data: Record<string, unknown>, extra: Partial<EventInput> = {}): void => {
    inputs.push({ eventType, sourceEngine: pick(random, [...ENGINES, 'coordinator']), data, ...extra } as EventInput);
  };
  while (inputs.length < count) {
    const roll = random();
    if (roll < 0.05) {
      version++;
      chain = `chain-${version}`;
      add('configuration_changed', { version, previousVersion: version > 1 ? version - 1 : null, configuration: { version, wing: `wing ${version}` } }, { correlationId: chain, priority: 'HIGH' });
      for (const engineId of ENGINES) {
        add('engine_output', { ...sample('engine_output'), engineId, version }, { correlationId: chain, causationId: `cause-${version}`, targetEngines: ['consistency_manager'] });
      }
    } else if (roll < 0.1) {
      const violation = { ...sample('violation_opened'), violationId: `v-${Math.floor(random() * 5)}`, ruleId: `rule-${Math.floor(random() * 3)}` };
      add(random() < 0.6 ? 'violation_opened' : 'violation_resolved', { ...violation, status: 'open' }, { correlationId: chain });
    } else if (roll < 0.13) {
      const rule = sample('rule_added').rule as Record<string, unknown>;
      const ruleId = `rule-${Math.floor(random() * 3)}`;
      if (random() < 0.7) add('rule_added', { rule: { ...rule, ruleId } });
      else add('rule_removed', { ruleId });
    } else if (roll < 0.16) {
      const taskId = `task-${Math.floor(random() * 3)}`;
      const phase = pick(random, ['optimization_started', 'optimization_progress', 'optimization_completed'] as const);
      add(phase, { ...sample(phase), taskId });
    } else if (roll < 0.18) {
      add('fault_injected', { ...sample('fault_injected'), engineId: pick(random, ENGINES) }, { targetEngines: [pick(random, ENGINES)] });
    } else if (roll < 0.2) {
      add('engine_status_changed', { ...sample('engine_status_changed'), engineId: pick(random, ENGINES), version });
    } else if (roll < 0.3) {
      add(pick(random, EVENT_TYPES), {});
      const last = inputs[inputs.length - 1] as { data: unknown; eventType: EventType };
      last.data = sample(last.eventType);
    } else {
      add('synthetic_load', { n: inputs.length });
    }
  }
  inputs.length = count;
  return inputs;
}

/** What the store must give back of an event: the event as JSON would carry it, without the bus's delivery stamp. */
export function stored(event: EngineEvent): EngineEvent {
  const { queueWaitMs: _delivery, ...rest } = JSON.parse(JSON.stringify(event)) as EngineEvent;
  return rest as EngineEvent;
}
