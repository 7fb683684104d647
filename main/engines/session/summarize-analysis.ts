import type { EngineId } from '../../../shared/events';
import type { AnalysisResult } from '../../../shared/results';
import type { AerodynamicsAnswers } from '../aerodynamics/aerodynamics-engine';
import type { DesignAnswers } from '../design/design-engine';
import type { ManufacturingAnswers } from '../manufacturing/manufacturing-engine';
import type { MaterialsAnswers } from '../materials/materials-engine';
import type { PropulsionAnswers } from '../propulsion/propulsion-engine';
import type { SensorsAnswers } from '../sensors/sensors-engine';

type Contributions = Readonly<Record<EngineId, unknown>>;
type Summary = AnalysisResult['summary'];

/** What each engine answers to each analysis, by engine id. */
interface Answers {
  design: DesignAnswers;
  materials: MaterialsAnswers;
  propulsion: PropulsionAnswers;
  sensors: SensorsAnswers;
  aerodynamics: AerodynamicsAnswers;
  manufacturing: ManufacturingAnswers;
}

/**
 * One engine's contribution, typed as what its `analyze` answers to `analysis`; every field may
 * be absent (the engine failed or did not answer).
 */
function answer<E extends keyof Answers, A extends keyof Answers[E]>(
  contributions: Contributions,
  engineId: E,
  _analysis: A
): Partial<Answers[E][A]> {
  // A contribution is what the engine's analyze returned for this analysis type (or nothing).
  return (contributions[engineId] ?? {}) as Partial<Answers[E][A]>;
}

/** Rounds numbers for a results table (figures keep 4 significant digits); absent reads null. */
function tidy(summary: Record<string, number | string | boolean | null | undefined>): Summary {
  const out: Summary = {};
  for (const [key, value] of Object.entries(summary)) {
    out[key] = typeof value === 'number' ? Number(value.toPrecision(4)) : (value ?? null);
  }
  return out;
}

const SUMMARIES: Record<string, (c: Contributions) => Summary> = {
  complete_performance: (c) => {
    const aerodynamics = answer(c, 'aerodynamics', 'complete_performance');
    return tidy({
      thrustToWeight: answer(c, 'propulsion', 'complete_performance').thrustToWeight,
      wingLoadingKgM2: aerodynamics.wingLoadingKgM2,
      maxMach: aerodynamics.maxMach,
      supercruiseMach: aerodynamics.supercruiseMach,
      serviceCeilingM: aerodynamics.serviceCeilingM,
      combatRadiusKm: aerodynamics.combatRadiusKm,
      ldMax: aerodynamics.ldMax,
      loadedMassKg: answer(c, 'design', 'complete_performance').loadedMassKg,
      frontalRcsDbsm: answer(c, 'sensors', 'complete_performance').frontalRcsDbsm,
      unitFlyawayCostMUSD: answer(c, 'manufacturing', 'complete_performance').unitFlyawayCostMUSD
    });
  },
  stealth_analysis: (c) => {
    const sensors = answer(c, 'sensors', 'stealth_analysis');
    const materials = answer(c, 'materials', 'stealth_analysis');
    return tidy({
      frontalRcsDbsm: sensors.frontalRcsDbsm,
      frontalRcsM2: sensors.frontalRcsM2,
      detectedBySamAcquisitionKm: sensors.detectedByThreatKm?.['sam-s-band-acquisition'],
      detectedBySamEngagementKm: sensors.detectedByThreatKm?.['sam-x-band-engagement'],
      detectedByFighterRadarKm: sensors.detectedByThreatKm?.['fighter-x-band'],
      coatingMassKg: materials.coatingMassKg,
      coatedWettedShare: materials.coatedWettedShare
    });
  },
  thermal_analysis: (c) => {
    const thermal = answer(c, 'materials', 'thermal_analysis');
    return tidy({
      evaluatedMach: thermal.evaluatedMach,
      stagnationTemperatureK: thermal.stagnationTemperatureK,
      limitingZone: thermal.limitingZone,
      marginK: thermal.marginK,
      maxMachAllowed: thermal.maxMachAllowed,
      maxMach: answer(c, 'aerodynamics', 'thermal_analysis').maxMach
    });
  },
  manufacturing_feasibility: (c) => {
    const manufacturing = answer(c, 'manufacturing', 'manufacturing_feasibility');
    return tidy({
      feasible: manufacturing.feasible,
      findings: manufacturing.feasibility?.length,
      scheduleMonths: manufacturing.scheduleMonths,
      productionRatePerMonth: manufacturing.productionRatePerMonth
    });
  },
  mission_analysis: (c) => {
    const aerodynamics = answer(c, 'aerodynamics', 'mission_analysis');
    const sensors = answer(c, 'sensors', 'mission_analysis');
    return tidy({
      combatRadiusKm: aerodynamics.combatRadiusKm,
      requiredRadiusKm: aerodynamics.requiredRadiusKm,
      cruiseMach: aerodynamics.cruiseMach,
      reserveFuelKg: aerodynamics.fuelKg?.reserve,
      ownDetectsOpponentKm: sensors.ownDetectsOpponentKm,
      opponentDetectsOwnKm: sensors.opponentDetectsOwnKm
    });
  },
  cost_analysis: (c) => {
    const cost = answer(c, 'manufacturing', 'cost_analysis');
    return tidy({
      unitFlyawayCostMUSD: cost.unitFlyawayCostMUSD,
      rdteCostBUSD: cost.rdteCostBUSD,
      programmeCostBUSD: cost.programmeCostBUSD,
      quantity: cost.quantity,
      costYear: cost.costYear
    });
  },
  system_integration: (c) => {
    const design = answer(c, 'design', 'system_integration');
    return tidy({
      valid: design.valid,
      powerMarginKW: design.powerMarginKW,
      coolingMarginKW: design.coolingMarginKW,
      massMarginKg: design.massMarginKg,
      sensorPowerKW: answer(c, 'sensors', 'system_integration').powerDemandKW
    });
  }
};

/** The headline figures of an analysis, picked from the engines' contributions. */
export function summarizeAnalysis(analysisType: string, contributions: Contributions): Summary {
  const summarize = SUMMARIES[analysisType];
  return summarize ? summarize(contributions) : {};
}
