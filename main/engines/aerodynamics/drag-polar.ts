import type { CfdModel } from '../../../shared/library/cfd';
import { STANDARD_GRAVITY_MS2 } from '../atmosphere/isa';

/** What the drag model needs to know about an aircraft. */
export interface AeroGeometry {
  wingAreaM2: number;
  wingspanM: number;
  lengthM: number;
  sweepDeg: number;
  thicknessRatio: number;
  /** Mass that sizes the airframe (empty + internal fuel), for wetted area and A_max. */
  sizingMassKg: number;
  /** Drag area (m²) of stores carried outside. */
  storesDragAreaM2: number;
  /** Carrier-based airframe (arresting hook installed): Raymer's Navy-fighter skin friction. */
  carrierBased?: boolean;
}

/** Precomputed coefficients of the drag polar CD = CD0(M) + K(M)·CL². */
export interface DragModel {
  wingAreaM2: number;
  aspectRatio: number;
  sweepDeg: number;
  cosSweep: number;
  wettedAreaM2: number;
  cd0Friction: number;
  cd0Stores: number;
  storesSupersonicFactor: number;
  oswaldEfficiency: number;
  kSubsonic: number;
  machDragDivergence: number;
  machCritical: number;
  peakMach: number;
  /** Wave-drag coefficient at its peak (E_WD × Sears–Haack D/q over S). */
  cdWavePeak: number;
  /** Raymer's sweep term (1 − π·Λ^0.77/100) of the supersonic wave-drag decay. */
  waveSweepTerm: number;
}

const FT2_PER_M2 = 10.7639;
const LB_PER_KG = 2.20462;

/** Roskam Part I wetted-area regression: log10(Swet ft²) = c + d·log10(W lb). */
export function wettedAreaM2(massKg: number, cfd: CfdModel): number {
  const { regressionC, regressionD } = cfd.wettedArea;
  return Math.pow(10, regressionC + regressionD * Math.log10(massKg * LB_PER_KG)) / FT2_PER_M2;
}

/** Raymer eq. 12.49 (swept wing): e = a(1 − b·A^c)(cos ΛLE)^d − f, clamped. */
export function oswaldEfficiency(aspectRatio: number, sweepDeg: number, cfd: CfdModel): number {
  const { a, b, c, d, f, min, max } = cfd.oswald;
  const e = a * (1 - b * Math.pow(aspectRatio, c)) * Math.pow(Math.cos((sweepDeg * Math.PI) / 180), d) - f;
  return Math.min(max, Math.max(min, e));
}

/** Korn equation: M_DD = κ/cosΛ − (t/c)/cos²Λ − CL/(10cos³Λ), here at CL = 0.3, capped. */
export function dragDivergenceMach(sweepDeg: number, thicknessRatio: number, cfd: CfdModel): number {
  const cosSweep = Math.cos((sweepDeg * Math.PI) / 180);
  const korn =
    cfd.waveDrag.kornKappa / cosSweep - thicknessRatio / (cosSweep * cosSweep) - 0.3 / (10 * cosSweep ** 3);
  return Math.min(cfd.waveDrag.maxDragDivergenceMach, korn);
}

/**
 * Builds the drag model. CD0 by the equivalent skin-friction method (Raymer eq. 12.23:
 * CD0 = Cfe·Swet/Sref, Cfe of the class from table 12.3: land-based or Navy fighter) plus stores; wave drag by Raymer eq. 12.48 on the Sears–Haack body of the
 * same length whose volume is mass / equivalent density: (D/q)_SH = 9π/2·(A_max/l)²,
 * V_SH = 3π/16·A_max·l.
 */
export function buildDragModel(geometry: AeroGeometry, cfd: CfdModel): DragModel {
  const aspectRatio = (geometry.wingspanM * geometry.wingspanM) / geometry.wingAreaM2;
  const cosSweep = Math.cos((geometry.sweepDeg * Math.PI) / 180);
  const wetted = wettedAreaM2(geometry.sizingMassKg, cfd);
  const e = oswaldEfficiency(aspectRatio, geometry.sweepDeg, cfd);
  const machDragDivergence = dragDivergenceMach(geometry.sweepDeg, geometry.thicknessRatio, cfd);
  const volumeM3 = geometry.sizingMassKg / cfd.waveDrag.equivalentBodyDensityKgM3;
  const aMaxM2 = volumeM3 / ((3 * Math.PI) / 16) / geometry.lengthM;
  const searsHaackDq = ((9 * Math.PI) / 2) * Math.pow(aMaxM2 / geometry.lengthM, 2);
  return {
    wingAreaM2: geometry.wingAreaM2,
    aspectRatio,
    sweepDeg: geometry.sweepDeg,
    cosSweep,
    wettedAreaM2: wetted,
    cd0Friction:
      ((geometry.carrierBased ? cfd.skinFriction.equivalentCfCarrier : cfd.skinFriction.equivalentCf) * wetted) /
      geometry.wingAreaM2,
    cd0Stores: geometry.storesDragAreaM2 / geometry.wingAreaM2,
    storesSupersonicFactor: cfd.lift.storesSupersonicFactor,
    oswaldEfficiency: e,
    kSubsonic: 1 / (Math.PI * aspectRatio * e),
    machDragDivergence,
    machCritical: machDragDivergence - cfd.waveDrag.criticalMachOffset,
    peakMach: cfd.waveDrag.peakMach,
    cdWavePeak: (cfd.waveDrag.efficiencyFactor * searsHaackDq) / geometry.wingAreaM2,
    waveSweepTerm: 1 - (Math.PI * Math.pow(geometry.sweepDeg, 0.77)) / 100
  };
}

/**
 * The same polar with another stores term ΔCD0. Written out field by field in `buildDragModel`'s
 * order, not spread: a spread copy gets another hidden class with its numbers stored boxed, and
 * the two shapes together make every field read in the Mach loops allocate a heap number.
 */
export function withCd0Stores(model: DragModel, cd0Stores: number): DragModel {
  return {
    wingAreaM2: model.wingAreaM2,
    aspectRatio: model.aspectRatio,
    sweepDeg: model.sweepDeg,
    cosSweep: model.cosSweep,
    wettedAreaM2: model.wettedAreaM2,
    cd0Friction: model.cd0Friction,
    cd0Stores,
    storesSupersonicFactor: model.storesSupersonicFactor,
    oswaldEfficiency: model.oswaldEfficiency,
    kSubsonic: model.kSubsonic,
    machDragDivergence: model.machDragDivergence,
    machCritical: model.machCritical,
    peakMach: model.peakMach,
    cdWavePeak: model.cdWavePeak,
    waveSweepTerm: model.waveSweepTerm
  };
}

/**
 * Wave-drag coefficient at a Mach number: zero below M_cr, a smooth (smoothstep) rise to the
 * Sears–Haack peak, flat to M 1.2, then Raymer's decay
 * E_WD·[1 − 0.386(M − 1.2)^0.57·(1 − πΛ^0.77/100)]·(D/q)_SH.
 */
export function waveDragCoefficient(model: DragModel, mach: number): number {
  if (mach <= model.machCritical) return 0;
  if (mach < model.peakMach) {
    const x = (mach - model.machCritical) / (model.peakMach - model.machCritical);
    return model.cdWavePeak * x * x * (3 - 2 * x);
  }
  if (mach <= 1.2) return model.cdWavePeak;
  return model.cdWavePeak * (1 - 0.386 * Math.pow(mach - 1.2, 0.57) * model.waveSweepTerm);
}

/** Zero-lift drag coefficient at a Mach number: friction + stores (doubled supersonic) + wave. */
export function zeroLiftDragCoefficient(model: DragModel, mach: number): number {
  const storesFactor = mach >= 1 ? model.storesSupersonicFactor : 1;
  return model.cd0Friction + model.cd0Stores * storesFactor + waveDragCoefficient(model, mach);
}

/**
 * Drag-due-to-lift factor K: 1/(π·A·e) subsonic; Raymer eq. 12.51 supersonic,
 * K = A(M² − 1)cosΛLE / (4A√(M² − 1) − 2); linear between Mach 1 and 1.2.
 */
export function inducedDragFactor(model: DragModel, mach: number): number {
  if (mach <= 1) return model.kSubsonic;
  // One call site for both branches: half the bytecode for V8 to inline at every Mach point.
  const supersonic = supersonicInducedDragFactor(model, mach >= 1.2 ? mach : 1.2);
  if (mach >= 1.2) return supersonic;
  return model.kSubsonic + ((mach - 1) / 0.2) * (supersonic - model.kSubsonic);
}

/** Raymer eq. 12.51, never below the subsonic K. A plain function: the polar calls it per point. */
function supersonicInducedDragFactor(model: DragModel, mach: number): number {
  const beta2 = mach * mach - 1;
  return Math.max(
    model.kSubsonic,
    (model.aspectRatio * beta2 * model.cosSweep) / (4 * model.aspectRatio * Math.sqrt(beta2) - 2)
  );
}

/** Drag polar CD = CD0(M) + K(M)·CL². */
export function dragCoefficient(model: DragModel, mach: number, liftCoefficient: number): number {
  return zeroLiftDragCoefficient(model, mach) + inducedDragFactor(model, mach) * liftCoefficient * liftCoefficient;
}

/** Maximum lift-to-drag ratio of a parabolic polar: (L/D)max = 1 / (2·√(CD0·K)). */
export function maxLiftToDrag(model: DragModel, mach: number): number {
  return 1 / (2 * Math.sqrt(zeroLiftDragCoefficient(model, mach) * inducedDragFactor(model, mach)));
}

/** Wing loading (kg/m²) = m / S. */
export function wingLoadingKgM2(massKg: number, wingAreaM2: number): number {
  return massKg / wingAreaM2;
}

/** Stall speed (m/s) from L = W at CLmax: V_s = √(2·m·g / (ρ·S·CLmax)). */
export function stallSpeedMs(massKg: number, wingAreaM2: number, clMax: number, densityKgM3: number): number {
  return Math.sqrt((2 * massKg * STANDARD_GRAVITY_MS2) / (densityKgM3 * wingAreaM2 * clMax));
}
