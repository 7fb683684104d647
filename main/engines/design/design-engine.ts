import { AircraftConfigurationSchema, type AircraftConfiguration, type ModuleInstance } from '../../../shared/aircraft';
import type { AnalysisContext, ComputeContext, EngineData, SimulationEngine } from '../../core/engine';
import { formatIssuePath } from '../../core/config/data-file';
import { evaluateDesign } from './evaluate';
import { moduleChanges } from './module-changes';
import type { DesignFinding } from './findings';
import type { MaterialsLibrary } from '../materials/library';
import { withMaterialsLibrary, type AircraftLibrary } from './library';

/**
 * The design engine: validates the configuration against the library and its budgets, rolls up
 * the mass breakdown (structure in the assigned materials and coatings included, by the
 * materials engine's pure models) and the centre of gravity.
 * @example registry.register(() => new DesignEngine(aircraftLibrary, materialsLibrary));
 */
export class DesignEngine implements SimulationEngine<AircraftConfiguration> {
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

  compute(context: ComputeContext<AircraftConfiguration>): EngineData {
    const parsed = AircraftConfigurationSchema.safeParse(context.configuration);
    if (!parsed.success) {
      const findings: DesignFinding[] = parsed.error.issues.map((issue) => ({
        code: 'SCHEMA_INVALID',
        severity: 'error',
        message: issue.message,
        path: formatIssuePath(issue.path)
      }));
      return { configVersion: context.configVersion, valid: false, findings };
    }
    const { valid, findings, mass } = evaluateDesign(parsed.data, this.library);
    this.reportChanges(parsed.data, findings, context);
    return {
      configVersion: context.configVersion,
      valid,
      findings,
      modules: parsed.data.modules,
      massBreakdown: mass.breakdownKg,
      emptyMassKg: mass.emptyMassKg,
      structuralMassKg: mass.breakdownKg.structure,
      structuralMassDeltaKg: mass.structuralMassDeltaKg,
      coatingMassKg: mass.breakdownKg.coatings,
      totalMassKg: mass.loadedMassKg,
      loadedMassKg: mass.loadedMassKg,
      takeoffMassKg: mass.takeoffMassKg,
      internalFuelKg: mass.internalFuelKg,
      externalFuelKg: mass.externalFuelKg,
      cgXm: mass.cgXm,
      cgFractionOfLength: mass.cgFractionOfLength,
      powerDemandKW: mass.powerDemandKW,
      powerAvailableKW: parsed.data.basePlatform.powerGenerationKW,
      coolingDemandKW: mass.coolingDemandKW,
      coolingAvailableKW: parsed.data.basePlatform.coolingCapacityKW,
      externalStoresDragAreaM2: mass.externalStoresDragAreaM2
    };
  }

  /** After a crash: the cached outputs list the mounted modules, so the next diff is right. */
  restore(cached: EngineData): void {
    if (Array.isArray(cached.modules)) this.lastModules = cached.modules as ModuleInstance[];
  }

  /** Publishes what this change did to the airframe: modules mounted or removed, rules broken. */
  private reportChanges(config: AircraftConfiguration, findings: DesignFinding[], context: ComputeContext<AircraftConfiguration>): void {
    const { added, removed } = moduleChanges(this.lastModules, config.modules);
    this.lastModules = config.modules;
    for (const module of added) {
      const definition = this.library.moduleById.get(module.libraryId);
      context.emit?.({ eventType: 'module_added', data: { ...module, name: definition?.name, category: definition?.category } });
    }
    for (const module of removed) context.emit?.({ eventType: 'module_removed', data: { ...module } });
    const errors = findings.filter((finding) => finding.severity === 'error');
    if (errors.length > 0) {
      context.emit?.({
        eventType: 'validation_failed',
        priority: 'HIGH',
        data: { configVersion: context.configVersion, findings: errors, message: errors.map((e) => `${e.path}: ${e.message}`).join('; ') }
      });
    }
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): unknown {
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
    return { valid, loadedMassKg: mass.loadedMassKg, takeoffMassKg: mass.takeoffMassKg, massBreakdown: mass.breakdownKg, cgXm: mass.cgXm };
  }
}
