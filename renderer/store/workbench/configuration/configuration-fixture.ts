import type { AircraftConfiguration } from '../../../../shared/aircraft';

/** A small F-22A-like configuration for unit tests of the configuration helpers. */
export function sampleConfiguration(): AircraftConfiguration {
  return {
    id: 'f22a',
    name: 'F-22A Raptor',
    version: 3,
    basePlatform: {
      emptyMassKg: 15250,
      maxTakeoffMassKg: 38000,
      wingAreaM2: 78.04,
      wingspanM: 13.56,
      lengthM: 18.92,
      sweepDeg: 42,
      thicknessRatio: 0.05,
      internalWeaponsBay: true,
      internalFuelKg: 8200,
      powerGenerationKW: 130,
      coolingCapacityKW: 110,
      attachmentPoints: [
        { id: 'cockpit', kind: 'cockpit', maxMassKg: 400 },
        { id: 'nose', kind: 'nose', maxMassKg: 400 },
        { id: 'avionics', kind: 'avionics_bay', maxMassKg: 800 },
        { id: 'wing-1', kind: 'hardpoint', maxMassKg: 2270 }
      ]
    },
    modules: [
      { instanceId: 'cockpit', libraryId: 'cockpit-single-large-area-display', attachmentPoint: 'cockpit' },
      { instanceId: 'radar', libraryId: 'apg-77', attachmentPoint: 'nose' },
      { instanceId: 'icp', libraryId: 'integrated-core-processor', attachmentPoint: 'avionics' }
    ],
    propulsion: { engineModel: 'F119-PW-100', count: 2 },
    materials: {
      forward_fuselage: 'cfrp_im7_8552',
      center_fuselage: 'ti_6al4v',
      aft_fuselage: 'ti_6al4v',
      wings: 'bmi_composite',
      empennage: 'bmi_composite',
      inlets: 'cfrp_im7_8552',
      engine_bay: 'ti_6al4v'
    },
    coatings: [{ coatingId: 'ram_iron_ball', zones: ['wings', 'center_fuselage'] }],
    mission: {
      type: 'air_superiority',
      combatRadiusKm: 852,
      payloadKg: 1136,
      altitudeBandM: { min: 0, max: 19812 },
      speedBandMach: { min: 0.2, max: 2.25 },
      stealthRequired: true
    }
  };
}

/** Module library entries matching the sample configuration. */
export const SAMPLE_LIBRARY_MODULES = [
  { id: 'apg-77', category: 'sensor', attachmentKinds: ['nose'] },
  { id: 'apg-81', category: 'sensor', attachmentKinds: ['nose'] },
  { id: 'integrated-core-processor', category: 'avionics', attachmentKinds: ['avionics_bay'] },
  { id: 'ecm-internal', category: 'defensive', attachmentKinds: ['avionics_bay'] }
];
