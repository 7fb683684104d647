import type { CachedEntry, ConsistencyRule, RuleFinding } from '../../../shared/consistency';
import type { EngineOutputMap, FlightdeckEngineId, MassBreakdownLine } from '../../../shared/engine-outputs';

const DEPENDENT_ENGINES = ['materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];
/** The mass budget's tolerance: 0.5 % of the design's loaded mass. */
const MASS_TOLERANCE = 0.005;

/** A cached entry's data as the outputs of its engine (the cache holds what `compute` returned). */
function outputsOf<K extends FlightdeckEngineId>(entry: CachedEntry, _engineId: K): EngineOutputMap[K] {
  return entry.data as unknown as EngineOutputMap[K];
}

/** Both engines computed the same configuration version. */
function checkConfigVersion(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const expected = source.configVersion;
  const actual = dependent.configVersion;
  if (expected === undefined || actual === undefined) {
    const missingOn = expected === undefined ? (actual === undefined ? 'both' : 'source') : 'dependent';
    return [{ field: 'configVersion', passed: false, compared: false, expected: null, actual: null, missingOn }];
  }
  return [{ field: 'configVersion', passed: expected === actual, expected, actual }];
}

/** The mass figures each engine reports, with the design budget line they must match. */
const MASS_LINES: {
  materials: { field: 'structuralMassKg' | 'coatingMassKg'; budgetLine: MassBreakdownLine }[];
  propulsion: { field: 'engineMassKg'; budgetLine: MassBreakdownLine }[];
  sensors: { field: 'sensorMassKg'; budgetLine: MassBreakdownLine }[];
} = {
  materials: [
    { field: 'structuralMassKg', budgetLine: 'structure' },
    { field: 'coatingMassKg', budgetLine: 'coatings' }
  ],
  propulsion: [{ field: 'engineMassKg', budgetLine: 'engines' }],
  sensors: [{ field: 'sensorMassKg', budgetLine: 'sensor' }]
};

/** The reported mass figures of a dependent of the mass budget, with their budget lines. */
function reportedMasses(dependent: CachedEntry): { field: string; budgetLine: MassBreakdownLine; reportedKg: number }[] {
  switch (dependent.engineId) {
    case 'materials': {
      const outputs = outputsOf(dependent, 'materials');
      return MASS_LINES.materials.map((line) => ({ ...line, reportedKg: outputs[line.field] }));
    }
    case 'propulsion': {
      const outputs = outputsOf(dependent, 'propulsion');
      return MASS_LINES.propulsion.map((line) => ({ ...line, reportedKg: outputs[line.field] }));
    }
    case 'sensors': {
      const outputs = outputsOf(dependent, 'sensors');
      return MASS_LINES.sensors.map((line) => ({ ...line, reportedKg: outputs[line.field] }));
    }
    default:
      return [];
  }
}

/**
 * The mass budget: each engine's reported mass equals the design's budget line for it,
 * within 0.5 % of the design's loaded mass — so the engine-reported masses sum to the total.
 */
function checkMassBudget(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const design = outputsOf(source, 'design');
  const toleranceKg = MASS_TOLERANCE * design.loadedMassKg;
  return reportedMasses(dependent).map(({ field, budgetLine, reportedKg }) => {
    const budgetKg = design.massBreakdownKg[budgetLine];
    const differenceKg = reportedKg - budgetKg;
    return {
      field,
      passed: Math.abs(differenceKg) <= toleranceKg,
      expected: Math.round(budgetKg * 10) / 10,
      actual: Math.round(reportedKg * 10) / 10,
      message: `design budgets ${budgetKg.toFixed(0)} kg for ${budgetLine}, ${dependent.engineId} reports ${reportedKg.toFixed(0)} kg (${differenceKg >= 0 ? '+' : ''}${differenceKg.toFixed(0)} kg; allowed ±${toleranceKg.toFixed(0)} kg)`
    };
  });
}

/** The power budget: the sensor suite and every other module fit the generated power. */
function checkPowerBudget(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const { powerDemandKW: demandKW, powerAvailableKW: availableKW } = outputsOf(source, 'design');
  const sensorKW = outputsOf(dependent, 'sensors').powerDemandKW;
  return [
    {
      field: 'powerDemandKW',
      passed: demandKW <= availableKW,
      expected: `≤ ${availableKW.toFixed(1)} kW`,
      actual: Math.round(demandKW * 10) / 10,
      message: `power demand ${demandKW.toFixed(1)} kW (sensors ${sensorKW.toFixed(1)} kW) against ${availableKW.toFixed(1)} kW generated`
    }
  ];
}

/** The thermal limit: the top speed aerodynamics reports is one the materials can take. */
function checkThermalLimit(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const allowedMach = outputsOf(source, 'materials').maxAllowedMach;
  const maxMach = outputsOf(dependent, 'aerodynamics').maxMach;
  return [
    {
      field: 'maxMach',
      passed: maxMach <= allowedMach + 1e-3,
      expected: `≤ M ${allowedMach.toFixed(2)}`,
      actual: Math.round(maxMach * 1000) / 1000,
      message: `aerodynamics reports M ${maxMach.toFixed(2)}; the structure is good for M ${allowedMach.toFixed(2)}`
    }
  ];
}

/** Every material the airframe uses has a manufacturing route, with each required process available. */
function checkMaterialProcesses(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const zoneMaterials = outputsOf(source, 'materials').zoneMaterials;
  const routes = outputsOf(dependent, 'manufacturing').materialProcesses;
  return [...new Set(Object.values(zoneMaterials))].map((materialId) => {
    const route = routes[materialId];
    const missing = route?.filter((step) => step.required && !step.available).map((step) => step.processId);
    return {
      field: `materialProcesses.${materialId}`,
      passed: route !== undefined && missing?.length === 0,
      expected: 'every required process available',
      actual: route === undefined ? 'no route planned' : missing?.length ? `missing ${missing.join(', ')}` : 'all available'
    };
  });
}

/**
 * The default rules between the six engines. Each names what it checks, so a violation
 * explains itself; autoUpdate rules also carry invalidations downstream.
 */
export function defaultRules(): ConsistencyRule[] {
  return [
    {
      ruleId: 'config_version',
      sourceEngine: 'design',
      dependentEngines: DEPENDENT_ENGINES,
      dataFields: ['configVersion'],
      autoUpdate: false,
      severity: 'error',
      description: 'Every engine computed from the same configuration version as design',
      validate: checkConfigVersion
    },
    {
      ruleId: 'mass_budget',
      sourceEngine: 'design',
      dependentEngines: Object.keys(MASS_LINES),
      dataFields: ['loadedMassKg', 'massBreakdownKg'],
      autoUpdate: true,
      severity: 'error',
      description: 'Engine-reported masses match the design mass budget within 0.5 % of the loaded mass',
      validate: checkMassBudget
    },
    {
      ruleId: 'power_budget',
      sourceEngine: 'design',
      dependentEngines: ['sensors'],
      dataFields: ['powerDemandKW', 'powerAvailableKW'],
      autoUpdate: false,
      severity: 'error',
      description: 'Module power demand, sensors included, fits the generated power',
      validate: checkPowerBudget
    },
    {
      ruleId: 'thermal_limit',
      sourceEngine: 'materials',
      dependentEngines: ['aerodynamics'],
      dataFields: ['maxAllowedMach', 'thermal'],
      autoUpdate: true,
      severity: 'critical',
      description: "Top speed stays within the structure's thermal limit",
      validate: checkThermalLimit
    },
    {
      ruleId: 'engine_spec',
      sourceEngine: 'propulsion',
      dependentEngines: ['aerodynamics'],
      dataFields: ['engineModel', 'thrustToWeight'],
      tolerance: { relative: 0.001 },
      autoUpdate: true,
      severity: 'error',
      description: 'Aerodynamics uses the engine model and thrust that propulsion reports'
    },
    {
      ruleId: 'material_processes',
      sourceEngine: 'materials',
      dependentEngines: ['manufacturing'],
      dataFields: ['zoneMaterials'],
      autoUpdate: true,
      severity: 'warning',
      description: 'Every structural material has a manufacturing route with its required processes',
      validate: checkMaterialProcesses
    }
  ];
}
