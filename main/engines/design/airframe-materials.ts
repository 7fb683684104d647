import { STRUCTURAL_ZONES, type AircraftConfiguration, type StructuralZone } from '../../../shared/aircraft';
import { materialMassFactors } from '../materials/evaluate-materials';
import { coatingMassKg, zoneWettedAreaM2 } from '../materials/coatings';
import { indexMaterialsLibrary, type MaterialsIndex, type MaterialsLibrary } from '../materials/library';
import { zoneStructuralMassKg } from '../materials/structural-mass';

/** The materials library as the mass roll-up needs it: indexed, with per-material mass factors. */
export interface AirframeMaterialsModel {
  index: MaterialsIndex;
  massFactors: ReadonlyMap<string, number>;
}

/** Structure and coating masses of a configuration's airframe. */
export interface AirframeMaterialMass {
  /** Structure in the assigned materials (the materials engine's `structuralMassKg`). */
  structuralMassKg: number;
  /** The same structure entirely in the reference material (aluminium 7075). */
  referenceStructuralMassKg: number;
  /** structural − reference: what the material choice adds (negative: saves). */
  structuralMassDeltaKg: number;
  /** Radar-absorbent coatings (the materials engine's `coatingMassKg`). */
  coatingMassKg: number;
}

/** Indexes a materials library and precomputes its mass factors, once per library. */
export function airframeMaterialsModel(library: MaterialsLibrary): AirframeMaterialsModel {
  const index = indexMaterialsLibrary(library);
  return { index, massFactors: materialMassFactors(index) };
}

/**
 * Structural and coating masses by the materials engine's own pure models (zone share of the
 * all-7075 reference structure, m = m_ref·(1 − s + s·f); coating m = ρ_A·S_wet,zone), so the
 * design totals and the materials engine's report agree. Unknown ids count as the reference
 * material / no coating here (validation and the materials engine report them).
 * @example airframeMaterialMass(config, model).structuralMassDeltaKg
 */
export function airframeMaterialMass(config: AircraftConfiguration, model: AirframeMaterialsModel): AirframeMaterialMass {
  const airframe = model.index.library.airframe;
  const platform = config.basePlatform;
  const referenceStructuralMassKg = platform.emptyMassKg * airframe.structuralShareOfPlatformMass;
  let structuralMassKg = 0;
  for (const zone of STRUCTURAL_ZONES) {
    const materialId = config.materials[zone];
    const factor = materialId === undefined ? 1 : (model.massFactors.get(materialId) ?? 1);
    structuralMassKg += zoneStructuralMassKg(
      referenceStructuralMassKg * model.index.zones[zone].massShare,
      factor,
      airframe.materialSensitiveShare
    );
  }
  return {
    structuralMassKg,
    referenceStructuralMassKg,
    structuralMassDeltaKg: structuralMassKg - referenceStructuralMassKg,
    coatingMassKg: coatingsMassKg(config, model)
  };
}

/** Coating mass: the last assignment of a zone wins, as in the materials engine. */
function coatingsMassKg(config: AircraftConfiguration, model: AirframeMaterialsModel): number {
  const airframe = model.index.library.airframe;
  let coatedZones: Partial<Record<StructuralZone, number>> | undefined;
  for (const assignment of config.coatings) {
    const coating = model.index.coatingById.get(assignment.coatingId);
    for (const zone of assignment.zones) {
      coatedZones ??= {};
      coatedZones[zone] = coating && coating.id !== 'none' ? coating.arealDensityKgM2 : 0;
    }
  }
  if (!coatedZones) return 0;
  let totalKg = 0;
  for (const zone of STRUCTURAL_ZONES) {
    const arealDensityKgM2 = coatedZones[zone];
    if (!arealDensityKgM2) continue;
    const areaM2 = zoneWettedAreaM2(config.basePlatform.wingAreaM2, airframe.wettedToWingAreaRatio, model.index.zones[zone].wettedAreaShare);
    totalKg += coatingMassKg(arealDensityKgM2, areaM2);
  }
  return totalKg;
}
