import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineData, SimulationEngine } from '../../core/engine';
import { engineFactories } from './engine-factories';
import type { EngineLibraries } from './libraries';

/** Every engine's outputs for one configuration, by engine id. */
export type EngineOutputs = Record<string, EngineData>;

/**
 * Runs the six engines' models in dependency order, in process and without the bus: the
 * optimizer's inner loop. The figures are exactly those the engines publish when the design
 * is applied, because they are the same objects computing them.
 */
export class DesignEvaluator {
  private readonly engines: SimulationEngine<AircraftConfiguration>[];

  constructor(libraries: EngineLibraries) {
    this.engines = engineFactories(libraries).map((create) => create());
  }

  /** Throws if an engine cannot compute the configuration (e.g. an unknown library id). */
  evaluate(configuration: AircraftConfiguration): EngineOutputs {
    const outputs: EngineOutputs = {};
    for (const engine of this.engines) {
      const result = engine.compute({ configuration, configVersion: configuration.version, upstream: outputs });
      if (result instanceof Promise) throw new Error(`${engine.id} computes asynchronously; the evaluator needs a synchronous model`);
      outputs[engine.id] = result;
    }
    return outputs;
  }
}
