import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineDefinition, EngineLibrary } from '../../../shared/library/engines';
import type {
  AnalysisContext,
  ComputeContext,
  EngineData,
  SimulationEngine
} from '../../core/engine';
import {
  evaluateManufacturing,
  indexManufacturingLibrary,
  type ManufacturingIndex,
  type ManufacturingResult
} from './evaluate-manufacturing';
import { gatherManufacturingInputs } from './gather-inputs';
import type { ManufacturingLibrary } from './library';

/** Analysis types the manufacturing engine contributes to. */
export const MANUFACTURING_ANALYSES = [
  'cost_analysis',
  'manufacturing_feasibility',
  'complete_performance'
] as const;

/** Optional libraries that sharpen the manufacturing engine's outputs. */
export interface ManufacturingEngineOptions {
  /** Engine library: engine production cost from thrust, Mach and turbine temperature. */
  engines?: EngineLibrary;
}

/**
 * The manufacturing engine: DAPCA IV programme cost (RDT&E and unit flyaway), learning curve,
 * schedule to first unit, production rate and process feasibility of the chosen materials.
 * @example const engine = new ManufacturingEngine(loadManufacturingLibrary(), { engines });
 */
export class ManufacturingEngine implements SimulationEngine<AircraftConfiguration> {
  readonly id = 'manufacturing';
  readonly capabilities = ['unit_cost', 'rdte_cost', 'schedule', 'process_feasibility'] as const;
  readonly dependsOn = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics'] as const;
  readonly analyses = MANUFACTURING_ANALYSES;
  private readonly index: ManufacturingIndex;
  private readonly engineById: ReadonlyMap<string, EngineDefinition>;

  constructor(library: ManufacturingLibrary, options: ManufacturingEngineOptions = {}) {
    this.index = indexManufacturingLibrary(library);
    this.engineById = new Map((options.engines?.engines ?? []).map((engine) => [
      engine.id,
      engine
    ]));
  }

  /** Cost, schedule and feasibility at `quantity` aircraft (default: the library's quantity). */
  evaluate(
    context: ComputeContext<AircraftConfiguration>,
    quantity = this.index.library.program.defaultProductionQuantity
  ): ManufacturingResult & { notes: string[] } {
    const notes: string[] = [];
    const engine = this.engineById.get(context.configuration.propulsion.engineModel);
    const inputs = gatherManufacturingInputs(context, this.index.library, engine, quantity, notes);
    return { ...evaluateManufacturing(this.index, inputs), notes };
  }

  compute(context: ComputeContext<AircraftConfiguration>): EngineData {
    return { configVersion: context.configVersion, ...this.evaluate(context) };
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): unknown {
    const requested = context.params.quantity;
    const quantity =
      typeof requested === 'number' && Number.isInteger(requested) && requested > 0
        ? requested
        : undefined;
    const result = this.evaluate(context, quantity);
    switch (context.analysisType) {
      case 'cost_analysis':
        return {
          costYear: result.costYear,
          quantity: result.quantity,
          unitFlyawayCostMUSD: result.unitFlyawayCostMUSD,
          rdteCostBUSD: result.rdteCostBUSD,
          programmeCostBUSD: result.programmeCostBUSD,
          costBreakdownMUSD: result.costBreakdownMUSD,
          hours: result.hours,
          materialFactor: result.materialFactor,
          learningCurve: result.learningCurve,
          notes: result.notes
        };
      case 'manufacturing_feasibility':
        return {
          feasible: result.feasible,
          feasibility: result.feasibility,
          materialProcesses: result.materialProcesses,
          processHoursPerUnit: result.processHoursPerUnit,
          scheduleMonths: result.scheduleMonths,
          productionRatePerMonth: result.productionRatePerMonth
        };
      default:
        return {
          unitFlyawayCostMUSD: result.unitFlyawayCostMUSD,
          rdteCostBUSD: result.rdteCostBUSD,
          scheduleMonths: result.scheduleMonths,
          feasible: result.feasible
        };
    }
  }
}
