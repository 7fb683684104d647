import { z } from 'zod';
import { described, figure } from './field';

/** What bounds the speed at one altitude. */
export const MACH_LIMITS = ['thrust', 'inlet', 'engine_temperature', 'structure'] as const;
export const MachLimitSchema = z.enum(MACH_LIMITS);
export type MachLimit = z.infer<typeof MachLimitSchema>;

/** What the aerodynamics engine's `compute` returns: the polar and the whole-aircraft flight figures. */
export const AerodynamicsOutputsSchema = z.strictObject({
  engineModel: described(z.string(), 'none', 'engine library id the figures were computed with'),
  cd0: figure('none', 'zero-lift drag coefficient at Mach 0.6, combat fit'),
  k: figure('none', 'drag-due-to-lift factor K of CD = CD0 + K·CL² at Mach 0.6'),
  ldMax: figure('ratio', 'maximum lift-to-drag ratio at Mach 0.6'),
  oswaldEfficiency: figure('none', 'Oswald span efficiency'),
  aspectRatio: figure('none', 'wing aspect ratio b²/S'),
  dragDivergenceMach: figure('Mach', 'drag-divergence Mach (Korn)'),
  wingLoadingKgM2: figure('kg/m²', 'wing loading at loaded mass'),
  thrustToWeight: figure('ratio', 'afterburning T/W at loaded mass'),
  stallSpeedMs: figure('m/s', 'clean stall speed at loaded mass, sea level'),
  maxMach: figure('Mach', 'highest level-flight Mach on afterburner over 0–20 km; 0 = cannot hold level flight'),
  maxMachAltitudeM: figure('m', 'altitude of the highest level-flight Mach'),
  maxMachLimitedBy: described(MachLimitSchema, 'none', 'what bounds the top speed'),
  supercruiseMach: figure('Mach', 'highest supersonic Mach on dry thrust; 0 = none'),
  serviceCeilingM: figure('m', 'highest altitude where the specific excess power reaches the service-ceiling rate'),
  combatRadiusKm: figure('km', "combat radius of the configuration's radius mission")
});
export type AerodynamicsOutputs = z.infer<typeof AerodynamicsOutputsSchema>;
