import type { AircraftConfiguration } from '../../../shared/aircraft';
import { FLIGHTDECK_ENGINE_IDS } from '../../../shared/engine-outputs';
import type { EngineFactory } from '../../core/engine';
import { AerodynamicsEngine } from '../aerodynamics/aerodynamics-engine';
import { DesignEngine } from '../design/design-engine';
import { ManufacturingEngine } from '../manufacturing/manufacturing-engine';
import { MaterialsEngine } from '../materials/materials-engine';
import { PropulsionEngine } from '../propulsion/propulsion-engine';
import { SensorsEngine } from '../sensors/sensors-engine';
import type { EngineLibraries } from './libraries';

/** One instance of each of the six engines, typed by engine id. */
export interface FlightdeckEngines {
  design: DesignEngine;
  materials: MaterialsEngine;
  propulsion: PropulsionEngine;
  sensors: SensorsEngine;
  aerodynamics: AerodynamicsEngine;
  manufacturing: ManufacturingEngine;
}

/** How each engine is built from the session's libraries. */
const BUILDERS: { [K in keyof FlightdeckEngines]: (libraries: EngineLibraries) => FlightdeckEngines[K] } = {
  // The aircraft library already carries the session's materials for the mass roll-up.
  design: ({ aircraft }) => new DesignEngine(aircraft),
  materials: ({ materials }) => new MaterialsEngine(materials),
  propulsion: ({ aircraft }) => new PropulsionEngine(aircraft),
  sensors: ({ sensors, aircraft }) => new SensorsEngine(sensors, aircraft.modules),
  aerodynamics: ({ aircraft }) => new AerodynamicsEngine(aircraft),
  manufacturing: ({ manufacturing, aircraft }) => new ManufacturingEngine(manufacturing, aircraft.engines)
};

/**
 * Fresh instances of the six engines on the session's libraries (the optimizer's evaluator).
 * @example createFlightdeckEngines(libraries).aerodynamics.evaluate(config, upstream)
 */
export function createFlightdeckEngines(libraries: EngineLibraries): FlightdeckEngines {
  return {
    design: BUILDERS.design(libraries),
    materials: BUILDERS.materials(libraries),
    propulsion: BUILDERS.propulsion(libraries),
    sensors: BUILDERS.sensors(libraries),
    aerodynamics: BUILDERS.aerodynamics(libraries),
    manufacturing: BUILDERS.manufacturing(libraries)
  };
}

/** One engine built fresh from the session's libraries (an engine worker's own instance). */
export function createEngine(id: keyof FlightdeckEngines, libraries: EngineLibraries): FlightdeckEngines[keyof FlightdeckEngines] {
  return BUILDERS[id](libraries);
}

/** The six engines, each built fresh from the session's libraries (also after a crash). */
export function engineFactories(libraries: EngineLibraries): EngineFactory<AircraftConfiguration>[] {
  return FLIGHTDECK_ENGINE_IDS.map((id) => () => BUILDERS[id](libraries));
}
