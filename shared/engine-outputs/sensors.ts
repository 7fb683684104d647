import { z } from 'zod';
import { RadarBandSchema } from '../library/materials';
import { described, figure } from './field';

/** The frontal RCS split into its additive components (linear m², X band). */
export const RcsComponentsSchema = z.strictObject({
  airframeM2: z.number(),
  inletM2: z.number(),
  canopyM2: z.number(),
  radarM2: z.number(),
  storesM2: z.number(),
  totalM2: z.number()
});
export type RcsComponents = z.infer<typeof RcsComponentsSchema>;

/** Where the sensor suite's mass, power and cooling came from. */
export const SensorLoadSourceSchema = z.enum(['modules', 'estimate']);
export type SensorLoadSource = z.infer<typeof SensorLoadSourceSchema>;

/** What the sensors engine's `compute` returns. */
export const SensorsOutputsSchema = z.strictObject({
  radarId: described(z.string().nullable(), 'none', 'the nose radar; null = none'),
  sensorIds: described(z.array(z.string()), 'none', 'library ids of the installed sensors'),
  detectionRangeKm: described(
    z.strictObject({ rcs1m2: z.number(), rcs0_1m2: z.number(), rcs0_0001m2: z.number() }),
    'km',
    'own radar detection range against 1, 0.1 and 0.0001 m² targets'
  ),
  irst: described(
    z.strictObject({ id: z.string(), frontalKm: z.number(), rearKm: z.number() }).nullable(),
    'km',
    'infrared search and track ranges against a fighter nose-on and tail-on; null = none'
  ),
  frontalRcsM2: figure('m²', 'nose-on radar cross-section, X band'),
  frontalRcsDbsm: figure('dBsm', 'nose-on radar cross-section, X band'),
  frontalRcsDbsmByBand: described(
    z.record(RadarBandSchema, z.number()),
    'dBsm',
    'nose-on RCS per radar band'
  ),
  rcsComponents: described(RcsComponentsSchema, 'm²', 'X-band RCS components'),
  shaping: described(
    z.strictObject({ planformAligned: z.boolean(), hardpointStores: z.number(), conformalStores: z.number() }),
    'count',
    'shaping for low observability and the stores carried outside'
  ),
  detectedByThreatKm: described(
    z.record(z.string(), z.number()),
    'km',
    'range at which each reference threat radar detects the aircraft'
  ),
  sensorMassKg: figure('kg', 'installed sensors'),
  powerDemandKW: figure('kW', 'power drawn by the sensors'),
  coolingDemandKW: figure('kW', 'heat load of the sensors'),
  loadSource: described(
    SensorLoadSourceSchema,
    'none',
    'module library figures, or estimated from the transmitters'
  ),
  notes: described(
    z.array(z.string()),
    'none',
    'how the figures were obtained when a library was missing'
  )
});
export type SensorsOutputs = z.infer<typeof SensorsOutputsSchema>;
