import type { AircraftConfiguration, ModuleInstance } from '../../../shared/aircraft';
import type { DesignOutputs } from '../../../shared/engine-outputs';
import type { DesignFinding } from '../../../shared/findings';
import type { AnalysisContext, ComputeContext, SimulationEngine } from '../../core/engine';
import type { MaterialsLibrary } from '../materials/library';
import { evaluateDesign } from './evaluate';
import { withMaterialsLibrary, type AircraftLibrary } from './library';
import { moduleChanges } from './module-changes';

/** What the design engine answers to each analysis it contributes to. */
export interface DesignAnswers {
  system_integration: {
    valid: boolean;
    findings: DesignFinding[];
    powerMarginKW: number;
    coolingMarginKW: number;
    massMarginKg: number;
  };
  complete_performance: Pick<DesignOutputs, 'valid' | 'loadedMassKg' | 'takeoffMassKg' | 'massBreakdownKg' | 'cgXm'>;
}

/**
 * The design engine: the configuration's findings against the library and its budgets, the
 * mass breakdown (structure in the assigned materials and coatings included, by the materials
 * engine's pure models) and the centre of gravity. The configuration arrives checked
 * (`checkConfiguration`): its findings are budget warnings and advice.
 * @example registry.register(() => new DesignEngine(aircraftLibrary, materialsLibrary));
 */
export class DesignEngine implements SimulationEngine<AircraftConfiguration, DesignOutputs> {
  readonly id = 'design';
  readonly capabilities = ['configuration_validation', 'mass_properties', 'center_of_gravity'] as const;
  readonly dependsOn = [] as const;
  readonly analyses = ['complete_performance', 'system_integration'] as const;

  private readonly library: AircraftLibrary;
  /** The modules as last computed, to report what a change mounted or removed. */
  private lastModules: readonly ModuleInstance[] | undefined;

  /** `materialsLibrary` absent: the materials library the aircraft library was loaded with. */
  constructor(aircraftLibrary: AircraftLibrary, materialsLibrary?: MaterialsLibrary) {
    this.library = materialsLibrary ? withMaterialsLibrary(aircraftLibrary, materialsLibrary) : aircraftLibrary;
  }

  /** The outputs of a configuration, without reporting what changed (the optimizer's path). */
  evaluate(configuration: AircraftConfiguration): DesignOutputs {
    const { valid, findings, mass } = evaluateDesign(configuration, this.library);
    return {
      valid,
      findings,
      modules: configuration.modules,
      ...mass,
      structuralMassKg: mass.massBreakdownKg.structure,
      coatingMassKg: mass.massBreakdownKg.coatings,
      powerAvailableKW: configuration.basePlatform.powerGenerationKW,
      coolingAvailableKW: configuration.basePlatform.coolingCapacityKW
    };
  }

  compute(context: ComputeContext<AircraftConfiguration>): DesignOutputs {
    const outputs = this.evaluate(context.configuration);
    this.reportModuleChanges(context);
    return outputs;
  }

  /** After a crash: the cached outputs list the mounted modules, so the next diff is right. */
  restore(outputs: DesignOutputs): void {
    this.lastModules = outputs.modules;
  }

  /** Publishes what this change did to the airframe: the modules mounted and removed. */
  private reportModuleChanges(context: ComputeContext<AircraftConfiguration>): void {
    const modules = context.configuration.modules;
    const { added, removed } = moduleChanges(this.lastModules, modules);
    this.lastModules = modules;
    for (const module of added) {
      const definition = this.library.moduleById.get(module.libraryId);
      context.emit?.({ eventType: 'module_added', data: { ...module, name: definition?.name, category: definition?.category } });
    }
    for (const module of removed) context.emit?.({ eventType: 'module_removed', data: { ...module } });
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): DesignAnswers[keyof DesignAnswers] {
    const { valid, findings, mass } = evaluateDesign(context.configuration, this.library);
    if (context.analysisType === 'system_integration') {
      const platform = context.configuration.basePlatform;
      return {
        valid,
        findings,
        powerMarginKW: platform.powerGenerationKW - mass.powerDemandKW,
        coolingMarginKW: platform.coolingCapacityKW - mass.coolingDemandKW,
        massMarginKg: platform.maxTakeoffMassKg - mass.takeoffMassKg
      };
    }
    return { valid, loadedMassKg: mass.loadedMassKg, takeoffMassKg: mass.takeoffMassKg, massBreakdownKg: mass.massBreakdownKg, cgXm: mass.cgXm };
  }
}
