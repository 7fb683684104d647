import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { PropulsionOutputs } from '../../../shared/engine-outputs';
import type { EngineDefinition } from '../../../shared/library/engines';
import { isaAtmosphere } from '../atmosphere/isa';
import { engineThrustKN, fuelFlowKgS, thrustToWeight, tsfcLbPerLbfH } from './thrust';

/**
 * Total static thrust, installed T/W at `loadedMassKg`, TSFC and a cruise reference point (dry
 * thrust and fuel flow of all engines at Mach 0.85, 11 km): the propulsion engine's outputs.
 * @example propulsionFigures(config, engine, 12_000).thrustToWeight
 */
export function propulsionFigures(config: AircraftConfiguration, engine: EngineDefinition, loadedMassKg: number): PropulsionOutputs {
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
    engineMassKg: engine.dryMassKg * count,
    loadedMassKg
  };
}
