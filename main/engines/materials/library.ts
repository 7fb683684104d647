import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  STRUCTURAL_ZONES,
  StructuralZoneSchema,
  type StructuralZone
} from '../../../shared/aircraft';
import { MaterialCategorySchema } from '../../../shared/library/materials';
import { loadDataFile } from '../../core/config/data-file';

/**
 * The materials library (`resources/data/materials.yaml`): structural materials, radar-absorbent
 * coatings and the baseline airframe the structural-mass model scales.
 * @example const library = loadMaterialsLibrary(defaultMaterialsLibraryPath());
 */

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const share = z.number().min(0).max(1);

export const MaterialDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_]+$/, 'ids are lower-case snake_case'),
    name: z.string().min(1),
    category: MaterialCategorySchema,
    densityKgM3: positive,
    tensileStrengthMPa: positive,
    /** Yield strength; for composites the damage-tolerant design allowable. */
    yieldStrengthMPa: positive,
    elasticModulusGPa: positive,
    /** E/ρ in MJ/kg (MN·m/kg). */
    specificStiffnessMJKg: positive,
    maxServiceTemperatureK: positive,
    costPerKgUSD: positive,
    /** Raw stock bought per kg of finished part. */
    buyToFlyRatio: z.number().min(1),
    typicalThicknessMm: positive,
    /** Highest temperature a manufacturing step needs (cure, forming, heat treatment). */
    processTemperatureK: positive.optional(),
    processes: z.array(z.string().min(1)).min(1),
    requiredProcesses: z.array(z.string().min(1))
  })
  .superRefine((material, ctx) => {
    const stiffness = (material.elasticModulusGPa * 1000) / material.densityKgM3;
    if (Math.abs(stiffness - material.specificStiffnessMJKg) > 0.05 * stiffness) {
      ctx.addIssue({
        code: 'custom',
        path: ['specificStiffnessMJKg'],
        message: `should be E/ρ = ${stiffness.toFixed(1)} MJ/kg within 5 %`
      });
    }
    if (material.yieldStrengthMPa > material.tensileStrengthMPa) {
      ctx.addIssue({
        code: 'custom',
        path: ['yieldStrengthMPa'],
        message: 'exceeds tensile strength'
      });
    }
    material.requiredProcesses.forEach((processId, index) => {
      if (!material.processes.includes(processId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requiredProcesses', index],
          message: `${processId} is not among the material's processes`
        });
      }
    });
  });
export type MaterialDefinition = z.infer<typeof MaterialDefinitionSchema>;

export const CoatingDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/, 'ids are lower-case snake_case'),
  name: z.string().min(1),
  arealDensityKgM2: nonNegative,
  absorptionDb: z.strictObject({ S: nonNegative, X: nonNegative, Ku: nonNegative }),
  maxTemperatureK: positive,
  maintenanceHoursPerFlightHour: nonNegative
});
export type CoatingDefinition = z.infer<typeof CoatingDefinitionSchema>;

export const ZoneDefinitionSchema = z.strictObject({
  massShare: share,
  wettedAreaShare: share,
  stagnation: z.boolean(),
  internalHeatK: nonNegative
});
export type ZoneDefinition = z.infer<typeof ZoneDefinitionSchema>;

const sumsToOne = (values: number[]): boolean =>
  Math.abs(values.reduce((sum, value) => sum + value, 0) - 1) < 1e-6;

export const AirframeModelSchema = z
  .strictObject({
    referenceMaterial: z.string().min(1),
    structuralShareOfPlatformMass: share,
    materialSensitiveShare: share,
    strengthIndexWeight: share,
    bucklingIndexWeight: share,
    wettedToWingAreaRatio: positive,
    turbulentRecoveryFactor: share,
    zones: z.record(StructuralZoneSchema, ZoneDefinitionSchema)
  })
  .superRefine((airframe, ctx) => {
    const zones = STRUCTURAL_ZONES.map((zone) => airframe.zones[zone]);
    if (!sumsToOne(zones.map((zone) => zone.massShare))) {
      ctx.addIssue({
        code: 'custom',
        path: ['zones'],
        message: 'zone massShare values must sum to 1'
      });
    }
    if (!sumsToOne(zones.map((zone) => zone.wettedAreaShare))) {
      ctx.addIssue({
        code: 'custom',
        path: ['zones'],
        message: 'zone wettedAreaShare values must sum to 1'
      });
    }
    if (!sumsToOne([airframe.strengthIndexWeight, airframe.bucklingIndexWeight])) {
      ctx.addIssue({
        code: 'custom',
        path: ['bucklingIndexWeight'],
        message: 'index weights must sum to 1'
      });
    }
  });
export type AirframeModel = z.infer<typeof AirframeModelSchema>;

export const MaterialsLibrarySchema = z
  .strictObject({
    version: z.number().int().min(1),
    airframe: AirframeModelSchema,
    materials: z.array(MaterialDefinitionSchema).min(1),
    coatings: z.array(CoatingDefinitionSchema).min(1)
  })
  .superRefine((library, ctx) => {
    for (const key of ['materials', 'coatings'] as const) {
      const seen = new Set<string>();
      library[key].forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [key, index, 'id'],
            message: `duplicate id ${item.id}`
          });
        }
        seen.add(item.id);
      });
    }
    if (!library.materials.some((material) => material.id === library.airframe.referenceMaterial)) {
      ctx.addIssue({
        code: 'custom',
        path: ['airframe', 'referenceMaterial'],
        message: `unknown material ${library.airframe.referenceMaterial}`
      });
    }
  });
export type MaterialsLibrary = z.infer<typeof MaterialsLibrarySchema>;

/** The library indexed by id, built once per engine instance. */
export interface MaterialsIndex {
  library: MaterialsLibrary;
  materialById: ReadonlyMap<string, MaterialDefinition>;
  coatingById: ReadonlyMap<string, CoatingDefinition>;
  reference: MaterialDefinition;
  zones: Readonly<Record<StructuralZone, ZoneDefinition>>;
}

/** Indexes a validated library by id. */
export function indexMaterialsLibrary(library: MaterialsLibrary): MaterialsIndex {
  const materialById = new Map(library.materials.map((material) => [material.id, material]));
  const reference = materialById.get(library.airframe.referenceMaterial);
  if (!reference) {
    throw new Error(`unknown reference material ${library.airframe.referenceMaterial}`);
  }
  return {
    library,
    materialById,
    coatingById: new Map(library.coatings.map((coating) => [coating.id, coating])),
    reference,
    zones: library.airframe.zones
  };
}

/** `resources/data/materials.yaml` of this repository. */
export function defaultMaterialsLibraryPath(): string {
  return fileURLToPath(new URL('../../../resources/data/materials.yaml', import.meta.url));
}

/**
 * Reads and validates a materials library; throws `DataFileError` naming the file and the path.
 * @example const library = loadMaterialsLibrary('resources/data/materials.yaml');
 */
export function loadMaterialsLibrary(
  path: string = defaultMaterialsLibraryPath()
): MaterialsLibrary {
  return loadDataFile(path, MaterialsLibrarySchema);
}
