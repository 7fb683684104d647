import type { AircraftConfiguration } from '../../shared/aircraft';
import type { AnalysisContext, ComputeContext, EngineData, SimulationEngine } from '../core/engine';
import type { RemoteWorkClient } from './remote-work-client';
import type { FlightdeckEngineId } from './work-protocol';

/**
 * An engine whose computations run on engine workers over NATS: to the coordinator it is an
 * engine like any other (same id, capabilities and dependencies, read off a local instance of the
 * same engine), so the recompute path, supervision and consistency checks do not change. What
 * the worker's engine emitted comes back with its outputs and is published here. Cross-engine
 * analyses and restores still run on the local instance.
 */
export class RemoteEngine implements SimulationEngine<AircraftConfiguration> {
  readonly id: FlightdeckEngineId;
  readonly capabilities: readonly string[];
  readonly dependsOn: readonly string[];
  readonly analyses?: readonly string[];
  readonly remote = true;
  constructor(
    private readonly local: SimulationEngine<AircraftConfiguration>,
    private readonly client: RemoteWorkClient
  ) {
    this.id = local.id as FlightdeckEngineId;
    this.capabilities = local.capabilities;
    this.dependsOn = local.dependsOn;
    if (local.analyses) this.analyses = local.analyses;
  }

  async compute(context: ComputeContext<AircraftConfiguration>): Promise<EngineData> {
    const { outputs, emissions } = await this.client.compute(this.id, context);
    for (const emission of emissions) context.emit?.(emission);
    return outputs;
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): unknown {
    return this.local.analyze?.(context);
  }

  restore(outputs: EngineData): void {
    this.local.restore?.(outputs);
  }
}
