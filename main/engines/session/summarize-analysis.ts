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

/** The fields `keys` of one answer, in the order given (the table's). */
function pick<T extends object, const K extends keyof T>(answer: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = answer[key];
  return picked;
}

const SUMMARIES: Record<string, (c: Contributions) => Summary> = {
  complete_performance: (c) =>
    tidy({
      thrustToWeight: answer(c, 'propulsion', 'complete_performance').thrustToWeight,
      ...pick(answer(c, 'aerodynamics', 'complete_performance'), ['wingLoadingKgM2', 'maxMach', 'supercruiseMach', 'serviceCeilingM', 'combatRadiusKm', 'ldMax']),
      loadedMassKg: answer(c, 'design', 'complete_performance').loadedMassKg,
      frontalRcsDbsm: answer(c, 'sensors', 'complete_performance').frontalRcsDbsm,
      unitFlyawayCostMUSD: answer(c, 'manufacturing', 'complete_performance').unitFlyawayCostMUSD
    }),
  stealth_analysis: (c) => {
    const sensors = answer(c, 'sensors', 'stealth_analysis');
    return tidy({
      ...pick(sensors, ['frontalRcsDbsm', 'frontalRcsM2']),
      detectedBySamAcquisitionKm: sensors.detectedByThreatKm?.['sam-s-band-acquisition'],
      detectedBySamEngagementKm: sensors.detectedByThreatKm?.['sam-x-band-engagement'],
      detectedByFighterRadarKm: sensors.detectedByThreatKm?.['fighter-x-band'],
      ...pick(answer(c, 'materials', 'stealth_analysis'), ['coatingMassKg', 'coatedWettedShare'])
    });
  },
  thermal_analysis: (c) =>
    tidy({
      ...pick(answer(c, 'materials', 'thermal_analysis'), ['evaluatedMach', 'stagnationTemperatureK', 'limitingZone', 'marginK', 'maxMachAllowed']),
      maxMach: answer(c, 'aerodynamics', 'thermal_analysis').maxMach
    }),
  manufacturing_feasibility: (c) => {
    const manufacturing = answer(c, 'manufacturing', 'manufacturing_feasibility');
    return tidy({
      feasible: manufacturing.feasible,
      findings: manufacturing.feasibility?.length,
      ...pick(manufacturing, ['scheduleMonths', 'productionRatePerMonth'])
    });
  },
  mission_analysis: (c) => {
    const aerodynamics = answer(c, 'aerodynamics', 'mission_analysis');
    return tidy({
      ...pick(aerodynamics, ['combatRadiusKm', 'requiredRadiusKm', 'cruiseMach']),
      reserveFuelKg: aerodynamics.fuelKg?.reserve,
      ...pick(answer(c, 'sensors', 'mission_analysis'), ['ownDetectsOpponentKm', 'opponentDetectsOwnKm'])
    });
  },
  cost_analysis: (c) => tidy(pick(answer(c, 'manufacturing', 'cost_analysis'), ['unitFlyawayCostMUSD', 'rdteCostBUSD', 'programmeCostBUSD', 'quantity', 'costYear'])),
  system_integration: (c) =>
    tidy({
      ...pick(answer(c, 'design', 'system_integration'), ['valid', 'powerMarginKW', 'coolingMarginKW', 'massMarginKg']),
      sensorPowerKW: answer(c, 'sensors', 'system_integration').powerDemandKW
    })
};

/** The headline figures of an analysis, picked from the engines' contributions. */
export function summarizeAnalysis(analysisType: string, contributions: Contributions): Summary {
  const summarize = SUMMARIES[analysisType];
  return summarize ? summarize(contributions) : {};
}
