import type { AircraftConfiguration, AttachmentPoint } from '../../../shared/aircraft';

/**
 * Small valid configurations resembling three in-service fighters, built from the module,
 * engine and materials libraries for the engines' tests and calibration checks. Platform empty
 * masses follow the mass convention of `shared/aircraft.ts` (no engines, no modules).
 */

function points(
  kind: AttachmentPoint['kind'],
  prefix: string,
  count: number,
  maxMassKg: number
): AttachmentPoint[] {
  return Array.from(
    { length: count },
    (_, index) => ({ id: `${prefix}${index + 1}`, kind, maxMassKg })
  );
}

const COMMON_POINTS: AttachmentPoint[] = [
  { id: 'nose', kind: 'nose', maxMassKg: 400, maxPowerKW: 30 },
  { id: 'nose2', kind: 'nose', maxMassKg: 150, maxPowerKW: 5 },
  { id: 'cockpit', kind: 'cockpit', maxMassKg: 400 },
  { id: 'bay', kind: 'avionics_bay', maxMassKg: 500, maxPowerKW: 40 }
];

/** An F-22A-like configuration: aligned planform, caret inlets, internal bays, magnetic RAM. */
export function f22LikeConfiguration(): AircraftConfiguration {
  return {
    id: 'f22-like',
    name: 'F-22A-like',
    version: 1,
    basePlatform: {
      emptyMassKg: 15_300,
      maxTakeoffMassKg: 38_000,
      wingAreaM2: 78.04,
      wingspanM: 13.56,
      lengthM: 18.92,
      sweepDeg: 42,
      thicknessRatio: 0.05,
      internalWeaponsBay: true,
      internalFuelKg: 8200,
      powerGenerationKW: 130,
      coolingCapacityKW: 110,
      inletType: 'caret',
      attachmentPoints: [
        ...COMMON_POINTS,
        ...points('internal_bay', 'ib', 8, 500),
        ...points('hardpoint', 'hp', 4, 2300)
      ]
    },
    modules: [
      { instanceId: 'radar', libraryId: 'apg-77', attachmentPoint: 'nose' },
      { instanceId: 'seat', libraryId: 'cockpit-single-aces2', attachmentPoint: 'cockpit' },
      { instanceId: 'icp', libraryId: 'integrated-core-processor', attachmentPoint: 'bay' },
      { instanceId: 'amraam', libraryId: 'aim-120c', attachmentPoint: 'ib1', quantity: 6 },
      { instanceId: 'aim9', libraryId: 'aim-9x', attachmentPoint: 'ib2', quantity: 2 }
    ],
    propulsion: { engineModel: 'F119-PW-100', count: 2 },
    materials: {
      forward_fuselage: 'bmi_composite',
      center_fuselage: 'ti_6al4v',
      aft_fuselage: 'ti_6al4v',
      wings: 'bmi_composite',
      empennage: 'bmi_composite',
      inlets: 'bmi_composite',
      engine_bay: 'ti_6al4v'
    },
    coatings: [
      {
        coatingId: 'ram_iron_ball',
        zones: [
          'forward_fuselage',
          'center_fuselage',
          'aft_fuselage',
          'wings',
          'empennage',
          'inlets'
        ]
      }
    ],
    mission: {
      type: 'air_superiority',
      combatRadiusKm: 852,
      payloadKg: 1200,
      altitudeBandM: { min: 0, max: 19_812 },
      speedBandMach: { min: 0.8, max: 2.25 },
      stealthRequired: true
    }
  };
}

/** An F-16C Block 50-like configuration: aluminium airframe, pitot inlet, six external stores. */
export function f16LikeConfiguration(): AircraftConfiguration {
  return {
    id: 'f16-like',
    name: 'F-16C-like',
    version: 1,
    basePlatform: {
      emptyMassKg: 6250,
      maxTakeoffMassKg: 19_187,
      wingAreaM2: 27.87,
      wingspanM: 9.96,
      lengthM: 15.06,
      sweepDeg: 40,
      thicknessRatio: 0.04,
      internalWeaponsBay: false,
      internalFuelKg: 3175,
      powerGenerationKW: 60,
      coolingCapacityKW: 40,
      inletType: 'pitot',
      attachmentPoints: [...COMMON_POINTS, ...points('hardpoint', 'hp', 9, 2000)]
    },
    modules: [
      { instanceId: 'radar', libraryId: 'apg-68v9', attachmentPoint: 'nose' },
      { instanceId: 'seat', libraryId: 'cockpit-single-aces2', attachmentPoint: 'cockpit' },
      { instanceId: 'mc', libraryId: 'mission-computer', attachmentPoint: 'bay' },
      { instanceId: 'amraam-l', libraryId: 'aim-120c', attachmentPoint: 'hp1' },
      { instanceId: 'amraam-r', libraryId: 'aim-120c', attachmentPoint: 'hp9' },
      { instanceId: 'aim9-l', libraryId: 'aim-9x', attachmentPoint: 'hp2' },
      { instanceId: 'aim9-r', libraryId: 'aim-9x', attachmentPoint: 'hp8' },
      { instanceId: 'tank-l', libraryId: 'tank-370gal', attachmentPoint: 'hp4' },
      { instanceId: 'tank-r', libraryId: 'tank-370gal', attachmentPoint: 'hp6' }
    ],
    propulsion: { engineModel: 'F110-GE-129', count: 1 },
    materials: {
      forward_fuselage: 'al_2024',
      center_fuselage: 'al_7075',
      aft_fuselage: 'al_7075',
      wings: 'al_2024',
      empennage: 'al_2024',
      inlets: 'al_2024',
      engine_bay: 'ti_6al4v'
    },
    coatings: [],
    mission: {
      type: 'multirole',
      combatRadiusKm: 550,
      payloadKg: 1800,
      altitudeBandM: { min: 0, max: 15_240 },
      speedBandMach: { min: 0.8, max: 2.05 },
      stealthRequired: false
    }
  };
}

/** A Eurofighter Typhoon-like configuration: composite airframe, RAM on inlets and edges. */
export function typhoonLikeConfiguration(): AircraftConfiguration {
  return {
    id: 'typhoon-like',
    name: 'Typhoon-like',
    version: 1,
    basePlatform: {
      emptyMassKg: 8450,
      maxTakeoffMassKg: 23_500,
      wingAreaM2: 51.2,
      wingspanM: 10.95,
      lengthM: 15.96,
      sweepDeg: 53,
      thicknessRatio: 0.05,
      internalWeaponsBay: false,
      internalFuelKg: 4996,
      powerGenerationKW: 80,
      coolingCapacityKW: 60,
      inletType: 'variable_ramp',
      attachmentPoints: [
        ...COMMON_POINTS,
        ...points('hardpoint', 'hp', 9, 1500),
        ...points('conformal', 'cf', 4, 300)
      ]
    },
    modules: [
      { instanceId: 'radar', libraryId: 'captor-e', attachmentPoint: 'nose' },
      { instanceId: 'irst', libraryId: 'irst-pirate', attachmentPoint: 'nose2' },
      { instanceId: 'seat', libraryId: 'cockpit-single-mk16', attachmentPoint: 'cockpit' },
      { instanceId: 'mc', libraryId: 'mission-computer', attachmentPoint: 'bay' },
      { instanceId: 'meteor', libraryId: 'meteor', attachmentPoint: 'cf1', quantity: 4 },
      { instanceId: 'asraam-l', libraryId: 'asraam', attachmentPoint: 'hp1' },
      { instanceId: 'asraam-r', libraryId: 'asraam', attachmentPoint: 'hp9' }
    ],
    propulsion: { engineModel: 'EJ200', count: 2 },
    materials: {
      forward_fuselage: 'cfrp_im7_8552',
      center_fuselage: 'cfrp_im7_8552',
      aft_fuselage: 'al_li_2099',
      wings: 'cfrp_im7_8552',
      empennage: 'cfrp_im7_8552',
      inlets: 'cfrp_im7_8552',
      engine_bay: 'ti_6al4v'
    },
    coatings: [{
      coatingId: 'ram_dielectric_foam',
      zones: ['inlets', 'wings', 'forward_fuselage']
    }],
    mission: {
      type: 'multirole',
      combatRadiusKm: 1389,
      payloadKg: 1100,
      altitudeBandM: { min: 0, max: 19_812 },
      speedBandMach: { min: 0.8, max: 2.0 },
      stealthRequired: false
    }
  };
}
