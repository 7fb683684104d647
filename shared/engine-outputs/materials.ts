import { z } from 'zod';
import { StructuralZoneSchema } from '../aircraft';
import { MaterialCategorySchema, RadarBandSchema } from '../library/materials';
import { described, figure } from './field';

/** Absorption (dB) of a zone's coating in each radar band; 0 on a bare zone. */
export const BandAbsorptionDbSchema = z.record(RadarBandSchema, z.number());
export type BandAbsorptionDb = z.infer<typeof BandAbsorptionDbSchema>;

/** A value for every structural zone. */
const perZone = <T extends z.ZodType>(value: T) => z.record(StructuralZoneSchema, value);

/** Thermal state of one zone at the evaluated flight condition. */
export const ZoneThermalSchema = z.strictObject({
  materialId: z.string(),
  coatingId: z.string(),
  /** The lower of the material's and the coating's temperature limits (K). */
  limitK: z.number(),
  wallTemperatureK: z.number(),
  marginK: z.number(),
  maxMach: z.number()
});
export type ZoneThermal = z.infer<typeof ZoneThermalSchema>;

/** The thermal margin at the design's top-speed condition, zone by zone. */
export const ThermalStateSchema = z.strictObject({
  evaluatedMach: z.number(),
  altitudeM: z.number(),
  staticTemperatureK: z.number(),
  stagnationTemperatureK: z.number(),
  /** Highest Mach every zone takes at this altitude (the lowest zone limit). */
  maxMachAllowed: z.number(),
  limitingZone: StructuralZoneSchema,
  marginK: z.number(),
  zones: perZone(ZoneThermalSchema)
});
export type ThermalState = z.infer<typeof ThermalStateSchema>;

/** One material used by the configuration, with what manufacturing needs to know about it. */
export const MaterialUseSchema = z.strictObject({
  id: z.string(),
  category: MaterialCategorySchema,
  massKg: z.number(),
  zones: z.array(StructuralZoneSchema),
  requiredProcesses: z.array(z.string()),
  processes: z.array(z.string()),
  /** Highest temperature a manufacturing step needs (K); null when the library gives none. */
  processTemperatureK: z.number().nullable(),
  typicalThicknessMm: z.number()
});
export type MaterialUse = z.infer<typeof MaterialUseSchema>;

/** What the materials engine's `compute` returns. */
export const MaterialsOutputsSchema = z.strictObject({
  structuralMassKg: figure('kg', 'structure in the assigned materials'),
  referenceStructuralMassKg: figure('kg', 'the same structure entirely in the reference material (Al 7075)'),
  structuralMassDeltaKg: figure('kg', 'structural minus reference mass: what the material choice adds'),
  zoneMassesKg: described(perZone(z.number()), 'kg', 'structural mass per zone'),
  zoneMaterials: described(perZone(z.string()), 'none', 'material id per zone'),
  zoneCoatings: described(perZone(z.string()), 'none', "coating id per zone ('none' = bare)"),
  zoneAbsorptionDb: described(
    perZone(BandAbsorptionDbSchema),
    'dB',
    'coating absorption per zone and radar band'
  ),
  coatingMassKg: figure('kg', 'radar-absorbent coatings'),
  coatedWettedShare: figure('fraction', 'share of the wetted area that is coated'),
  coatingMaintenanceHoursPerFlightHour: figure('h/flight hour', 'coating upkeep'),
  thermal: described(
    ThermalStateSchema,
    'K, Mach, m',
    'wall temperatures and Mach limits at the top-speed condition'
  ),
  categoryShares: described(
    z.record(MaterialCategorySchema, z.number()),
    'fraction',
    'share of structural mass per material family'
  ),
  materialsUsed: described(
    z.array(MaterialUseSchema),
    'none',
    'each material used, its zones and processes'
  ),
  processesRequired: described(z.array(z.string()), 'none', 'processes the chosen materials require'),
  rawMaterialCostUSD: figure('USD', 'raw stock cost of the structure: mass × buy-to-fly × price'),
  referenceRawMaterialCostUSD: figure('USD', 'raw stock cost of the all-reference structure'),
  maxAllowedMach: figure('Mach', 'structural (thermal) Mach limit the aerodynamics engine applies')
});
export type MaterialsOutputs = z.infer<typeof MaterialsOutputsSchema>;
