import { describe, expect, it } from 'vitest';
import type { ConsistencyRule } from '../../shared/consistency';
import type { EngineEvent, EngineId } from '../../shared/events';
import { projectAll } from '../../shared/projection';
import { versionAgreementRule } from '../core/consistency';
import { EngineCoordinator } from '../core/coordinator/engine-coordinator';
import type { ComputeContext, EngineData, SimulationEngine } from '../core/engine';
import type { TestConfiguration } from '../core/testing/test-engines';
import { editedRules } from './edited-rules';
import { rejudge } from './rejudge';
import { checksByEngine, placedChecks, watchChecks, type SeenCheck } from './test-recording';

/** A deterministic stream of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * An engine that sometimes fails, whose computation takes `steps()` microtask steps (0: it
 * answers at once, as the Flightdeck engines do), so outcomes and checks interleave.
 */
class SteppedEngine implements SimulationEngine<TestConfiguration> {
  readonly capabilities: readonly string[] = [];

  constructor(
    readonly id: EngineId,
    readonly dependsOn: readonly EngineId[],
    private readonly random: () => number,
    private readonly steps: () => number
  ) {}

  compute(context: ComputeContext<TestConfiguration>): EngineData | Promise<EngineData> {
    const steps = this.steps();
    const fails = this.random() < 0.08;
    const upstream = Object.values(context.upstream).reduce((sum, outputs) => sum + Number(outputs.value ?? 0), 0);
    const answer = (): EngineData => {
      if (fails) throw new Error(`${this.id} failed`);
      return { value: (context.configuration.value * (this.id.charCodeAt(1) + 1) + upstream) % 5 };
    };
    if (steps === 0) return answer();
    let step: Promise<void> = Promise.resolve();
    for (let i = 1; i < steps; i++) step = step.then(() => undefined);
    return step.then(answer);
  }
}

/** A rule that fails for some pairs of values, so violations open, change and resolve as the values move. */
function pairRule(source: EngineId, dependent: EngineId, autoUpdate: boolean): ConsistencyRule {
  return {
    ruleId: `${source}_${dependent}`,
    sourceEngine: source,
    dependentEngines: [dependent],
    dataFields: ['value'],
    autoUpdate,
    severity: 'warning',
    description: 'values that do not add up',
    validate: (s, d) => [{ field: 'value', passed: (Number(s.data.value) * 3 + Number(d.data.value)) % 4 !== 0, expected: s.data.value, actual: d.data.value }]
  };
}

/**
 * Records a session of seven engines on a random graph, with random rules between them (some
 * auto-updating): changes and recomputations, failures and restarts. Returns every event, every
 * check the recompute path ran, and the rules.
 */
async function recordRandomSession(seed: number, unequalSteps: boolean): Promise<{ events: EngineEvent[]; live: SeenCheck[]; rules: ConsistencyRule[] }> {
  const random = seeded(seed);
  const steps = unequalSteps ? () => Math.floor(random() * 4) : () => 0;
  const ids = Array.from({ length: 7 }, (_, i) => `e${i}`);
  const graph = new Map<EngineId, EngineId[]>();
  ids.forEach((id, i) => {
    const deps = ids.slice(0, i).filter(() => random() < 0.35);
    graph.set(id, i > 0 && deps.length === 0 ? [ids[Math.floor(random() * i)] as EngineId] : deps);
  });
  const rules: ConsistencyRule[] = [versionAgreementRule('config_version', 'e0', ids.slice(1))];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) if (random() < 0.4) rules.push(pairRule(ids[i] as EngineId, ids[j] as EngineId, random() < 0.15));
  }
  const coordinator = new EngineCoordinator<TestConfiguration>({
    engines: ids.map((id) => () => new SteppedEngine(id, graph.get(id) ?? [], random, steps)),
    rules,
    restartPolicy: () => ({ maxRestarts: 1000, windowMs: 60_000, backoffMs: 1, maxBackoffMs: 1, jitter: 0 })
  });
  const events: EngineEvent[] = [];
  const live: SeenCheck[] = [];
  try {
    await coordinator.initialize();
    events.push(...coordinator.log.query({}));
    coordinator.log.onDidAppend((event) => events.push(event));
    watchChecks(coordinator, events, live);
    for (let step = 0; step < 10; step++) {
      if (random() < 0.2) await coordinator.recomputeEngine(ids[Math.floor(random() * ids.length)] as EngineId, 'test');
      else await coordinator.processConfigurationChange({ value: step });
      await coordinator.whenQuiet();
    }
  } finally {
    await coordinator.shutdown();
  }
  return { events, live, rules };
}

const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);

/**
 * Whether the recompute path re-checked a pair it had passed over once both engines settled
 * (`recheckDeferred` at an idle point, its events caused by no output): the sandbox does not
 * model those idle points yet, so such recordings are out of its reach and counted apart.
 */
function hasDeferredRecheck(events: readonly EngineEvent[]): boolean {
  const changes = new Set(events.filter((e) => e.eventType === 'configuration_changed').map((e) => e.correlationId));
  return events.some((e) => e.eventType.startsWith('violation_') && e.causationId == null && changes.has(e.correlationId));
}

describe('RecordedChecks on random sessions', () => {
  it('sees at every check what the recompute path saw, when every computation takes as many microtask steps', async () => {
    let modelled = 0;
    for (const seed of SEEDS) {
      const { events, live, rules } = await recordRandomSession(seed, false);
      if (hasDeferredRecheck(events)) continue;
      modelled++;
      const placed = placedChecks(events);

      expect(placed.map((c) => c.engineId), `seed ${seed}`).toEqual(live.map((c) => c.engineId));
      expect(checksByEngine(placed), `seed ${seed}`).toEqual(checksByEngine(live));
      const report = rejudge(events, editedRules(projectAll(events), [], { codeRules: rules }));
      expect(report.totals.differingOutputs, `seed ${seed}`).toBe(0);
      expect(report.atEnd, `seed ${seed}`).toEqual({ opened: [], noLongerOpened: [], changed: [] });
    }
    expect(modelled).toBeGreaterThanOrEqual(SEEDS.length / 2);
  });

  it('reproduces the recorded violations with the recorded rules when computations take different numbers of steps', async () => {
    let checks = 0;
    let sawOtherwise = 0;
    let modelled = 0;
    for (const seed of SEEDS) {
      const { events, live, rules } = await recordRandomSession(seed, true);
      if (hasDeferredRecheck(events)) continue;
      modelled++;
      const placed = checksByEngine(placedChecks(events));
      for (const [key, settled] of checksByEngine(live)) {
        checks++;
        if (JSON.stringify(placed.get(key)) !== JSON.stringify(settled)) sawOtherwise++;
      }
      const report = rejudge(events, editedRules(projectAll(events), [], { codeRules: rules }));
      expect(report.totals.differingOutputs, `seed ${seed}`).toBe(0);
      expect(report.atEnd, `seed ${seed}`).toEqual({ opened: [], noLongerOpened: [], changed: [] });
    }
    // Where a block leaves open which side of it a silent check ran on (the file's known limit).
    expect(sawOtherwise / checks).toBeLessThan(0.02);
    expect(modelled).toBeGreaterThanOrEqual(SEEDS.length / 2);
  });
});
