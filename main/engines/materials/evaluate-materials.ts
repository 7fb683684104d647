import {
  STRUCTURAL_ZONES,
  type AircraftConfiguration,
  type StructuralZone
} from '../../../shared/aircraft';
import type { BandAbsorptionDb, MaterialUse, MaterialsOutputs, ZoneThermal } from '../../../shared/engine-outputs';
import type { MaterialCategory } from '../../../shared/library/materials';
import { isaTemperatureK } from '../atmosphere/isa';
import { coatingMassKg, zoneWettedAreaM2 } from './coatings';
import type { CoatingDefinition, MaterialDefinition, MaterialsIndex } from './library';
import { materialMassFactor, zoneStructuralMassKg } from './structural-mass';
import { maxMachForWallLimit, wallTemperatureK } from './thermal-margin';

/** Mach and altitude at which the thermal margin is evaluated. */
export interface ThermalCondition {
  mach: number;
  altitudeM: number;
}

/** Altitude at which fighters reach their top speed: the tropopause. */
const TROPOPAUSE_M = 11_000;

/**
 * The design's own top-speed condition: the mission's highest Mach, at the mission altitude
 * closest to the tropopause (where a fighter's top speed is usually reached).
 */
export function missionThermalCondition(configuration: AircraftConfiguration): ThermalCondition {
  const band = configuration.mission.altitudeBandM;
  return {
    mach: configuration.mission.speedBandMach.max,
    altitudeM: Math.min(Math.max(TROPOPAUSE_M, band.min), band.max)
  };
}

/** Precomputed per-material mass factors: built once per library. */
export function materialMassFactors(index: MaterialsIndex): ReadonlyMap<string, number> {
  const airframe = index.library.airframe;
  const factors = new Map<string, number>();
  for (const material of index.library.materials) {
    factors.set(
      material.id,
      materialMassFactor(
        material,
        index.reference,
        airframe.strengthIndexWeight,
        airframe.bucklingIndexWeight
      )
    );
  }
  return factors;
}

function requireMaterial(
  index: MaterialsIndex,
  id: string,
  zone: StructuralZone
): MaterialDefinition {
  const material = index.materialById.get(id);
  if (!material) throw new Error(`unknown material "${id}" in zone ${zone}`);
  return material;
}

function requireCoating(index: MaterialsIndex, id: string): CoatingDefinition {
  const coating = index.coatingById.get(id);
  if (!coating) throw new Error(`unknown coating "${id}"`);
  return coating;
}

function zoneRecord<T>(make: (zone: StructuralZone) => T): Record<StructuralZone, T> {
  const record = {} as Record<StructuralZone, T>;
  for (const zone of STRUCTURAL_ZONES) record[zone] = make(zone);
  return record;
}

/**
 * Structural mass per zone, coatings, thermal margin and the processes the chosen materials
 * need: the materials engine's outputs. Throws on an unknown material or coating id.
 * @example const result = evaluateMaterials(index, factors, configuration);
 */
export function evaluateMaterials(
  index: MaterialsIndex,
  massFactors: ReadonlyMap<string, number>,
  configuration: AircraftConfiguration,
  condition: ThermalCondition = missionThermalCondition(configuration)
): MaterialsOutputs {
  const airframe = index.library.airframe;
  const platform = configuration.basePlatform;
  const referenceStructureKg = platform.emptyMassKg * airframe.structuralShareOfPlatformMass;

  const zoneCoatings = zoneRecord<string>(() => 'none');
  for (const assignment of configuration.coatings) {
    requireCoating(index, assignment.coatingId);
    for (const zone of assignment.zones) zoneCoatings[zone] = assignment.coatingId;
  }

  const staticK = isaTemperatureK(condition.altitudeM);
  const { mach } = condition;
  const zoneMasses = zoneRecord(() => 0);
  const zoneMaterials = zoneRecord(() => '');
  const zoneAbsorptionDb = zoneRecord<BandAbsorptionDb>(() => ({ S: 0, X: 0, Ku: 0 }));
  const zoneThermal = {} as Record<StructuralZone, ZoneThermal>;
  const categoryShares: Record<MaterialCategory, number> = {
    aluminium: 0,
    titanium: 0,
    composite: 0,
    steel: 0
  };
  const uses = new Map<string, MaterialUse>();
  let structuralMassKg = 0;
  let coatingKg = 0;
  let coatedShare = 0;
  let maintenance = 0;
  let rawCost = 0;
  let referenceRawCost = 0;
  let limitingZone: StructuralZone = STRUCTURAL_ZONES[0];
  let maxMachAllowed = Infinity;
  let minMarginK = Infinity;

  for (const zone of STRUCTURAL_ZONES) {
    const zoneModel = index.zones[zone];
    const materialId = configuration.materials[zone];
    const material = requireMaterial(index, materialId, zone);
    const referenceZoneKg = referenceStructureKg * zoneModel.massShare;
    const massKg = zoneStructuralMassKg(
      referenceZoneKg,
      massFactors.get(materialId) ?? 1,
      airframe.materialSensitiveShare
    );
    zoneMasses[zone] = massKg;
    zoneMaterials[zone] = materialId;
    structuralMassKg += massKg;
    categoryShares[material.category] += massKg;
    rawCost += massKg * material.buyToFlyRatio * material.costPerKgUSD;
    const reference = index.reference;
    referenceRawCost += referenceZoneKg * reference.buyToFlyRatio * reference.costPerKgUSD;

    const use = uses.get(materialId);
    if (use) {
      use.massKg += massKg;
      use.zones.push(zone);
    } else {
      uses.set(materialId, {
        id: materialId,
        category: material.category,
        massKg,
        zones: [zone],
        requiredProcesses: [...material.requiredProcesses],
        processes: [...material.processes],
        processTemperatureK: material.processTemperatureK ?? null,
        typicalThicknessMm: material.typicalThicknessMm
      });
    }

    const coating = requireCoating(index, zoneCoatings[zone]);
    let limitK = material.maxServiceTemperatureK;
    if (coating.id !== 'none') {
      const areaM2 = zoneWettedAreaM2(
        platform.wingAreaM2,
        airframe.wettedToWingAreaRatio,
        zoneModel.wettedAreaShare
      );
      coatingKg += coatingMassKg(coating.arealDensityKgM2, areaM2);
      coatedShare += zoneModel.wettedAreaShare;
      maintenance += coating.maintenanceHoursPerFlightHour * zoneModel.wettedAreaShare;
      zoneAbsorptionDb[zone] = { ...coating.absorptionDb };
      limitK = Math.min(limitK, coating.maxTemperatureK);
    }

    const recovery = zoneModel.stagnation ? 1 : airframe.turbulentRecoveryFactor;
    const wallK = wallTemperatureK(staticK, mach, recovery, zoneModel.internalHeatK);
    const zoneMaxMach = maxMachForWallLimit(limitK, staticK, recovery, zoneModel.internalHeatK);
    zoneThermal[zone] = {
      materialId,
      coatingId: coating.id,
      limitK,
      wallTemperatureK: wallK,
      marginK: limitK - wallK,
      maxMach: zoneMaxMach
    };
    if (zoneMaxMach < maxMachAllowed) {
      maxMachAllowed = zoneMaxMach;
      limitingZone = zone;
    }
    minMarginK = Math.min(minMarginK, limitK - wallK);
  }

  for (const category of Object.keys(categoryShares) as MaterialCategory[]) {
    categoryShares[category] /= structuralMassKg;
  }
  const materialsUsed = [...uses.values()];
  const processesRequired = [...new Set(materialsUsed.flatMap((use) => use.requiredProcesses))];

  return {
    structuralMassKg,
    referenceStructuralMassKg: referenceStructureKg,
    structuralMassDeltaKg: structuralMassKg - referenceStructureKg,
    zoneMassesKg: zoneMasses,
    zoneMaterials,
    zoneCoatings,
    zoneAbsorptionDb,
    coatingMassKg: coatingKg,
    coatedWettedShare: coatedShare,
    coatingMaintenanceHoursPerFlightHour: maintenance,
    thermal: {
      evaluatedMach: mach,
      altitudeM: condition.altitudeM,
      staticTemperatureK: staticK,
      stagnationTemperatureK: wallTemperatureK(staticK, mach, 1, 0),
      maxMachAllowed,
      limitingZone,
      marginK: minMarginK,
      zones: zoneThermal
    },
    categoryShares,
    materialsUsed,
    processesRequired,
    rawMaterialCostUSD: rawCost,
    referenceRawMaterialCostUSD: referenceRawCost,
    maxAllowedMach: maxMachAllowed
  };
}
