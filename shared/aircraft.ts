import { z } from 'zod';

/**
 * The aircraft configuration: what a designer edits and every engine computes from.
 *
 * Mass convention (read this before summing masses):
 * - `basePlatform.emptyMassKg` is the airframe WITHOUT its engines and WITHOUT any listed module:
 *   structure, landing gear, fixed systems. The design engine adds `propulsion.count` × the
 *   engine's dry mass and every listed module to get the empty and loaded masses.
 * - Empty mass = platform + engines + installed equipment (modules of every category except
 *   `payload`; a cockpit's crew mass, `characteristics.crewMassKg`, is useful load, not empty mass).
 * - Loaded (take-off) mass = empty + internal fuel + crew + payload modules (with any fuel they carry).
 *
 * @example
 * const config = AircraftConfigurationSchema.parse(JSON.parse(text));
 */

/** Categories of library modules (`resources/data/modules.json`). */
export const MODULE_CATEGORIES = [
  'cockpit',
  'sensor',
  'payload',
  'propulsion',
  'avionics',
  'defensive',
  'structural',
  'coating'
] as const;
export const ModuleCategorySchema = z.enum(MODULE_CATEGORIES);
export type ModuleCategory = z.infer<typeof ModuleCategorySchema>;

/** Structural zones a material or coating is assigned to. */
export const STRUCTURAL_ZONES = [
  'forward_fuselage',
  'center_fuselage',
  'aft_fuselage',
  'wings',
  'empennage',
  'inlets',
  'engine_bay'
] as const;
export const StructuralZoneSchema = z.enum(STRUCTURAL_ZONES);
export type StructuralZone = z.infer<typeof StructuralZoneSchema>;

/** Kinds of attachment point a module can be mounted on. */
export const ATTACHMENT_KINDS = [
  'hardpoint',
  'internal_bay',
  'nose',
  'avionics_bay',
  'cockpit',
  'engine_bay',
  'conformal'
] as const;
export const AttachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

/**
 * Air-intake types. They set the intake's total-pressure recovery at supersonic speed
 * (`resources/data/cfd.yaml`, `inlets`). Absent means `fixed_ramp`.
 */
export const INLET_TYPES = ['pitot', 'fixed_ramp', 'caret', 'variable_ramp', 'dsi'] as const;
export const InletTypeSchema = z.enum(INLET_TYPES);
export type InletType = z.infer<typeof InletTypeSchema>;

/** Mission types the configuration is designed for. */
export const MISSION_TYPES = [
  'air_superiority',
  'strike',
  'interceptor',
  'multirole',
  'reconnaissance'
] as const;
export const MissionTypeSchema = z.enum(MISSION_TYPES);
export type MissionType = z.infer<typeof MissionTypeSchema>;

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

/** A place on the airframe where modules are mounted. */
export const AttachmentPointSchema = z.strictObject({
  id: z.string().min(1),
  kind: AttachmentKindSchema,
  maxMassKg: nonNegative,
  maxPowerKW: nonNegative.optional(),
  /** Station: distance aft of the nose (m), used for the centre of gravity. */
  stationM: nonNegative.optional()
});
export type AttachmentPoint = z.infer<typeof AttachmentPointSchema>;

/** The airframe: geometry, fixed capacities and attachment points. */
export const BasePlatformSchema = z.strictObject({
  /** Airframe without engines and without listed modules (see the mass convention above). */
  emptyMassKg: positive,
  maxTakeoffMassKg: positive,
  wingAreaM2: positive,
  wingspanM: positive,
  lengthM: positive,
  /** Leading-edge sweep of the wing (degrees). */
  sweepDeg: z.number().min(0).max(80),
  /** Mean thickness-to-chord ratio of the wing. */
  thicknessRatio: z.number().min(0.01).max(0.2),
  internalWeaponsBay: z.boolean(),
  internalFuelKg: nonNegative,
  powerGenerationKW: nonNegative,
  coolingCapacityKW: nonNegative,
  inletType: InletTypeSchema.optional(),
  attachmentPoints: z.array(AttachmentPointSchema)
});
export type BasePlatform = z.infer<typeof BasePlatformSchema>;

/** One module instance mounted on an attachment point. */
export const ModuleInstanceSchema = z.strictObject({
  instanceId: z.string().min(1),
  /** Id of a module in `resources/data/modules.json`. */
  libraryId: z.string().min(1),
  /** Id of one of `basePlatform.attachmentPoints`. */
  attachmentPoint: z.string().min(1),
  /** Number of identical items on this attachment point (default 1). */
  quantity: z.number().int().min(1).optional()
});
export type ModuleInstance = z.infer<typeof ModuleInstanceSchema>;

/** Engine choice: an id of `resources/data/engines.yaml` and the number installed. */
export const PropulsionChoiceSchema = z.strictObject({
  engineModel: z.string().min(1),
  count: z.number().int().min(1).max(4)
});
export type PropulsionChoice = z.infer<typeof PropulsionChoiceSchema>;

/** Material id per structural zone (validated against the materials library). */
export const MaterialAssignmentSchema = z.record(StructuralZoneSchema, z.string().min(1));
export type MaterialAssignment = z.infer<typeof MaterialAssignmentSchema>;

/** A coating applied to some zones (`none` = bare). */
export const CoatingAssignmentSchema = z.strictObject({
  coatingId: z.string().min(1),
  zones: z.array(StructuralZoneSchema)
});
export type CoatingAssignment = z.infer<typeof CoatingAssignmentSchema>;

/** A closed numeric band. */
const bandSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((band) => band.min <= band.max, { message: 'min must not exceed max' });

/** The mission the configuration is designed for. */
export const MissionSchema = z.strictObject({
  type: MissionTypeSchema,
  combatRadiusKm: nonNegative,
  payloadKg: nonNegative,
  altitudeBandM: bandSchema,
  speedBandMach: bandSchema,
  stealthRequired: z.boolean()
});
export type Mission = z.infer<typeof MissionSchema>;

/** A complete aircraft configuration. */
export const AircraftConfigurationSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  version: z.number().int().min(1),
  basePlatform: BasePlatformSchema,
  modules: z.array(ModuleInstanceSchema),
  propulsion: PropulsionChoiceSchema,
  materials: MaterialAssignmentSchema,
  coatings: z.array(CoatingAssignmentSchema),
  mission: MissionSchema
});
export type AircraftConfiguration = z.infer<typeof AircraftConfigurationSchema>;
