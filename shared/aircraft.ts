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

/**
 * Physical bounds of every number a designer enters. They are wide (a glider to a heavy
 * transport) yet finite, so every configuration that passes gives finite engine outputs: a mass
 * of 1e308 kg or a wing of 5e-324 m² is refused here, naming the field and the range.
 */
export const CONFIGURATION_BOUNDS = {
  /** Any mass of the airframe or the mission: 100 kg (a light aircraft's structure) to 500 t. */
  massKg: { min: 100, max: 500_000 },
  /** Loads and fuel may be nothing. */
  loadKg: { min: 0, max: 500_000 },
  wingAreaM2: { min: 1, max: 2000 },
  /** Span and fuselage length (and any station along it). */
  lengthM: { min: 1, max: 150 },
  sweepDeg: { min: 0, max: 80 },
  thicknessRatio: { min: 0.01, max: 0.2 },
  /** Electrical power, cooling and an attachment point's power: up to 100 MW. */
  powerKW: { min: 0, max: 100_000 },
  /** Mission distances (radius and legs). */
  distanceKm: { min: 0, max: 20_000 },
  /** Mission altitudes: sea level to the top of the atmosphere the models cover. */
  altitudeM: { min: 0, max: 20_000 },
  mach: { min: 0, max: 5 },
  /** A mission's top speed: every aircraft is built for some speed. */
  topMach: { min: 0.1, max: 5 },
  /** Combat and loiter time: up to ten hours. */
  minutes: { min: 0, max: 600 },
  /** Identical items on one attachment point. */
  quantity: { min: 1, max: 100 },
  engineCount: { min: 1, max: 4 }
} as const;

type Bound = { readonly min: number; readonly max: number };

/** Formats a bound for a message (thousands grouped: 500,000). */
function formatBound(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * A finite number in [min, max] of `unit`; any other value (or type) is refused with a message
 * naming the field and the allowed range.
 * @example bounded('wingAreaM2', CONFIGURATION_BOUNDS.wingAreaM2, 'm²')
 */
function bounded(field: string, bound: Bound, unit: string): z.ZodNumber {
  const error = `${field} must be a number from ${formatBound(bound.min)} to ${formatBound(bound.max)} ${unit}`;
  return z.number({ error }).min(bound.min, { error }).max(bound.max, { error });
}

/** A whole number in [min, max]; refused like `bounded`. */
function boundedInteger(field: string, bound: Bound, unit: string): z.ZodNumber {
  const error = `${field} must be a whole number from ${formatBound(bound.min)} to ${formatBound(bound.max)} ${unit}`;
  return z.number({ error }).int({ error }).min(bound.min, { error }).max(bound.max, { error });
}

const B = CONFIGURATION_BOUNDS;

/** A place on the airframe where modules are mounted. */
export const AttachmentPointSchema = z.strictObject({
  id: z.string().min(1).max(128),
  kind: AttachmentKindSchema,
  maxMassKg: bounded('maxMassKg', B.loadKg, 'kg'),
  maxPowerKW: bounded('maxPowerKW', B.powerKW, 'kW').optional(),
  /** Station: distance aft of the nose (m), used for the centre of gravity; at most `lengthM`. */
  stationM: bounded('stationM', { min: 0, max: B.lengthM.max }, 'm').optional()
});
export type AttachmentPoint = z.infer<typeof AttachmentPointSchema>;

/** The airframe: geometry, fixed capacities and attachment points. */
export const BasePlatformSchema = z
  .strictObject({
    /**
     * Airframe without engines and without listed modules, as built in aluminium 7075 and
     * uncoated (see the mass convention above).
     */
    emptyMassKg: bounded('emptyMassKg', B.massKg, 'kg'),
    maxTakeoffMassKg: bounded('maxTakeoffMassKg', B.massKg, 'kg'),
    wingAreaM2: bounded('wingAreaM2', B.wingAreaM2, 'm²'),
    wingspanM: bounded('wingspanM', B.lengthM, 'm'),
    lengthM: bounded('lengthM', B.lengthM, 'm'),
    /** Leading-edge sweep of the wing (degrees). */
    sweepDeg: bounded('sweepDeg', B.sweepDeg, '°'),
    /** Mean thickness-to-chord ratio of the wing. */
    thicknessRatio: bounded('thicknessRatio', B.thicknessRatio, '(thickness/chord)'),
    internalWeaponsBay: z.boolean(),
    /** Internal fuel; at most the maximum take-off mass. */
    internalFuelKg: bounded('internalFuelKg', B.loadKg, 'kg'),
    powerGenerationKW: bounded('powerGenerationKW', B.powerKW, 'kW'),
    coolingCapacityKW: bounded('coolingCapacityKW', B.powerKW, 'kW'),
    inletType: InletTypeSchema.optional(),
    attachmentPoints: z.array(AttachmentPointSchema).max(100)
  })
  .superRefine((platform, context) => {
    if (platform.internalFuelKg > platform.maxTakeoffMassKg) {
      context.addIssue({
        code: 'custom',
        path: ['internalFuelKg'],
        message: `internalFuelKg must be from 0 kg to maxTakeoffMassKg (${formatBound(platform.maxTakeoffMassKg)} kg)`
      });
    }
    platform.attachmentPoints.forEach((point, index) => {
      if (point.stationM === undefined || point.stationM <= platform.lengthM) return;
      context.addIssue({
        code: 'custom',
        path: ['attachmentPoints', index, 'stationM'],
        message: `stationM must be from 0 m to lengthM (${formatBound(platform.lengthM)} m)`
      });
    });
  });
export type BasePlatform = z.infer<typeof BasePlatformSchema>;

/** One module instance mounted on an attachment point. */
export const ModuleInstanceSchema = z.strictObject({
  instanceId: z.string().min(1).max(128),
  /** Id of a module in `resources/data/modules.json`. */
  libraryId: z.string().min(1).max(128),
  /** Id of one of `basePlatform.attachmentPoints`. */
  attachmentPoint: z.string().min(1).max(128),
  /** Number of identical items on this attachment point (default 1). */
  quantity: boundedInteger('quantity', B.quantity, 'items').optional()
});
export type ModuleInstance = z.infer<typeof ModuleInstanceSchema>;

/** Engine choice: an id of `resources/data/engines.yaml` and the number installed. */
export const PropulsionChoiceSchema = z.strictObject({
  engineModel: z.string().min(1).max(128),
  count: boundedInteger('count', B.engineCount, 'engines')
});
export type PropulsionChoice = z.infer<typeof PropulsionChoiceSchema>;

/** Material id per structural zone (validated against the materials library). */
export const MaterialAssignmentSchema = z.record(StructuralZoneSchema, z.string().min(1).max(128));
export type MaterialAssignment = z.infer<typeof MaterialAssignmentSchema>;

/** A coating applied to some zones (`none` = bare). */
export const CoatingAssignmentSchema = z.strictObject({
  coatingId: z.string().min(1).max(128),
  zones: z.array(StructuralZoneSchema).max(16)
});
export type CoatingAssignment = z.infer<typeof CoatingAssignmentSchema>;

/** A closed band in `unit`: each end within its bound, min not above max. */
function band(field: string, minBound: Bound, maxBound: Bound, unit: string) {
  return z
    .strictObject({ min: bounded(`${field}.min`, minBound, unit), max: bounded(`${field}.max`, maxBound, unit) })
    .refine((range) => range.min <= range.max, { message: `${field}.min must not exceed ${field}.max`, path: ['min'] });
}

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
  lowLevelKmEachWay: bounded('lowLevelKmEachWay', B.distanceKm, 'km').optional(),
  /** Supersonic cruise on dry thrust each way next to the target (part of the radius). */
  supercruiseKmEachWay: bounded('supercruiseKmEachWay', B.distanceKm, 'km').optional(),
  /** Time in combat or weapon delivery over the target. */
  combatMinutes: bounded('combatMinutes', B.minutes, 'min').optional(),
  /** Power setting in combat: military (`dry`) or afterburning (`wet`). */
  combatThrottle: z.enum(['dry', 'wet']).optional(),
  /** Time on station at the radius, at best endurance and cruise altitude, before combat (CAP). */
  loiterMinutes: bounded('loiterMinutes', B.minutes, 'min').optional(),
  /** Fuel-reserve rule; absent = `usaf`. */
  reserve: ReserveRuleSchema.optional(),
  /** Air-to-ground mission stores (bombs) are released over the target (default true). */
  storesReleasedAtTarget: z.boolean().optional(),
  /** Air-to-air missiles are fired in combat (default: kind's standard). */
  missilesFiredAtTarget: z.boolean().optional(),
  /** External tanks are dropped as soon as they are empty (true) or carried home (false). */
  tanksDroppedWhenEmpty: z.boolean().optional(),
  /** Where each value comes from (the published description). */
  about: z.string().max(4000).optional()
});
export type RadiusMissionProfile = z.infer<typeof RadiusMissionProfileSchema>;

/** The mission the configuration is designed for. */
export const MissionSchema = z.strictObject({
  type: MissionTypeSchema,
  combatRadiusKm: bounded('combatRadiusKm', B.distanceKm, 'km'),
  payloadKg: bounded('payloadKg', B.loadKg, 'kg'),
  altitudeBandM: band('altitudeBandM', B.altitudeM, B.altitudeM, 'm'),
  /** The mission's top speed (`max`, at least Mach 0.1) sets the thermal case and the cost speed. */
  speedBandMach: band('speedBandMach', B.mach, B.topMach, '(Mach)'),
  stealthRequired: z.boolean(),
  /** The mission the combat radius is computed for; absent = the default of `type` (cfd.yaml). */
  profile: RadiusMissionProfileSchema.optional()
});
export type Mission = z.infer<typeof MissionSchema>;

/** A complete aircraft configuration. */
export const AircraftConfigurationSchema = z.strictObject({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(128),
  basePlatform: BasePlatformSchema,
  modules: z.array(ModuleInstanceSchema).max(200),
  propulsion: PropulsionChoiceSchema,
  materials: MaterialAssignmentSchema,
  coatings: z.array(CoatingAssignmentSchema).max(16),
  mission: MissionSchema,
  /** Free-text note: where the configuration's figures come from and how they were derived. */
  about: z.string().max(4000).optional()
});
export type AircraftConfiguration = z.infer<typeof AircraftConfigurationSchema>;
