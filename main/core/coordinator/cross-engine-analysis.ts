import { randomUUID } from 'node:crypto';
import type { EngineId } from '../../../shared/events';
import type { AnalysisParams, AnalysisResult, InputsFreshness } from '../../../shared/results';
import type { SessionState } from '../../../shared/projection';
import type { EventBus } from '../bus/event-bus';
import type { AnalysisContext } from '../engine';
import { RequestTimeoutError, errorMessage } from '../bus/errors';

export { ANALYSIS_TYPES } from '../../../shared/results';

export type AnalysisSummary = AnalysisResult['summary'];

/** What an engine is asked in an `analysis_started` request. */
export interface AnalysisRequest {
  analysisType: string;
  params: AnalysisParams;
  contributions?: Record<string, unknown>;
}

/** An engine's analysis input: the configuration, and the outputs of `engines` (itself and what it depends on). */
export function analysisContext<TConfig>(
  current: { configuration: TConfig; version: number },
  state: SessionState,
  engines: readonly EngineId[],
  request: AnalysisRequest
): AnalysisContext<TConfig> {
  const upstream: Record<EngineId, Readonly<Record<string, unknown>>> = {};
  for (const id of engines) {
    const outputs = state.engines[id]?.outputs;
    if (outputs) upstream[id] = outputs;
  }
  return {
    configuration: current.configuration,
    configVersion: current.version,
    upstream,
    analysisType: request.analysisType,
    params: request.params,
    contributions: request.contributions ?? {}
  };
}

export interface AnalysisRun {
  bus: EventBus;
  sourceEngine: EngineId;
  analysisType: string;
  params: AnalysisParams;
  /** All engines in topological order. */
  order: readonly EngineId[];
  contributors: ReadonlySet<EngineId>;
  dependenciesOf: (engineId: EngineId) => readonly EngineId[];
  /** Whether the contributors (and what they depend on) are current; stale ones are not asked. */
  inputs: InputsFreshness;
  timeoutMs: number;
  summarize?: (analysisType: string, contributions: Readonly<Record<EngineId, unknown>>) => AnalysisSummary;
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

/**
 * Runs one cross-engine analysis as a sequence of request waves over the bus. A contributor
 * whose figures are not current for the configuration (it, or an engine it depends on, is
 * behind, failed, blocked or invalidated) is not asked: its error says why, and the result's
 * `inputs` says the analysis is not up to date — it is never presented as current.
 */
export async function runAnalysisWaves(run: AnalysisRun): Promise<AnalysisResult> {
  const startedAt = performance.now();
  const correlationId = randomUUID();
  const configVersion = run.inputs.configVersion;
  const { eventId: rootId } = run.bus.publish({
    eventType: 'analysis_started',
    sourceEngine: run.sourceEngine,
    correlationId,
    configVersion,
    data: { analysisType: run.analysisType, params: run.params }
  });
  const contributions: Record<EngineId, unknown> = {};
  const errors: Record<EngineId, string> = {};
  const staleById = new Map(run.inputs.staleInputs.map((input) => [input.engineId, input]));
  const unavailable = (id: EngineId): string | undefined => {
    const own = staleById.get(id);
    if (own) return `not current: ${own.reason}`;
    const upstream = run.dependenciesOf(id).find((dep) => staleById.has(dep));
    return upstream ? `not current: depends on ${upstream}, which ${staleById.get(upstream)?.reason}` : undefined;
  };
  for (const wave of analysisWaves(run.order, run.contributors, run.dependenciesOf)) {
    const asked = wave.filter((id) => {
      const reason = unavailable(id);
      if (reason) errors[id] = reason;
      return reason === undefined;
    });
    if (asked.length === 0) continue;
    try {
      const responses = await run.bus.request(
        {
          eventType: 'analysis_started',
          sourceEngine: run.sourceEngine,
          targetEngines: asked,
          correlationId,
          causationId: rootId,
          configVersion,
          data: { analysisType: run.analysisType, params: run.params, contributions: { ...contributions } }
        },
        { timeoutMs: run.timeoutMs }
      );
      for (const response of responses) {
        if (response.ok) contributions[response.engineId] = response.data;
        else errors[response.engineId] = response.error;
      }
    } catch (error) {
      const missing = error instanceof RequestTimeoutError ? error.missingEngines : asked;
      for (const id of missing) errors[id] = errorMessage(error);
    }
  }
  let summary: AnalysisSummary = {};
  try {
    summary = run.summarize ? run.summarize(run.analysisType, contributions) : {};
  } catch (error) {
    errors[run.sourceEngine] = `summary failed: ${errorMessage(error)}`;
  }
  const result: AnalysisResult = {
    analysisType: run.analysisType,
    correlationId,
    durationMs: performance.now() - startedAt,
    contributions,
    errors,
    summary,
    inputs: run.inputs
  };
  run.bus.publish({ eventType: 'analysis_completed', sourceEngine: run.sourceEngine, correlationId, causationId: rootId, configVersion, data: result });
  return result;
}
