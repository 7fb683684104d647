import { EngineCrashError, type ComputeContext, type EngineData, type EngineFactory, type SimulationEngine } from '../engine';

/** The configuration the test engines understand: one number to propagate. */
export interface TestConfiguration {
  value: number;
}

/** The six engines' dependency graph, as in the seed SDK. */
export const TEST_GRAPH: Readonly<Record<string, readonly string[]>> = {
  design: [],
  materials: ['design'],
  propulsion: ['design', 'materials'],
  sensors: ['design', 'materials'],
  aerodynamics: ['design', 'materials', 'propulsion'],
  manufacturing: ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics']
};

export interface TestEngineBehaviour {
  /** Work done per computation (awaited). */
  delayMs?: number;
  /** Called at the start of each compute; may throw to fail or crash. */
  onCompute?: (engineId: string, context: ComputeContext<TestConfiguration>) => void;
  analyses?: readonly string[];
  /** How long `analyze` takes to answer. */
  analyzeDelayMs?: number;
  /** Replaces the default outputs (the configuration value and the upstream engines seen). */
  output?: (context: ComputeContext<TestConfiguration>) => EngineData;
}

/**
 * A small engine for tests and benchmarks: its output is the configuration value plus the
 * number of upstream outputs it saw, so a test can check what reached it.
 */
export class TestEngine implements SimulationEngine<TestConfiguration> {
  readonly capabilities: readonly string[];
  readonly analyses: readonly string[];
  restoredFrom: EngineData | undefined;

  constructor(
    readonly id: string,
    readonly dependsOn: readonly string[],
    private readonly behaviour: TestEngineBehaviour = {}
  ) {
    this.capabilities = [`${id}_model`];
    this.analyses = behaviour.analyses ?? [];
  }

  async compute(context: ComputeContext<TestConfiguration>): Promise<EngineData> {
    this.behaviour.onCompute?.(this.id, context);
    if (this.behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, this.behaviour.delayMs));
    if (this.behaviour.output) return this.behaviour.output(context);
    return { value: context.configuration.value, upstreamSeen: Object.keys(context.upstream).sort() };
  }

  analyze(context: { analysisType: string; contributions: Readonly<Record<string, unknown>> }): EngineData | Promise<EngineData> {
    const answer = { engine: this.id, analysisType: context.analysisType, sawContributions: Object.keys(context.contributions).sort() };
    const delayMs = this.behaviour.analyzeDelayMs;
    return delayMs ? new Promise((resolve) => setTimeout(() => resolve(answer), delayMs)) : answer;
  }

  restore(cached: EngineData): void {
    this.restoredFrom = cached;
  }
}

/** Factories for the six test engines, sharing one behaviour per engine id. */
export function testEngineFactories(
  behaviours: Readonly<Record<string, TestEngineBehaviour>> = {}
): EngineFactory<TestConfiguration>[] {
  return Object.entries(TEST_GRAPH).map(([id, deps]) => () => new TestEngine(id, deps, behaviours[id]));
}

/** A behaviour that crashes the engine on its first `times` computations. */
export function crashing(times: number): TestEngineBehaviour {
  let left = times;
  return {
    onCompute: (engineId): void => {
      if (left-- > 0) throw new EngineCrashError(engineId, 'segfault in test model');
    }
  };
}
