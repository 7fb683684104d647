import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { ManufacturingOutputs } from '../../../shared/engine-outputs';
import type { EngineDefinition, EngineLibrary } from '../../../shared/library/engines';
import type { AnalysisContext, ComputeContext, SimulationEngine } from '../../core/engine';
import { upstreamOutputs } from '../upstream';
import { evaluateManufacturing, indexManufacturingLibrary, type ManufacturingIndex } from './evaluate-manufacturing';
import { gatherManufacturingInputs, type ManufacturingUpstream } from './gather-inputs';
import type { ManufacturingLibrary } from './library';

/** Analysis types the manufacturing engine contributes to. */
export const MANUFACTURING_ANALYSES = [
  'cost_analysis',
  'manufacturing_feasibility',
  'complete_performance'
] as const;

/** What the manufacturing engine answers to each analysis it contributes to. */
export interface ManufacturingAnswers {
  cost_analysis: Pick<
    ManufacturingOutputs,
    | 'costYear'
    | 'quantity'
    | 'unitFlyawayCostMUSD'
    | 'rdteCostBUSD'
    | 'programmeCostBUSD'
    | 'costBreakdownMUSD'
    | 'hours'
    | 'materialFactor'
    | 'learningCurve'
  >;
  manufacturing_feasibility: Pick<
    ManufacturingOutputs,
    'feasible' | 'feasibility' | 'materialProcesses' | 'processHoursPerUnit' | 'scheduleMonths' | 'productionRatePerMonth'
  >;
  complete_performance: Pick<ManufacturingOutputs, 'unitFlyawayCostMUSD' | 'rdteCostBUSD' | 'scheduleMonths' | 'feasible'>;
}

/**
 * The manufacturing engine: DAPCA IV programme cost (RDT&E and unit flyaway), learning curve,
 * schedule to first unit, production rate and process feasibility of the chosen materials.
 * Engines are priced from the engine library (thrust, Mach and turbine temperature).
 * @example const engine = new ManufacturingEngine(loadManufacturingLibrary(), aircraft.engines);
 */
export class ManufacturingEngine implements SimulationEngine<AircraftConfiguration, ManufacturingOutputs> {
  readonly id = 'manufacturing';
  readonly capabilities = ['unit_cost', 'rdte_cost', 'schedule', 'process_feasibility'] as const;
  readonly dependsOn = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics'] as const;
  readonly analyses = MANUFACTURING_ANALYSES;
  private readonly index: ManufacturingIndex;
  private readonly engineById: ReadonlyMap<string, EngineDefinition>;

  constructor(library: ManufacturingLibrary, engines: EngineLibrary) {
    this.index = indexManufacturingLibrary(library);
    this.engineById = new Map(engines.engines.map((engine) => [engine.id, engine]));
  }

  /**
   * Cost, schedule and feasibility of a configuration given its upstream outputs, at `quantity`
   * aircraft (default: the library's quantity). The optimizer's path.
   */
  evaluate(
    configuration: AircraftConfiguration,
    upstream: ManufacturingUpstream,
    quantity = this.index.library.program.defaultProductionQuantity
  ): ManufacturingOutputs {
    const engine = this.engineById.get(configuration.propulsion.engineModel);
    if (!engine) throw new Error(`unknown engine model ${configuration.propulsion.engineModel}`);
    const inputs = gatherManufacturingInputs(configuration, upstream, this.index.library, engine, quantity);
    return evaluateManufacturing(this.index, inputs);
  }

  compute(context: ComputeContext<AircraftConfiguration>): ManufacturingOutputs {
    return this.evaluate(context.configuration, this.upstreamOf(context));
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): ManufacturingAnswers[keyof ManufacturingAnswers] {
    const requested = context.params.quantity;
    const quantity =
      typeof requested === 'number' && Number.isInteger(requested) && requested > 0
        ? requested
        : undefined;
    const result = this.evaluate(context.configuration, this.upstreamOf(context), quantity);
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
          learningCurve: result.learningCurve
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

  private upstreamOf(context: ComputeContext<AircraftConfiguration>): ManufacturingUpstream {
    return {
      design: upstreamOutputs(context, 'design'),
      materials: upstreamOutputs(context, 'materials'),
      sensors: upstreamOutputs(context, 'sensors'),
      aerodynamics: upstreamOutputs(context, 'aerodynamics')
    };
  }
}
