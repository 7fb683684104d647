import { z } from 'zod';

/**
 * The engine library (`resources/data/engines.yaml`). Thrust figures are per engine, sea level,
 * static (ISA); for a ramjet, which gives no static thrust, `wetThrustKN` is the sea-level thrust
 * at `ramjet.designMach` and `dryThrustKN` is 0.
 *
 * TSFC is in lb/(lbf·h), the unit engines are published in (numerically equal to kg/(kgf·h)).
 *
 * @example const library = EngineLibrarySchema.parse(parseYaml(text));
 */
export const ENGINE_TYPES = ['low_bypass_turbofan', 'variable_cycle', 'ramjet'] as const;
export const EngineTypeSchema = z.enum(ENGINE_TYPES);
export type EngineType = z.infer<typeof EngineTypeSchema>;

/** Mattingly's installed-thrust lapse: throttle ratio and the slopes above it. */
export const ThrustLapseSchema = z.strictObject({
  /** Throttle ratio TR = θ0 at which the engine reaches its turbine-temperature limit. */
  throttleRatio: z.number().min(0.9).max(1.3),
  /** Slope of the dry (military) lapse above TR (Mattingly: 3.8). */
  dryLapseSlope: z.number().nonnegative(),
  /** Slope of the afterburning (max) lapse above TR (Mattingly: 3.5). */
  wetLapseSlope: z.number().nonnegative()
});

/** Ramjet operating envelope. */
export const RamjetEnvelopeSchema = z.strictObject({
  designMach: z.number().positive(),
  minOperatingMach: z.number().positive(),
  maxOperatingMach: z.number().positive()
});

export const EngineDefinitionSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  manufacturer: z.string().min(1),
  type: EngineTypeSchema,
  dryThrustKN: z.number().nonnegative(),
  wetThrustKN: z.number().positive(),
  dryMassKg: z.number().positive(),
  bypassRatio: z.number().nonnegative(),
  overallPressureRatio: z.number().min(1),
  tsfcDryLbPerLbfH: z.number().positive(),
  tsfcWetLbPerLbfH: z.number().positive(),
  maxTurbineInletTempK: z.number().positive().optional(),
  /** Highest compressor-face total temperature the engine accepts (sets a Mach limit). */
  maxCompressorInletTempK: z.number().positive().optional(),
  lengthM: z.number().positive(),
  diameterM: z.number().positive(),
  lapse: ThrustLapseSchema,
  ramjet: RamjetEnvelopeSchema.optional(),
  source: z.string().min(1)
});
export type EngineDefinition = z.infer<typeof EngineDefinitionSchema>;

export const EngineLibrarySchema = z
  .strictObject({
    version: z.number().int().min(1),
    engines: z.array(EngineDefinitionSchema).min(1)
  })
  .superRefine((library, ctx) => {
    const seen = new Set<string>();
    library.engines.forEach((engine, index) => {
      if (seen.has(engine.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate id ${engine.id}`, path: ['engines', index, 'id'] });
      }
      seen.add(engine.id);
      if (engine.type === 'ramjet' && !engine.ramjet) {
        ctx.addIssue({ code: 'custom', message: 'a ramjet needs its envelope', path: ['engines', index, 'ramjet'] });
      }
    });
  });
export type EngineLibrary = z.infer<typeof EngineLibrarySchema>;
