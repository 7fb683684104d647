import type { EngineOutputMap, FlightdeckEngineId } from '../../shared/engine-outputs';
import type { ComputeContext } from '../core/engine';

/**
 * The outputs of the upstream engine `engineId` for the version being computed, typed by the
 * engine output map. The coordinator computes every dependency first and hands on what its
 * `compute` returned, so a missing entry is a wiring error (it throws, naming the engine).
 * @example const { loadedMassKg } = upstreamOutputs(context, 'design');
 */
export function upstreamOutputs<K extends FlightdeckEngineId>(
  context: Pick<ComputeContext, 'upstream'>,
  engineId: K
): EngineOutputMap[K] {
  const outputs = context.upstream[engineId];
  if (!outputs) throw new Error(`no ${engineId} outputs upstream: ${engineId} must compute first`);
  // `upstream` holds what the engine's own compute returned, i.e. `EngineOutputMap[K]`.
  return outputs as unknown as EngineOutputMap[K];
}
