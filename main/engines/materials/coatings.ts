import {
  STRUCTURAL_ZONES,
  type AircraftConfiguration,
  type StructuralZone
} from '../../../shared/aircraft';
import type { BandAbsorptionDb } from '../../../shared/engine-outputs';
import type { CoatingDefinition } from './library';

/**
 * Radar-absorbent coating models: added mass and the power fraction a coating lets back.
 */

/**
 * Wetted area of one structural zone from the wing reference area.
 * @example zoneWettedAreaM2(78, 4, 0.36) // 112.3 m²
 */
export function zoneWettedAreaM2(
  wingAreaM2: number,
  wettedToWingAreaRatio: number,
  zoneShare: number
): number {
  // S_wet ≈ k · S_ref (Raymer's wetted-area ratio), split by the zone's share.
  return wingAreaM2 * wettedToWingAreaRatio * zoneShare;
}

/**
 * Mass a coating adds over an area.
 * @example coatingMassKg(2.5, 100) // 250 kg
 */
export function coatingMassKg(arealDensityKgM2: number, areaM2: number): number {
  // m = ρ_A · S
  return arealDensityKgM2 * areaM2;
}

/**
 * Reflected-power fraction left by an absorption of `absorptionDb`.
 * @example reflectedPowerFraction(10) // 0.1
 */
export function reflectedPowerFraction(absorptionDb: number): number {
  // σ_coated / σ_bare = 10^(−A/10)
  return Math.pow(10, -absorptionDb / 10);
}

/**
 * Absorption per zone from a configuration's coating assignments (a later assignment of the
 * same zone wins; unknown coating ids throw).
 * @example zoneAbsorptionFromCoatings(configuration.coatings, index.coatingById).wings.X
 */
export function zoneAbsorptionFromCoatings(
  assignments: AircraftConfiguration['coatings'],
  coatingById: ReadonlyMap<string, CoatingDefinition>
): Record<StructuralZone, BandAbsorptionDb> {
  const record = {} as Record<StructuralZone, BandAbsorptionDb>;
  for (const zone of STRUCTURAL_ZONES) record[zone] = { S: 0, X: 0, Ku: 0 };
  for (const assignment of assignments) {
    const coating = coatingById.get(assignment.coatingId);
    if (!coating) throw new Error(`unknown coating "${assignment.coatingId}"`);
    for (const zone of assignment.zones) record[zone] = { ...coating.absorptionDb };
  }
  return record;
}
