import { z } from 'zod';
import { InletTypeSchema, MissionTypeSchema, RadiusMissionKindSchema, ReserveRuleSchema } from '../aircraft';

/**
 * The generic aerodynamic model coefficients (`resources/data/cfd.yaml`): one set for every
 * aircraft, never per aircraft. Sections: wetted area and skin friction (subsonic CD0), Oswald
 * efficiency, wave drag, lift limits, intakes, thermal limits and mission allowances.
 *
 * @example const cfd = CfdModelSchema.parse(parseYaml(text));
 */
const positive = z.number().positive();
const fraction = z.number().min(0).max(1);

export const InletModelSchema = z.strictObject({
  /** `normal_shock`: pitot recovery; `mil_spec`: MIL-E-5008B recovery scaled by `efficiency`. */
  recoveryModel: z.enum(['normal_shock', 'mil_spec']),
  /** Fraction of the MIL-E-5008B recovery loss actually suffered above Mach 1 (1 = reference). */
  lossFactor: z.number().nonnegative(),
  /** Highest Mach at which the intake delivers stable flow (buzz, distortion). */
  maxMach: positive
});
export type InletModel = z.infer<typeof InletModelSchema>;

/** The generic standard values of one kind of radius mission (`mission.kinds`). */
export const RadiusMissionKindDefaultsSchema = z.strictObject({
  /** Low-level leg flown at sea level each way next to the target (0 = hi-hi-hi). */
  lowLevelKmEachWay: z.number().nonnegative(),
  lowLevelMach: positive,
  combatMinutes: z.number().nonnegative(),
  combatAltitudeM: z.number().nonnegative(),
  combatMach: positive,
  /** Power setting of the combat allowance. */
  combatThrottle: z.enum(['dry', 'wet']),
  /** Air-to-air missiles are fired in combat (true) or carried home (false). */
  missilesFiredAtTarget: z.boolean(),
  /** Tanks still on at the combat point are jettisoned (with any fuel left) before combat. */
  tanksJettisonedForCombat: z.boolean()
});
export type RadiusMissionKindDefaults = z.infer<typeof RadiusMissionKindDefaultsSchema>;

/** A fuel-reserve rule: a loiter at best endurance plus a share of the fuel carried. */
export const ReserveRuleModelSchema = z.strictObject({
  loiterMinutes: z.number().nonnegative(),
  loiterAltitudeM: z.number().nonnegative(),
  loiterMach: positive,
  /** Share of the initial (total) fuel held back. */
  initialFuelFraction: fraction,
  /** External tanks are carried home (no jettison) under this rule unless the profile says otherwise. */
  tanksRetained: z.boolean()
});
export type ReserveRuleModel = z.infer<typeof ReserveRuleModelSchema>;

export const CfdModelSchema = z.strictObject({
  version: z.number().int().min(1),
  wettedArea: z.strictObject({
    /** Roskam Part I: log10(Swet[ft²]) = c + d·log10(W[lb]). */
    regressionC: z.number(),
    regressionD: positive
  }),
  skinFriction: z.strictObject({
    /** Raymer's equivalent skin-friction coefficient for the aircraft class (land-based fighter). */
    equivalentCf: positive,
    /**
     * Equivalent skin friction of a carrier-based fighter (Raymer table 12.3, "Navy fighter"):
     * used when a module flagged `characteristics.carrierEquipment` is installed.
     */
    equivalentCfCarrier: positive,
    /** Drag area (m²) of one empty attachment point of kind `hardpoint` (a pylon). */
    pylonDragAreaM2: z.number().nonnegative()
  }),
  oswald: z.strictObject({
    /** Raymer swept wing: e = a(1 − b·A^c)(cos ΛLE)^d − f. */
    a: z.number(),
    b: z.number(),
    c: z.number(),
    d: z.number(),
    f: z.number(),
    min: fraction,
    max: fraction
  }),
  waveDrag: z.strictObject({
    /** Raymer's empirical wave-drag efficiency factor E_WD. */
    efficiencyFactor: positive,
    /** Mean density of the equivalent body (mass / volume) used to estimate A_max. */
    equivalentBodyDensityKgM3: positive,
    /** Korn technology factor κ_A for the drag-divergence Mach. */
    kornKappa: positive,
    maxDragDivergenceMach: positive,
    /** Drag rise starts this far below the drag-divergence Mach (Raymer: M_cr ≈ M_DD − 0.08). */
    criticalMachOffset: z.number().nonnegative(),
    /** Mach where the wave drag reaches its Sears–Haack value (Raymer: 1.05–1.2). */
    peakMach: positive
  }),
  lift: z.strictObject({
    clMaxClean: positive,
    /** Mach at which stores drag is multiplied by `storesSupersonicFactor` (fully). */
    storesSupersonicFactor: z.number().min(1)
  }),
  inlets: z.record(InletTypeSchema, InletModelSchema),
  thermal: z.strictObject({
    /** Compressor-face total-temperature limit when the engine data give none. */
    defaultMaxCompressorInletTempK: positive,
    /** Airframe Mach limit when the materials engine has not given one. */
    fallbackStructuralMaxMach: positive
  }),
  /** The flight envelope: the mass it is evaluated at and the service-ceiling definition. */
  envelope: z.strictObject({
    /** Fraction of internal fuel burnt when max Mach, supercruise and ceiling are evaluated. */
    fuelBurntFraction: fraction,
    /** Specific excess power that defines the service ceiling (m/s). */
    serviceCeilingPsMs: positive,
    /** Power setting of the service-ceiling climb (the classic definition uses military power). */
    serviceCeilingThrottle: z.enum(['dry', 'wet']),
    /** Highest altitude the service-ceiling search climbs to (m). */
    altitudeSearchMaxM: positive
  }),
  mission: z.strictObject({
    /** Fuel for warm-up, taxi and take-off, as a fraction of take-off mass (Raymer). */
    warmupTakeoffFraction: fraction,
    /** Climb fuel fraction of the mass at climb start (Raymer: 1 − W2/W1). */
    climbFraction: fraction,
    /** Highest cruise altitude considered (the tropopause is the jet's best-range altitude). */
    cruiseAltitudeM: z.number().nonnegative(),
    /** Lowest cruise altitude considered when the aircraft is too heavy or draggy for the highest. */
    cruiseAltitudeMinM: z.number().nonnegative(),
    /** Fraction of military thrust usable in cruise (maximum continuous rating). */
    cruiseThrustFraction: fraction,
    cruiseMachMin: positive,
    cruiseMachMax: positive,
    /** Descent and landing fuel fraction of the mass at the end of the return cruise. */
    landingFraction: fraction,
    /** Drag area (m²) per kg of mission payload not carried as modules (generic bombs on pylons). */
    missionStoresDragAreaM2PerKg: z.number().nonnegative(),
    /** Installed-to-uninstalled TSFC ratio in mission legs: bleed, power extraction, intake and nozzle losses. */
    installedTsfcFactor: z.number().min(1),
    /**
     * Mission types flown on `strikeKind` when they carry air-to-ground mission stores and the
     * configuration gives no `mission.profile`; everything else flies `hi-hi-hi`.
     */
    strikeMissionTypes: z.array(MissionTypeSchema),
    strikeKind: RadiusMissionKindSchema,
    /** Supersonic legs: the Mach flown and the altitudes searched for the best range factor. */
    supercruise: z.strictObject({
      mach: positive,
      altitudeMinM: z.number().nonnegative(),
      altitudeMaxM: positive
    }),
    /** Generic standard values per mission kind (MIL-C-5011A / Raymer standard missions). */
    kinds: z.record(RadiusMissionKindSchema, RadiusMissionKindDefaultsSchema),
    reserves: z.record(ReserveRuleSchema, ReserveRuleModelSchema)
  })
});
export type CfdModel = z.infer<typeof CfdModelSchema>;
