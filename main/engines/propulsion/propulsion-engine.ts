import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { DesignOutputs, PropulsionOutputs } from '../../../shared/engine-outputs';
import type { AnalysisContext, ComputeContext, SimulationEngine } from '../../core/engine';
import type { AircraftLibrary } from '../design/library';
import { upstreamOutputs } from '../upstream';
import { propulsionFigures } from './propulsion-figures';

/** What the propulsion engine reads of its upstream engines' outputs. */
export interface PropulsionUpstream {
  design: Pick<DesignOutputs, 'loadedMassKg'>;
}

/** What the propulsion engine answers to each analysis it contributes to. */
export interface PropulsionAnswers {
  thermal_analysis: { engineModel: string; maxTurbineInletTempK: number | null; maxCompressorInletTempK: number };
  /** `complete_performance` and `mission_analysis`: the outputs. */
  complete_performance: PropulsionOutputs;
}

/**
 * The propulsion engine: installed thrust, T/W and fuel consumption of the chosen engines at
 * the design engine's loaded mass.
 * @example new PropulsionEngine(library).evaluate(config, { design }).thrustToWeight
 */
export class PropulsionEngine implements SimulationEngine<AircraftConfiguration, PropulsionOutputs> {
  readonly id = 'propulsion';
  readonly capabilities = ['thrust', 'fuel_consumption', 'thrust_to_weight'] as const;
  readonly dependsOn = ['design', 'materials'] as const;
  readonly analyses = ['complete_performance', 'mission_analysis', 'thermal_analysis'] as const;

  constructor(private readonly library: AircraftLibrary) {}

  /** The outputs of a configuration given its upstream outputs (the optimizer's path). */
  evaluate(configuration: AircraftConfiguration, upstream: PropulsionUpstream): PropulsionOutputs {
    const engine = this.library.engineById.get(configuration.propulsion.engineModel);
    if (!engine) throw new Error(`unknown engine model ${configuration.propulsion.engineModel}`);
    return propulsionFigures(configuration, engine, upstream.design.loadedMassKg);
  }

  compute(context: ComputeContext<AircraftConfiguration>): PropulsionOutputs {
    return this.evaluate(context.configuration, { design: upstreamOutputs(context, 'design') });
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): PropulsionAnswers[keyof PropulsionAnswers] {
    const figures = this.compute(context);
    if (context.analysisType === 'thermal_analysis') {
      const engine = this.library.engineById.get(context.configuration.propulsion.engineModel);
      return {
        engineModel: figures.engineModel,
        maxTurbineInletTempK: engine?.maxTurbineInletTempK ?? null,
        maxCompressorInletTempK: engine?.maxCompressorInletTempK ?? this.library.cfd.thermal.defaultMaxCompressorInletTempK
      };
    }
    return figures;
  }
}
