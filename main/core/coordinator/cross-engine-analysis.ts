import { randomUUID } from 'node:crypto';
import type { EngineId } from '../../../shared/events';
import type { EventBus } from '../bus/event-bus';
import { RequestTimeoutError, errorMessage } from '../bus/errors';

/** The seed SDK's analysis types; engines may declare more. */
export const ANALYSIS_TYPES = [
  'complete_performance',
  'stealth_analysis',
  'thermal_analysis',
  'manufacturing_feasibility',
  'mission_analysis',
  'cost_analysis',
  'system_integration'
] as const;

export interface AnalysisResult {
  analysisType: string;
  correlationId: string;
  configVersion: number;
  durationMs: number;
  /** Each contributing engine's answer, by engine id. */
  contributions: Record<EngineId, unknown>;
  /** Engines that failed or did not answer, with the reason. */
  errors: Record<EngineId, string>;
  /** Headline figures combined from the contributions. */
  summary: Record<string, unknown>;
}

export interface AnalysisRun {
  bus: EventBus;
  sourceEngine: EngineId;
  analysisType: string;
  params: Record<string, unknown>;
  /** All engines in topological order. */
  order: readonly EngineId[];
  contributors: ReadonlySet<EngineId>;
  dependenciesOf: (engineId: EngineId) => readonly EngineId[];
  configVersion: number;
  timeoutMs: number;
  summarize?: (analysisType: string, contributions: Readonly<Record<EngineId, unknown>>) => Record<string, unknown>;
}

/**
 * Groups contributors into waves: an engine runs after every contributor it depends on,
 * and the engines of one wave run concurrently.
 */
export function analysisWaves(
  order: readonly EngineId[],
  contributors: ReadonlySet<EngineId>,
  dependenciesOf: (engineId: EngineId) => readonly EngineId[]
): EngineId[][] {
  const level = new Map<EngineId, number>();
  const waves: EngineId[][] = [];
  for (const id of order) {
    if (!contributors.has(id)) continue;
    const upstream = dependenciesOf(id).filter((dep) => level.has(dep));
    const wave = upstream.length === 0 ? 0 : Math.max(...upstream.map((dep) => level.get(dep) as number)) + 1;
    level.set(id, wave);
    (waves[wave] ??= []).push(id);
  }
  return waves;
}

/** Runs one cross-engine analysis as a sequence of request waves over the bus. */
export async function runAnalysisWaves(run: AnalysisRun): Promise<AnalysisResult> {
  const startedAt = performance.now();
  const correlationId = randomUUID();
  const { eventId: rootId } = run.bus.publish({
    eventType: 'analysis_started',
    sourceEngine: run.sourceEngine,
    correlationId,
    data: { analysisType: run.analysisType, params: run.params, configVersion: run.configVersion }
  });
  const contributions: Record<EngineId, unknown> = {};
  const errors: Record<EngineId, string> = {};
  for (const wave of analysisWaves(run.order, run.contributors, run.dependenciesOf)) {
    try {
      const responses = await run.bus.request(
        {
          eventType: 'analysis_started',
          sourceEngine: run.sourceEngine,
          targetEngines: wave,
          correlationId,
          causationId: rootId,
          data: { analysisType: run.analysisType, params: run.params, contributions: { ...contributions } }
        },
        { timeoutMs: run.timeoutMs }
      );
      for (const response of responses) {
        if (response.ok) contributions[response.engineId] = response.data;
        else errors[response.engineId] = response.error;
      }
    } catch (error) {
      const missing = error instanceof RequestTimeoutError ? error.missingEngines : wave;
      for (const id of missing) errors[id] = errorMessage(error);
    }
  }
  let summary: Record<string, unknown> = {};
  try {
    summary = run.summarize ? run.summarize(run.analysisType, contributions) : {};
  } catch (error) {
    errors[run.sourceEngine] = `summary failed: ${errorMessage(error)}`;
  }
  const result: AnalysisResult = {
    analysisType: run.analysisType,
    correlationId,
    configVersion: run.configVersion,
    durationMs: performance.now() - startedAt,
    contributions,
    errors,
    summary
  };
  run.bus.publish({
    eventType: 'analysis_completed',
    sourceEngine: run.sourceEngine,
    correlationId,
    causationId: rootId,
    data: { ...result }
  });
  return result;
}
