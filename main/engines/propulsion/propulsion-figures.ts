import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineDefinition } from '../../../shared/library/engines';
import { isaAtmosphere } from '../atmosphere/isa';
import { engineThrustKN, fuelFlowKgS, thrustToWeight, tsfcLbPerLbfH } from './thrust';

/** Installed propulsion figures of a configuration at a given loaded mass. */
export interface PropulsionFigures {
  engineModel: string;
  engineType: EngineDefinition['type'];
  engineCount: number;
  dryThrustKN: number;
  wetThrustKN: number;
  thrustToWeight: number;
  dryThrustToWeight: number;
  tsfcDryLbPerLbfH: number;
  tsfcWetLbPerLbfH: number;
  /** Dry thrust and fuel flow of all engines at Mach 0.85, 11 km (cruise reference). */
  cruiseDryThrustKN: number;
  cruiseFuelFlowKgS: number;
  engineMassKg: number;
}

/**
 * Total static thrust, installed T/W at `loadedMassKg`, TSFC and a cruise reference point.
 * @example propulsionFigures(config, engine, 12_000).thrustToWeight
 */
export function propulsionFigures(config: AircraftConfiguration, engine: EngineDefinition, loadedMassKg: number): PropulsionFigures {
  const count = config.propulsion.count;
  const cruise = isaAtmosphere(11_000);
  const cruiseDryThrustKN = count * engineThrustKN(engine, 0.85, cruise.temperatureK, cruise.pressurePa, 'dry');
  const wetThrustKN = engine.wetThrustKN * count;
  const dryThrustKN = engine.dryThrustKN * count;
  return {
    engineModel: engine.id,
    engineType: engine.type,
    engineCount: count,
    dryThrustKN,
    wetThrustKN,
    thrustToWeight: thrustToWeight(wetThrustKN, loadedMassKg),
    dryThrustToWeight: thrustToWeight(dryThrustKN, loadedMassKg),
    tsfcDryLbPerLbfH: engine.tsfcDryLbPerLbfH,
    tsfcWetLbPerLbfH: engine.tsfcWetLbPerLbfH,
    cruiseDryThrustKN,
    cruiseFuelFlowKgS: fuelFlowKgS(cruiseDryThrustKN, tsfcLbPerLbfH(engine, 0.85, cruise.temperatureK, 'dry')),
    engineMassKg: engine.dryMassKg * count
  };
}
