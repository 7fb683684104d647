import type { CachedEntry, ConsistencyRule, RuleFinding } from '../../../shared/consistency';

const DEPENDENT_ENGINES = ['materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];
/** The mass budget's tolerance: 0.5 % of the design's total mass. */
const MASS_TOLERANCE = 0.005;

function numberAt(entry: CachedEntry, ...path: string[]): number | undefined {
  let value: unknown = entry.data;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function notCompared(field: string, missingOn: RuleFinding['missingOn']): RuleFinding {
  return { field, passed: false, compared: false, expected: null, actual: null, missingOn };
}

/** Which design budget lines each engine's own mass figures must match. */
const MASS_LINES: Record<string, { field: string; budgetLine: string }[]> = {
  materials: [
    { field: 'structuralMassKg', budgetLine: 'structure' },
    { field: 'coatingMassKg', budgetLine: 'coatings' }
  ],
  propulsion: [{ field: 'engineMassKg', budgetLine: 'engines' }],
  sensors: [{ field: 'sensorMassKg', budgetLine: 'sensor' }]
};

/**
 * The mass budget: each engine's reported mass equals the design's budget line for it,
 * within 0.5 % of the design's total — so the engine-reported masses sum to the total.
 */
function checkMassBudget(design: CachedEntry, dependent: CachedEntry): RuleFinding[] {
  const totalKg = numberAt(design, 'totalMassKg');
  return (MASS_LINES[dependent.engineId] ?? []).map((line) => {
    const budgetKg = numberAt(design, 'massBreakdown', line.budgetLine);
    const reportedKg = numberAt(dependent, line.field);
    if (totalKg === undefined || budgetKg === undefined) return notCompared(line.field, 'source');
    if (reportedKg === undefined) return notCompared(line.field, 'dependent');
    const differenceKg = reportedKg - budgetKg;
    return {
      field: line.field,
      passed: Math.abs(differenceKg) <= MASS_TOLERANCE * totalKg,
      expected: Math.round(budgetKg * 10) / 10,
      actual: Math.round(reportedKg * 10) / 10,
      message: `design budgets ${budgetKg.toFixed(0)} kg for ${line.budgetLine}, ${dependent.engineId} reports ${reportedKg.toFixed(0)} kg (${differenceKg >= 0 ? '+' : ''}${differenceKg.toFixed(0)} kg; allowed ±${(MASS_TOLERANCE * totalKg).toFixed(0)} kg)`
    };
  });
}

/** The power budget: the sensor suite and every other module fit the generated power. */
function checkPowerBudget(design: CachedEntry, sensors: CachedEntry): RuleFinding[] {
  const demandKW = numberAt(design, 'powerDemandKW');
  const availableKW = numberAt(design, 'powerAvailableKW');
  const sensorKW = numberAt(sensors, 'powerDemandKW');
  if (demandKW === undefined || availableKW === undefined) return [notCompared('powerDemandKW', 'source')];
  if (sensorKW === undefined) return [notCompared('powerDemandKW', 'dependent')];
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
function checkThermalLimit(materials: CachedEntry, aerodynamics: CachedEntry): RuleFinding[] {
  const allowedMach = numberAt(materials, 'maxAllowedMach');
  const maxMach = numberAt(aerodynamics, 'maxMach');
  if (allowedMach === undefined) return [notCompared('maxMach', 'source')];
  if (maxMach === undefined) return [notCompared('maxMach', 'dependent')];
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
function checkMaterialProcesses(materials: CachedEntry, manufacturing: CachedEntry): RuleFinding[] {
  const zoneMaterials = materials.data.zoneMaterials as Record<string, string> | undefined;
  const routes = manufacturing.data.materialProcesses as Record<string, { processId: string; required: boolean; available: boolean }[]> | undefined;
  if (!zoneMaterials) return [notCompared('materialProcesses', 'source')];
  if (!routes) return [notCompared('materialProcesses', 'dependent')];
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
      description: 'Every engine computed from the same configuration version as design'
    },
    {
      ruleId: 'mass_budget',
      sourceEngine: 'design',
      dependentEngines: Object.keys(MASS_LINES),
      dataFields: ['totalMassKg', 'massBreakdown'],
      autoUpdate: true,
      severity: 'error',
      description: 'Engine-reported masses match the design mass budget within 0.5 % of the total',
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
