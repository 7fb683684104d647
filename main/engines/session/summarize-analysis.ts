import type { EngineId } from '../../../shared/events';

type Contributions = Readonly<Record<EngineId, unknown>>;

/** Reads a number at a path inside one engine's contribution; null when absent. */
function pick(contributions: Contributions, engineId: string, ...path: string[]): number | string | boolean | null {
  let value: unknown = contributions[engineId];
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : null;
}

/** Rounds numbers for a results table (figures keep 4 significant digits). */
function tidy(summary: Record<string, number | string | boolean | null>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    out[key] = typeof value === 'number' ? Number(value.toPrecision(4)) : value;
  }
  return out;
}

const SUMMARIES: Record<string, (c: Contributions) => Record<string, number | string | boolean | null>> = {
  complete_performance: (c) => ({
    thrustToWeight: pick(c, 'propulsion', 'thrustToWeight'),
    wingLoadingKgM2: pick(c, 'aerodynamics', 'wingLoadingKgM2'),
    maxMach: pick(c, 'aerodynamics', 'maxMach'),
    supercruiseMach: pick(c, 'aerodynamics', 'supercruiseMach'),
    serviceCeilingM: pick(c, 'aerodynamics', 'serviceCeilingM'),
    combatRadiusKm: pick(c, 'aerodynamics', 'combatRadiusKm'),
    ldMax: pick(c, 'aerodynamics', 'ldMax'),
    loadedMassKg: pick(c, 'design', 'loadedMassKg'),
    frontalRcsDbsm: pick(c, 'sensors', 'frontalRcsDbsm'),
    unitFlyawayCostMUSD: pick(c, 'manufacturing', 'unitFlyawayCostMUSD')
  }),
  stealth_analysis: (c) => ({
    frontalRcsDbsm: pick(c, 'sensors', 'frontalRcsDbsm'),
    frontalRcsM2: pick(c, 'sensors', 'frontalRcsM2'),
    detectedBySamAcquisitionKm: pick(c, 'sensors', 'detectedByThreatKm', 'sam-s-band-acquisition'),
    detectedBySamEngagementKm: pick(c, 'sensors', 'detectedByThreatKm', 'sam-x-band-engagement'),
    detectedByFighterRadarKm: pick(c, 'sensors', 'detectedByThreatKm', 'fighter-x-band'),
    coatingMassKg: pick(c, 'materials', 'coatingMassKg'),
    coatedWettedShare: pick(c, 'materials', 'coatedWettedShare')
  }),
  thermal_analysis: (c) => ({
    evaluatedMach: pick(c, 'materials', 'evaluatedMach'),
    stagnationTemperatureK: pick(c, 'materials', 'stagnationTemperatureK'),
    limitingZone: pick(c, 'materials', 'limitingZone'),
    marginK: pick(c, 'materials', 'marginK'),
    maxMachAllowed: pick(c, 'materials', 'maxMachAllowed'),
    maxMach: pick(c, 'aerodynamics', 'maxMach')
  }),
  manufacturing_feasibility: (c) => ({
    feasible: pick(c, 'manufacturing', 'feasible'),
    findings: Array.isArray((c.manufacturing as { feasibility?: unknown[] } | undefined)?.feasibility)
      ? ((c.manufacturing as { feasibility: unknown[] }).feasibility.length)
      : null,
    scheduleMonths: pick(c, 'manufacturing', 'scheduleMonths'),
    productionRatePerMonth: pick(c, 'manufacturing', 'productionRatePerMonth')
  }),
  mission_analysis: (c) => ({
    combatRadiusKm: pick(c, 'aerodynamics', 'combatRadiusKm'),
    requiredRadiusKm: pick(c, 'aerodynamics', 'requiredRadiusKm'),
    cruiseMach: pick(c, 'aerodynamics', 'cruiseMach'),
    reserveFuelKg: pick(c, 'aerodynamics', 'fuelKg', 'reserve'),
    ownDetectsOpponentKm: pick(c, 'sensors', 'ownDetectsOpponentKm'),
    opponentDetectsOwnKm: pick(c, 'sensors', 'opponentDetectsOwnKm')
  }),
  cost_analysis: (c) => ({
    unitFlyawayCostMUSD: pick(c, 'manufacturing', 'unitFlyawayCostMUSD'),
    rdteCostBUSD: pick(c, 'manufacturing', 'rdteCostBUSD'),
    programmeCostBUSD: pick(c, 'manufacturing', 'programmeCostBUSD'),
    quantity: pick(c, 'manufacturing', 'quantity'),
    costYear: pick(c, 'manufacturing', 'costYear')
  }),
  system_integration: (c) => ({
    valid: pick(c, 'design', 'valid'),
    powerMarginKW: pick(c, 'design', 'powerMarginKW'),
    coolingMarginKW: pick(c, 'design', 'coolingMarginKW'),
    massMarginKg: pick(c, 'design', 'massMarginKg'),
    sensorPowerKW: pick(c, 'sensors', 'powerDemandKW')
  })
};

/** The headline figures of an analysis, picked from the engines' contributions. */
export function summarizeAnalysis(analysisType: string, contributions: Contributions): Record<string, unknown> {
  const summarize = SUMMARIES[analysisType];
  return summarize ? tidy(summarize(contributions)) : {};
}
