import { expect } from 'vitest';
import type { CachedEntry, ConsistencyRule } from '../../../shared/consistency';
import { EngineEventSchema, type EngineEvent, type EngineId, type EventInput } from '../../../shared/events';
import { EventLog } from '../log/event-log';
import { LiveProjection } from '../log/live-projection';
import { DataConsistencyManager } from './data-consistency-manager';

/**
 * A manager publishing to a real log (with the session projection folding it) and reading the
 * engines' outputs from a map the test fills, as the coordinator would from the session state.
 */
export function setup(options: { maxResolvedViolations?: number } = {}) {
  const log = new EventLog({ historySize: 10_000 });
  const projection = new LiveProjection(log);
  const entries = new Map<EngineId, CachedEntry>();
  const clock = { ms: 1_000 };
  const manager = new DataConsistencyManager({
    publish: (input) => log.append(input as EventInput),
    entryOf: (engineId) => entries.get(engineId),
    now: () => clock.ms,
    ...options
  });
  const output = (engineId: EngineId, data: Record<string, unknown>, configVersion = 1): void => {
    entries.set(engineId, { engineId, configVersion, data, updatedAt: clock.ms });
  };
  const published = (): EngineEvent[] => log.query();
  const types = (): string[] => published().map((event) => event.eventType);
  return { manager, log, projection, entries, clock, output, published, types };
}

export const massBudget: ConsistencyRule = {
  ruleId: 'mass_budget',
  sourceEngine: 'design',
  dependentEngines: ['materials'],
  dataFields: ['totalMassKg'],
  autoUpdate: false,
  severity: 'error',
  description: 'materials agree with the design mass'
};

/** Every event the manager published is valid at a boundary, and the session state agrees with it. */
export function expectStateMatches(context: ReturnType<typeof setup>): void {
  const { manager, projection, published } = context;
  for (const event of published()) expect(EngineEventSchema.safeParse(JSON.parse(JSON.stringify(event))).success).toBe(true);
  const state = projection.state;
  expect(Object.keys(state.violations.open).sort()).toEqual(manager.getOpenViolations().map((v) => v.violationId).sort());
  expect(state.ruleOrder).toEqual(manager.getRules().map((rule) => rule.ruleId));
  for (const rule of manager.getRules()) {
    const { validate, ...spec } = rule;
    expect(state.rules[rule.ruleId]).toEqual({ ...spec, codeCheck: validate !== undefined });
  }
}
