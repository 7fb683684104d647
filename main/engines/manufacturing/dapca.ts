import type { DapcaHours } from '../../../shared/engine-outputs';
import type { DapcaCoefficients, HoursCer } from './library';

/**
 * RAND DAPCA IV cost-estimating relationships (Raymer, ch. 18), evaluated in their native fps
 * units: empty mass in lb, maximum speed in knots, thrust in lbf, turbine temperature in °R.
 */

const LB_PER_KG = 2.204_622_6;
const KT_PER_KMH = 1 / 1.852;
const LBF_PER_KN = 224.808_94;
const RANKINE_PER_KELVIN = 1.8;

/** What the airframe CERs need. */
export interface DapcaInputs {
  emptyMassKg: number;
  maxSpeedKmh: number;
  /** Production quantity Q. */
  quantity: number;
  flightTestAircraft: number;
  /** Structural-material multiplier on engineering, tooling and manufacturing hours. */
  materialFactor: number;
}

/** Programme costs the CERs give directly, in the CERs' base-year USD. */
export type DapcaDirectCosts = {
  developmentSupportUSD: number; flightTestUSD: number; manufacturingMaterialsUSD: number
};

function hoursCer(cer: HoursCer, emptyMassLb: number, speedKt: number, quantity: number): number {
  // H = k · We^a · V^b · Q^c
  return (
    cer.coefficient *
    Math.pow(emptyMassLb, cer.emptyMassExponent) *
    Math.pow(speedKt, cer.speedExponent) *
    Math.pow(quantity, cer.quantityExponent)
  );
}

/**
 * Engineering, tooling, manufacturing and quality-control hours for the whole programme.
 * @example
 * const inputs = {
 *   emptyMassKg: 8570, maxSpeedKmh: 2178, quantity: 1000, flightTestAircraft: 6, materialFactor: 1
 * };
 * dapcaHours(inputs, dapca).engineering // 1.751e7 h
 */
export function dapcaHours(inputs: DapcaInputs, dapca: DapcaCoefficients): DapcaHours {
  const massLb = inputs.emptyMassKg * LB_PER_KG;
  const speedKt = inputs.maxSpeedKmh * KT_PER_KMH;
  const factor = inputs.materialFactor;
  const manufacturing = factor * hoursCer(
    dapca.manufacturingHours,
    massLb,
    speedKt,
    inputs.quantity
  );
  return {
    engineering: factor * hoursCer(dapca.engineeringHours, massLb, speedKt, inputs.quantity),
    tooling: factor * hoursCer(dapca.toolingHours, massLb, speedKt, inputs.quantity),
    manufacturing,
    // H_Q = 0.133 · H_M (military aircraft)
    qualityControl: dapca.qualityControlShareOfManufacturing * manufacturing
  };
}

/**
 * Development support, flight test and manufacturing materials (base-year USD).
 * @example dapcaDirectCosts(inputs, dapca).flightTestUSD
 */
export function dapcaDirectCosts(inputs: DapcaInputs, dapca: DapcaCoefficients): DapcaDirectCosts {
  const massLb = inputs.emptyMassKg * LB_PER_KG;
  const speedKt = inputs.maxSpeedKmh * KT_PER_KMH;
  const support = dapca.developmentSupportUSD;
  const flightTest = dapca.flightTestUSD;
  return {
    // C_D = k · We^0.630 · V^1.3
    developmentSupportUSD:
      support.coefficient * Math.pow(
        massLb,
        support.emptyMassExponent
      ) * Math.pow(speedKt, support.speedExponent),
    // C_F = k · We^0.325 · V^0.822 · FTA^1.21
    flightTestUSD:
      flightTest.coefficient *
      Math.pow(massLb, flightTest.emptyMassExponent) *
      Math.pow(speedKt, flightTest.speedExponent) *
      Math.pow(inputs.flightTestAircraft, flightTest.testAircraftExponent),
    // C_M = k · We^0.921 · V^0.621 · Q^0.799
    manufacturingMaterialsUSD: hoursCer(
      dapca.manufacturingMaterialsUSD,
      massLb,
      speedKt,
      inputs.quantity
    )
  };
}

/**
 * Production cost of one engine (base-year USD).
 * @example raymerEngineCostUSD(156, 2.25, 1970, dapca.engineUSD) // ≈ 10.2 M (2012)
 */
export function raymerEngineCostUSD(
  maxThrustKN: number,
  maxMach: number,
  turbineInletK: number,
  cer: DapcaCoefficients['engineUSD']
): number {
  // C_eng = k · [0.043·Tmax + 243.25·Mmax + 0.969·T_turbine − 2228]  (lbf, °R)
  const bracket =
    cer.thrustCoefficient * maxThrustKN * LBF_PER_KN +
    cer.machCoefficient * maxMach +
    cer.turbineInletCoefficient * turbineInletK * RANKINE_PER_KELVIN +
    cer.constant;
  return cer.coefficient * Math.max(bracket, 0);
}

/**
 * Escalates base-year dollars to the report year with a price index ratio.
 * @example escalateUSD(100, 229.594, 313.689) // 136.6
 */
export function escalateUSD(amountUSD: number, baseIndex: number, reportIndex: number): number {
  // C_report = C_base · CPI_report / CPI_base
  return (amountUSD * reportIndex) / baseIndex;
}
