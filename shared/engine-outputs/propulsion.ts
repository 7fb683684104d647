import { z } from 'zod';
import { EngineTypeSchema } from '../library/engines';
import { described, figure } from './field';

/** What the propulsion engine's `compute` returns: installed thrust, T/W and fuel consumption. */
export const PropulsionOutputsSchema = z.strictObject({
  engineModel: described(z.string(), 'none', 'engine library id'),
  engineType: described(EngineTypeSchema, 'none', 'engine family'),
  engineCount: figure('count', 'engines installed'),
  dryThrustKN: figure('kN', 'static sea-level military thrust of all engines'),
  wetThrustKN: figure('kN', 'static sea-level afterburning thrust of all engines'),
  thrustToWeight: figure('ratio', 'afterburning T/W at loaded mass'),
  dryThrustToWeight: figure('ratio', 'military T/W at loaded mass'),
  tsfcDryLbPerLbfH: figure('lb/(lbf·h)', 'static military TSFC'),
  tsfcWetLbPerLbfH: figure('lb/(lbf·h)', 'static afterburning TSFC'),
  cruiseDryThrustKN: figure('kN', 'military thrust of all engines at Mach 0.85, 11 km'),
  cruiseFuelFlowKgS: figure('kg/s', 'fuel flow at that thrust'),
  engineMassKg: figure('kg', 'dry mass of all engines'),
  loadedMassKg: figure('kg', "the design engine's loaded mass the T/W is quoted at")
});
export type PropulsionOutputs = z.infer<typeof PropulsionOutputsSchema>;
