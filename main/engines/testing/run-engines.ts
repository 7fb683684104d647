import { fileURLToPath } from 'node:url';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import { FLIGHTDECK_ENGINE_IDS, type EngineOutputMap, type FlightdeckEngineId } from '../../../shared/engine-outputs';
import { loadFlightdeckConfig } from '../../core/config/flightdeck-config';
import type { EngineData, SimulationEngine } from '../../core/engine';
import { EngineRegistry } from '../../core/registry';
import { createFlightdeckEngines, type FlightdeckEngines } from '../session/engine-factories';
import { loadEngineLibraries, type EngineLibraries } from '../session/libraries';

/**
 * Tests' access to the shipped libraries and to the six engines' own `compute`, run in the
 * registry's dependency order with each engine's upstream outputs, as the coordinator runs them.
 */

let shipped: EngineLibraries | undefined;

/** The libraries of `resources/flightdeck.yaml`, loaded once per test file. */
export function shippedLibraries(): EngineLibraries {
  shipped ??= loadEngineLibraries(
    loadFlightdeckConfig(fileURLToPath(new URL('../../../resources/flightdeck.yaml', import.meta.url)))
  );
  return shipped;
}

/** The engines in the order the coordinator's registry computes them. */
export function dependencyOrder(engines: FlightdeckEngines): FlightdeckEngineId[] {
  const registry = new EngineRegistry<SimulationEngine<AircraftConfiguration>>();
  for (const id of FLIGHTDECK_ENGINE_IDS) registry.register(engines[id], engines[id].capabilities, engines[id].dependsOn);
  const order = registry.topologicalOrder() as FlightdeckEngineId[];
  registry.dispose();
  return order;
}

/**
 * Every engine's outputs of a configuration, each from its own `compute` given the outputs of
 * the engines before it.
 * @example const outputs = computeEngines(loadScenario('f22a')); outputs.aerodynamics.maxMach
 */
export function computeEngines(
  configuration: AircraftConfiguration,
  engines: FlightdeckEngines = createFlightdeckEngines(shippedLibraries())
): EngineOutputMap {
  const upstream: Record<string, EngineData> = {};
  for (const id of dependencyOrder(engines)) {
    upstream[id] = engines[id].compute({ configuration, configVersion: 1, upstream }) as EngineData;
  }
  return upstream as unknown as EngineOutputMap;
}
