import { z } from 'zod';

/**
 * The aircraft configuration: what a designer edits and every engine computes from.
 *
 * Mass convention (read this before summing masses):
 * - `basePlatform.emptyMassKg` is the airframe WITHOUT its engines and WITHOUT any listed module
 *   (structure, landing gear, fixed systems) as it would weigh built entirely in aluminium 7075
 *   (the materials library's reference material) and uncoated. The design engine adds the
 *   structural mass change of the assigned materials (`materials`, relative to that all-7075
 *   structure) and the mass of the coatings (`coatings`), both from the materials engine's pure
 *   models, then `propulsion.count` × the engine's dry mass and every listed module.
 * - Empty mass = platform + material delta + coatings + engines + installed equipment (modules of
 *   every category except `payload`; a cockpit's crew mass, `characteristics.crewMassKg`, is
 *   useful load, not empty mass). To build a real aircraft from its published empty mass:
 *   platform = (published empty − engines − installed modules − coatings) solved together with
 *   the material delta, which is proportional to the platform mass.
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
  /**
   * Airframe without engines and without listed modules, as built in aluminium 7075 and
   * uncoated (see the mass convention above).
   */
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

/**
 * Kinds of combat-radius mission: three letters for outbound cruise, target area and return
 * (hi = best-range altitude, lo = sea level). `hi-lo-hi` and `hi-lo-lo-hi` both fly a low-level
 * leg each way next to the target (the second names the egress leg explicitly).
 */
export const RADIUS_MISSION_KINDS = ['hi-hi-hi', 'hi-lo-hi', 'hi-lo-lo-hi'] as const;
export const RadiusMissionKindSchema = z.enum(RADIUS_MISSION_KINDS);
export type RadiusMissionKind = z.infer<typeof RadiusMissionKindSchema>;

/** Fuel-reserve rules of the radius mission (`resources/data/cfd.yaml`, `mission.reserves`). */
export const RESERVE_RULES = ['usaf', 'navy'] as const;
export const ReserveRuleSchema = z.enum(RESERVE_RULES);
export type ReserveRule = z.infer<typeof ReserveRuleSchema>;

/**
 * The mission a combat radius is quoted for, as its published definition states it. Every
 * absent field takes the generic standard value of its kind from `cfd.yaml`
 * (`mission.kinds`), the same for every aircraft.
 */
export const RadiusMissionProfileSchema = z.strictObject({
  kind: RadiusMissionKindSchema,
  /** Low-level (sea-level) leg each way next to the target; 0 for hi-hi-hi. */
  lowLevelKmEachWay: nonNegative.optional(),
  /** Supersonic cruise on dry thrust each way next to the target (part of the radius). */
  supercruiseKmEachWay: nonNegative.optional(),
  /** Time in combat or weapon delivery over the target. */
  combatMinutes: nonNegative.optional(),
  /** Power setting in combat: military (`dry`) or afterburning (`wet`). */
  combatThrottle: z.enum(['dry', 'wet']).optional(),
  /** Time on station at the radius, at best endurance and cruise altitude, before combat (CAP). */
  loiterMinutes: nonNegative.optional(),
  /** Fuel-reserve rule; absent = `usaf`. */
  reserve: ReserveRuleSchema.optional(),
  /** Air-to-ground mission stores (bombs) are released over the target (default true). */
  storesReleasedAtTarget: z.boolean().optional(),
  /** Air-to-air missiles are fired in combat (default: kind's standard). */
  missilesFiredAtTarget: z.boolean().optional(),
  /** External tanks are dropped as soon as they are empty (true) or carried home (false). */
  tanksDroppedWhenEmpty: z.boolean().optional(),
  /** Where each value comes from (the published description). */
  about: z.string().optional()
});
export type RadiusMissionProfile = z.infer<typeof RadiusMissionProfileSchema>;

/** The mission the configuration is designed for. */
export const MissionSchema = z.strictObject({
  type: MissionTypeSchema,
  combatRadiusKm: nonNegative,
  payloadKg: nonNegative,
  altitudeBandM: bandSchema,
  speedBandMach: bandSchema,
  stealthRequired: z.boolean(),
  /** The mission the combat radius is computed for; absent = the default of `type` (cfd.yaml). */
  profile: RadiusMissionProfileSchema.optional()
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
  mission: MissionSchema,
  /** Free-text note: where the configuration's figures come from and how they were derived. */
  about: z.string().optional()
});
export type AircraftConfiguration = z.infer<typeof AircraftConfigurationSchema>;
