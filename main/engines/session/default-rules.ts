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

/** A mass figure an engine reports, with the design budget line it must match. */
interface MassLine {
  field: 'structuralMassKg' | 'coatingMassKg' | 'engineMassKg' | 'sensorMassKg';
  budgetLine: MassBreakdownLine;
}

/** The mass figures each engine reports, with the design budget line they must match. */
const MASS_LINES: { materials: readonly MassLine[]; propulsion: readonly MassLine[]; sensors: readonly MassLine[] } = {
  materials: [
    { field: 'structuralMassKg', budgetLine: 'structure' },
    { field: 'coatingMassKg', budgetLine: 'coatings' }
  ],
  propulsion: [{ field: 'engineMassKg', budgetLine: 'engines' }],
  sensors: [{ field: 'sensorMassKg', budgetLine: 'sensor' }]
};
const NO_MASS_LINES: readonly MassLine[] = [];

/** The mass figures a dependent of the mass budget reports (none for another engine). */
function massLinesOf(dependent: CachedEntry): readonly MassLine[] {
  switch (dependent.engineId) {
    case 'materials':
    case 'propulsion':
    case 'sensors':
      return MASS_LINES[dependent.engineId];
    default:
      return NO_MASS_LINES;
  }
}

/**
 * The mass budget: each engine's reported mass equals the design's budget line for it,
 * within 0.5 % of the design's loaded mass — so the engine-reported masses sum to the total.
 * A finding says why only when it fails (the message is read only then).
 */
function checkMassBudget(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const design = outputsOf(source, 'design');
  const toleranceKg = MASS_TOLERANCE * design.loadedMassKg;
  const reported = dependent.data as Readonly<Record<MassLine['field'], number>>;
  return massLinesOf(dependent).map(({ field, budgetLine }) => {
    const reportedKg = reported[field];
    const budgetKg = design.massBreakdownKg[budgetLine];
    const differenceKg = reportedKg - budgetKg;
    const passed = Math.abs(differenceKg) <= toleranceKg;
    return {
      field,
      passed,
      expected: Math.round(budgetKg * 10) / 10,
      actual: Math.round(reportedKg * 10) / 10,
      message: passed
        ? undefined
        : `design budgets ${budgetKg.toFixed(0)} kg for ${budgetLine}, ${dependent.engineId} reports ${reportedKg.toFixed(0)} kg (${differenceKg >= 0 ? '+' : ''}${differenceKg.toFixed(0)} kg; allowed ±${toleranceKg.toFixed(0)} kg)`
    };
  });
}

/** The power budget: the sensor suite and every other module fit the generated power. */
function checkPowerBudget(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const { powerDemandKW: demandKW, powerAvailableKW: availableKW } = outputsOf(source, 'design');
  const sensorKW = outputsOf(dependent, 'sensors').powerDemandKW;
  const passed = demandKW <= availableKW;
  return [
    {
      field: 'powerDemandKW',
      passed,
      expected: `≤ ${availableKW.toFixed(1)} kW`,
      // The demand is the design's own figure (sensors' share is in the message).
      actual: Math.round(demandKW * 10) / 10,
      actualFrom: 'source',
      message: passed ? undefined : `power demand ${demandKW.toFixed(1)} kW (sensors ${sensorKW.toFixed(1)} kW) against ${availableKW.toFixed(1)} kW generated`
    }
  ];
}

/** The thermal limit: the top speed aerodynamics reports is one the materials can take. */
function checkThermalLimit(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const allowedMach = outputsOf(source, 'materials').maxAllowedMach;
  const maxMach = outputsOf(dependent, 'aerodynamics').maxMach;
  const passed = maxMach <= allowedMach + 1e-3;
  return [
    {
      field: 'maxMach',
      passed,
      expected: `≤ M ${allowedMach.toFixed(2)}`,
      actual: Math.round(maxMach * 1000) / 1000,
      message: passed ? undefined : `aerodynamics reports M ${maxMach.toFixed(2)}; the structure is good for M ${allowedMach.toFixed(2)}`
    }
  ];
}

/** Every material the airframe uses has a manufacturing route, with each required process available. */
function checkMaterialProcesses(source: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const zoneMaterials = outputsOf(source, 'materials').zoneMaterials;
  const routes = outputsOf(dependent, 'manufacturing').materialProcesses;
  const findings: RuleFinding[] = [];
  const checked = new Set<string>();
  // Each material once, in the order the zones first name it.
  for (const materialId of Object.values(zoneMaterials)) {
    if (checked.has(materialId)) continue;
    checked.add(materialId);
    const route = routes[materialId];
    let missing: string[] | undefined;
    for (const step of route ?? []) if (step.required && !step.available) (missing ??= []).push(step.processId);
    findings.push({
      field: `materialProcesses.${materialId}`,
      passed: route !== undefined && missing === undefined,
      expected: 'every required process available',
      actual: route === undefined ? 'no route planned' : missing ? `missing ${missing.join(', ')}` : 'all available'
    });
  }
  return findings;
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
