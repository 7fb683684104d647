import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { AnalysisContext, ComputeContext, EngineData, SimulationEngine } from '../../core/engine';
import type { AircraftLibrary } from '../design/library';
import { computeMassProperties } from '../design/mass-properties';
import { propulsionFigures } from './propulsion-figures';

/**
 * The propulsion engine: installed thrust, T/W and fuel consumption of the chosen engines.
 * Loaded mass comes from the design engine's output, or from its own roll-up when that is absent.
 */
export class PropulsionEngine implements SimulationEngine<AircraftConfiguration> {
  readonly id = 'propulsion';
  readonly capabilities = ['thrust', 'fuel_consumption', 'thrust_to_weight'] as const;
  readonly dependsOn = ['design', 'materials'] as const;
  readonly analyses = ['complete_performance', 'mission_analysis', 'thermal_analysis'] as const;

  constructor(private readonly library: AircraftLibrary) {}

  private figures(context: ComputeContext<AircraftConfiguration>): EngineData {
    const config = context.configuration;
    const engine = this.library.engineById.get(config.propulsion.engineModel);
    if (!engine) throw new Error(`unknown engine model ${config.propulsion.engineModel}`);
    const designMass = context.upstream.design?.loadedMassKg;
    const loadedMassKg =
      typeof designMass === 'number' ? designMass : computeMassProperties(config, this.library).loadedMassKg;
    return {
      configVersion: context.configVersion,
      ...propulsionFigures(config, engine, loadedMassKg),
      loadedMassKg,
      massSource: typeof designMass === 'number' ? 'design' : 'own_estimate'
    };
  }

  compute(context: ComputeContext<AircraftConfiguration>): EngineData {
    return this.figures(context);
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): unknown {
    const figures = this.figures(context);
    const engine = this.library.engineById.get(context.configuration.propulsion.engineModel);
    if (context.analysisType === 'thermal_analysis') {
      return {
        engineModel: figures.engineModel,
        maxTurbineInletTempK: engine?.maxTurbineInletTempK ?? null,
        maxCompressorInletTempK: engine?.maxCompressorInletTempK ?? this.library.cfd.thermal.defaultMaxCompressorInletTempK
      };
    }
    return figures;
  }
}
