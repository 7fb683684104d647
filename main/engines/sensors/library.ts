import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InletTypeSchema, StructuralZoneSchema } from '../../../shared/aircraft';
import { loadDataFile } from '../../core/config/data-file';
import { RadarBandSchema } from '../../../shared/library/materials';

/**
 * The sensors library (`resources/data/sensors.json`): own radars and electro-optical sensors,
 * reference threat radars, and the coefficients of the frontal-RCS model.
 * @example const library = loadSensorsLibrary(defaultSensorsLibraryPath());
 */

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

export const RADAR_ANTENNAS = ['aesa', 'pesa', 'mechanical'] as const;
export const RadarAntennaSchema = z.enum(RADAR_ANTENNAS);
export type RadarAntenna = z.infer<typeof RadarAntennaSchema>;

export const RadarDefinitionSchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    antenna: RadarAntennaSchema,
    band: RadarBandSchema,
    frequencyGHz: positive,
    peakPowerW: positive,
    averagePowerW: positive,
    apertureM2: positive,
    apertureEfficiency: z.number().gt(0).max(1),
    noiseFigureDb: nonNegative,
    systemLossesDb: nonNegative,
    /** Inverse of the coherent dwell time when used with average power. */
    noiseBandwidthHz: positive,
    trModules: z.number().int().nonnegative(),
    scan: z.strictObject({
      type: z.enum(['electronic', 'mechanical', 'electronic_repositioned']),
      azimuthLimitDeg: z.number().positive().max(180)
    }),
    /** Prime power to radiated RF power. */
    dcToRfEfficiency: z.number().gt(0).max(1),
    /** Receivers, processor and cooling pumps. */
    electronicsPowerW: nonNegative
  })
  .refine((radar) => radar.averagePowerW <= radar.peakPowerW, {
    message: 'average power exceeds peak power',
    path: ['averagePowerW']
  });
export type RadarDefinition = z.infer<typeof RadarDefinitionSchema>;

export const ElectroOpticalDefinitionSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['irst', 'eots']),
  spectralBand: z.string().min(1),
  fieldOfRegardDeg: positive,
  /** Against a subsonic fighter seen nose-on. */
  detectionRangeFrontalKm: positive,
  /** Against the same fighter seen from behind (hot nozzle). */
  detectionRangeRearKm: positive,
  electronicsPowerW: nonNegative
});
export type ElectroOpticalDefinition = z.infer<typeof ElectroOpticalDefinitionSchema>;

const zoneWeightsSchema = z
  .partialRecord(StructuralZoneSchema, z.number().min(0).max(1))
  .refine(
    (weights) => Math.abs(Object.values(weights).reduce((sum, w) => sum + (w ?? 0), 0) - 1) < 1e-6,
    { message: 'zone weights must sum to 1' }
  );

export const RcsModelSchema = z.strictObject({
  about: z.string().optional(),
  referenceWingAreaM2: positive,
  airframeBaseM2: positive,
  airframeZoneWeights: zoneWeightsSchema,
  alignmentFactor: z.number().gt(0).max(1),
  inletM2: z.record(InletTypeSchema, nonNegative),
  canopyM2: nonNegative,
  canopyTreatmentFactor: z.number().gt(0).max(1),
  radarAntennaM2: z.record(RadarAntennaSchema, nonNegative),
  hardpointStoreM2: nonNegative,
  conformalStoreM2: nonNegative
});
export type RcsModel = z.infer<typeof RcsModelSchema>;

function uniqueIds(
  items: readonly { id: string }[],
  key: string,
  ctx: z.RefinementCtx,
  seen: Set<string>
): void {
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      const message = `duplicate id ${item.id}`;
      ctx.addIssue({ code: 'custom', path: [key, index, 'id'], message });
    }
    seen.add(item.id);
  });
}

export const SensorsLibrarySchema = z
  .strictObject({
    version: z.number().int().min(1),
    about: z.string().optional(),
    minimumSnrDb: nonNegative,
    radars: z.array(RadarDefinitionSchema).min(1),
    electroOptical: z.array(ElectroOpticalDefinitionSchema),
    threatRadars: z.array(RadarDefinitionSchema).min(1),
    rcsModel: RcsModelSchema
  })
  .superRefine((library, ctx) => {
    const seen = new Set<string>();
    uniqueIds(library.radars, 'radars', ctx, seen);
    uniqueIds(library.electroOptical, 'electroOptical', ctx, seen);
    uniqueIds(library.threatRadars, 'threatRadars', ctx, seen);
  });
export type SensorsLibrary = z.infer<typeof SensorsLibrarySchema>;

/** `resources/data/sensors.json` of this repository. */
export function defaultSensorsLibraryPath(): string {
  return fileURLToPath(new URL('../../../resources/data/sensors.json', import.meta.url));
}

/**
 * Reads and validates a sensors library; throws `DataFileError` naming the file and the path.
 * @example const library = loadSensorsLibrary('resources/data/sensors.json');
 */
export function loadSensorsLibrary(path: string = defaultSensorsLibraryPath()): SensorsLibrary {
  return loadDataFile(path, SensorsLibrarySchema);
}
