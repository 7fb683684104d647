import type { MaterialDefinition } from './library';

/** What the sizing indices need from a material. */
export type SizingProperties = Pick<
  MaterialDefinition,
  'densityKgM3' | 'yieldStrengthMPa' | 'elasticModulusGPa'
>;

/**
 * Mass of a structure made of `material` relative to the same structure made of `reference`,
 * blending the strength-limited and buckling-limited cases with the given weights.
 * @example materialMassFactor(cfrp, al7075, 0.5, 0.5) // ≈ 0.61
 */
export function materialMassFactor(
  material: SizingProperties,
  reference: SizingProperties,
  strengthWeight: number,
  bucklingWeight: number
): number {
  // Ashby indices: strength-limited m ∝ ρ/σy; buckling-limited panel m ∝ ρ/E^(1/3).
  const strengthRatio =
    material.densityKgM3 /
    material.yieldStrengthMPa /
    (reference.densityKgM3 / reference.yieldStrengthMPa);
  const bucklingRatio =
    material.densityKgM3 /
    Math.cbrt(material.elasticModulusGPa) /
    (reference.densityKgM3 / Math.cbrt(reference.elasticModulusGPa));
  return strengthWeight * strengthRatio + bucklingWeight * bucklingRatio;
}

/**
 * Structural mass of one zone: its share of the reference airframe's structure, with the
 * material-sensitive part (skins, spars, frames) scaled by the material's mass factor.
 * @example zoneStructuralMassKg(1000, 0.61, 0.6) // 766 kg
 */
export function zoneStructuralMassKg(
  referenceZoneMassKg: number,
  massFactor: number,
  materialSensitiveShare: number
): number {
  // m_zone = m_ref · (1 − s + s·f): fasteners, fittings and sealant do not scale with the material.
  return referenceZoneMassKg * (1 - materialSensitiveShare + materialSensitiveShare * massFactor);
}
