import type { InletType, StructuralZone } from '../../../shared/aircraft';
import type { BandAbsorptionDb, RcsComponents } from '../../../shared/engine-outputs';
import type { RadarBand } from '../../../shared/library/materials';
import { reflectedPowerFraction } from '../materials/coatings';
import type { RadarAntenna, RcsModel } from './library';

/** What the frontal-RCS model needs to know about a configuration. */
export interface FrontalRcsInputs {
  wingAreaM2: number;
  /** Wing leading-edge sweep (degrees). */
  sweepDeg: number;
  /** Edges and facets aligned to a few directions away from the nose (F-22, F-35 style). */
  planformAligned: boolean;
  inletType: InletType;
  /** Antenna of the nose radar; `null` = no radar. */
  radarAntenna: RadarAntenna | null;
  /** Stores and pylons on hardpoints (stores in internal bays add nothing). */
  hardpointStores: number;
  /** Semi-conformal stores. */
  conformalStores: number;
  /** Coating absorption (dB) per zone and band; bare zones read 0. */
  zoneAbsorptionDb: Readonly<Record<StructuralZone, BandAbsorptionDb>>;
}

const DEG = Math.PI / 180;

/**
 * Power fraction a component keeps after the coatings on the zones it spans:
 * Σ w_zone · 10^(−A_zone/10), with weights summing to 1.
 */
export function coatedPowerFraction(
  weights: Readonly<Partial<Record<StructuralZone, number>>>,
  zoneAbsorptionDb: Readonly<Record<StructuralZone, BandAbsorptionDb>>,
  band: RadarBand
): number {
  let fraction = 0;
  for (const zone in weights) {
    const weight = weights[zone as StructuralZone] ?? 0;
    fraction += weight * reflectedPowerFraction(zoneAbsorptionDb[zone as StructuralZone][band]);
  }
  return fraction;
}

/**
 * Nose-on RCS in one radar band as a sum of explainable components:
 * - airframe: σ_base · (S/S_ref) · cos²Λ (swept edges turn their specular flash away from the
 *   nose) · alignment factor, attenuated by the coatings on the airframe zones;
 * - inlet and engine face by inlet type (caret and DSI designs hide the face in an S-duct);
 * - canopy (metallised when the forward fuselage is treated) and radar antenna, both shaped
 *   away by planform alignment;
 * - external stores (zero for internal carriage).
 * @example frontalRcs(inputs, library.rcsModel, 'X').totalM2
 */
export function frontalRcs(
  inputs: FrontalRcsInputs,
  model: RcsModel,
  band: RadarBand
): RcsComponents {
  const absorption = inputs.zoneAbsorptionDb;
  const alignment = inputs.planformAligned ? model.alignmentFactor : 1;
  const cosSweep = Math.cos(inputs.sweepDeg * DEG);
  // σ_airframe = σ0 · (S/S_ref) · cos²Λ · k_align · Σ w·10^(−A/10)
  const airframeM2 =
    model.airframeBaseM2 *
    (inputs.wingAreaM2 / model.referenceWingAreaM2) *
    cosSweep *
    cosSweep *
    alignment *
    coatedPowerFraction(model.airframeZoneWeights, absorption, band);
  // σ_inlet = σ_type · 10^(−A_inlets/10)
  const inletM2 = model.inletM2[inputs.inletType] * reflectedPowerFraction(absorption.inlets[band]);
  const forwardFraction = reflectedPowerFraction(absorption.forward_fuselage[band]);
  const canopyTreated = absorption.forward_fuselage[band] > 0;
  // σ_canopy = σ_c · (k_treat if the forward fuselage is treated) · k_align
  const canopyM2 = model.canopyM2 * (canopyTreated ? model.canopyTreatmentFactor : 1) * alignment;
  // σ_radar = σ_antenna · k_align · 10^(−A_forward/10)
  const radarM2 =
    inputs.radarAntenna === null
      ? 0
      : model.radarAntennaM2[inputs.radarAntenna] * alignment * forwardFraction;
  // σ_stores = n_hardpoint · σ_h + n_conformal · σ_c
  const storesM2 =
    inputs.hardpointStores * model.hardpointStoreM2 +
    inputs.conformalStores * model.conformalStoreM2;
  return {
    airframeM2,
    inletM2,
    canopyM2,
    radarM2,
    storesM2,
    totalM2: airframeM2 + inletM2 + canopyM2 + radarM2 + storesM2
  };
}
