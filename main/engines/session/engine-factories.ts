import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineFactory } from '../../core/engine';
import { DesignEngine } from '../design/design-engine';
import { MaterialsEngine } from '../materials/materials-engine';
import { PropulsionEngine } from '../propulsion/propulsion-engine';
import { SensorsEngine } from '../sensors/sensors-engine';
import { AerodynamicsEngine } from '../aerodynamics/aerodynamics-engine';
import { ManufacturingEngine } from '../manufacturing/manufacturing-engine';
import type { EngineLibraries } from './libraries';

/** The six engines, each built fresh from the session's libraries (also after a crash). */
export function engineFactories(libraries: EngineLibraries): EngineFactory<AircraftConfiguration>[] {
  const { aircraft, materials, sensors, manufacturing } = libraries;
  return [
    // The aircraft library already carries the session's materials for the mass roll-up.
    () => new DesignEngine(aircraft),
    () => new MaterialsEngine(materials),
    () => new PropulsionEngine(aircraft),
    () => new SensorsEngine(sensors, { modules: aircraft.modules, materials }),
    () => new AerodynamicsEngine(aircraft),
    () => new ManufacturingEngine(manufacturing, { engines: aircraft.engines })
  ];
}
