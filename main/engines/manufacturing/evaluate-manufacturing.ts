import type {
  CostBreakdownMUSD,
  FeasibilityFinding,
  ManufacturingOutputs,
  ProcessRoute
} from '../../../shared/engine-outputs';
import type { MaterialCategory } from '../../../shared/library/materials';
import { dapcaDirectCosts, dapcaHours, escalateUSD } from './dapca';
import { materialRoutes, requiredProcessHours, type MaterialProcessNeeds } from './feasibility';
import { cumulativeAverageFactor, unitCost } from './learning-curve';
import type { ManufacturingLibrary, ProcessDefinition } from './library';
import { monthsOfWork, productionRatePerMonth } from './schedule';

/** Everything the cost model needs, gathered from the configuration and upstream engines. */
export interface ManufacturingInputs {
  emptyMassKg: number;
  maxSpeedKmh: number;
  quantity: number;
  /** Share of structural mass per material category (sums to 1). */
  categoryShares: Readonly<Record<MaterialCategory, number>>;
  materialsUsed: readonly MaterialProcessNeeds[];
  /** Per aircraft, base-year USD. */
  enginesUSD: number;
  /** Per aircraft, base-year USD. */
  avionicsUSD: number;
  /** Per aircraft, report-year USD: raw material cost above the reference airframe's. */
  materialPremiumUSD: number;
}

/** Library pre-indexed for repeated evaluation. */
export interface ManufacturingIndex {
  library: ManufacturingLibrary;
  processById: ReadonlyMap<string, ProcessDefinition>;
}

/** Indexes the process list by id. */
export function indexManufacturingLibrary(library: ManufacturingLibrary): ManufacturingIndex {
  return {
    library,
    processById: new Map(library.processes.map((process) => [process.id, process]))
  };
}

/**
 * Structural-material multiplier on DAPCA hours: Σ share_c · factor_c.
 * @example
 * const shares = { aluminium: 0.5, composite: 0.5, titanium: 0, steel: 0 };
 * weightedMaterialFactor(shares, library.materialFactors) // 1.25
 */
export function weightedMaterialFactor(
  shares: Readonly<Record<MaterialCategory, number>>,
  factors: Readonly<Record<MaterialCategory, number>>
): number {
  // f = Σ_c w_c · f_c
  return (
    shares.aluminium * factors.aluminium +
    shares.composite * factors.composite +
    shares.titanium * factors.titanium +
    shares.steel * factors.steel
  );
}

const MILLION = 1e6;

/**
 * DAPCA IV programme cost split into RDT&E and recurring flyaway, learning curve, schedule and
 * process feasibility: the manufacturing engine's outputs. Money is reported in the library's
 * report-year USD.
 */
export function evaluateManufacturing(
  index: ManufacturingIndex,
  inputs: ManufacturingInputs
): ManufacturingOutputs {
  const { library } = index;
  const { costBasis, labourRatesUSDPerHour: rates, schedule } = library;
  const materialFactor = weightedMaterialFactor(inputs.categoryShares, library.materialFactors);
  const dapcaInputs = {
    emptyMassKg: inputs.emptyMassKg,
    maxSpeedKmh: inputs.maxSpeedKmh,
    quantity: inputs.quantity,
    flightTestAircraft: library.program.flightTestAircraft,
    materialFactor
  };
  const hours = dapcaHours(dapcaInputs, library.dapca);
  const direct = dapcaDirectCosts(dapcaInputs, library.dapca);
  const toMillions = (baseUSD: number): number => escalateUSD(
    baseUSD,
    costBasis.baseCpi,
    costBasis.reportCpi
  ) / MILLION;
  const q = inputs.quantity;
  const breakdown: CostBreakdownMUSD = {
    engineering: toMillions(hours.engineering * rates.engineering),
    tooling: toMillions(hours.tooling * rates.tooling),
    developmentSupport: toMillions(direct.developmentSupportUSD),
    flightTest: toMillions(direct.flightTestUSD),
    manufacturingLabour: toMillions(hours.manufacturing * rates.manufacturing),
    qualityControl: toMillions(hours.qualityControl * rates.qualityControl),
    manufacturingMaterials: toMillions(direct.manufacturingMaterialsUSD),
    engines: toMillions(inputs.enginesUSD * q),
    avionics: toMillions(inputs.avionicsUSD * q),
    materialPremium: (inputs.materialPremiumUSD * q) / MILLION
  };
  // Non-recurring (RDT&E): engineering, tooling, development support, flight test.
  const rdteMUSD =
    breakdown.engineering + breakdown.tooling + breakdown.developmentSupport + breakdown.flightTest;
  // Recurring: production labour, QC, materials, engines, avionics, material premium.
  const recurringMUSD =
    breakdown.manufacturingLabour +
    breakdown.qualityControl +
    breakdown.manufacturingMaterials +
    breakdown.engines +
    breakdown.avionics +
    breakdown.materialPremium;
  const unitFlyawayCostMUSD = recurringMUSD / q;
  const slope = library.learningCurve.slope;
  const firstUnitMUSD = unitFlyawayCostMUSD / cumulativeAverageFactor(q, slope);

  const averageManufacturingHours = hours.manufacturing / q;
  const firstUnitHours = averageManufacturingHours / cumulativeAverageFactor(q, slope);
  const designMonths = monthsOfWork(
    hours.engineering * schedule.designShareOfEngineeringHours,
    schedule.engineeringStaff,
    schedule.hoursPerStaffMonth
  );
  const toolingMonths = monthsOfWork(
    hours.tooling * schedule.toolingShareBeforeFirstUnit,
    schedule.toolingStaff,
    schedule.hoursPerStaffMonth
  );
  const firstUnitMonths = monthsOfWork(
    firstUnitHours,
    schedule.firstUnitCrew,
    schedule.hoursPerStaffMonth
  );

  const feasibility: FeasibilityFinding[] = [];
  const materialProcesses: Record<string, ProcessRoute[]> = {};
  let processHoursPerUnit = 0;
  for (const material of inputs.materialsUsed) {
    const routes = materialRoutes(material, index.processById, feasibility);
    materialProcesses[material.id] = routes;
    processHoursPerUnit += requiredProcessHours(routes, material.massKg);
  }

  return {
    costYear: costBasis.reportYear,
    quantity: q,
    maxSpeedKmh: inputs.maxSpeedKmh,
    materialFactor,
    hours,
    costBreakdownMUSD: breakdown,
    rdteCostBUSD: rdteMUSD / 1000,
    unitFlyawayCostMUSD,
    programmeCostBUSD: (rdteMUSD + recurringMUSD) / 1000,
    learningCurve: {
      slope,
      firstUnitMUSD,
      unit100MUSD: unitCost(firstUnitMUSD, Math.min(100, q), slope),
      lastUnitMUSD: unitCost(firstUnitMUSD, q, slope)
    },
    scheduleMonths:
      designMonths + toolingMonths * (1 - schedule.toolingOverlapWithDesign) + firstUnitMonths,
    productionRatePerMonth: productionRatePerMonth(
      schedule.productionStaff,
      schedule.hoursPerStaffMonth,
      averageManufacturingHours
    ),
    feasible: !feasibility.some((finding) => finding.severity === 'error'),
    feasibility,
    materialProcesses,
    processHoursPerUnit
  };
}
