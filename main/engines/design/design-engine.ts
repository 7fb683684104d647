import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../shared/aircraft';
import type { AnalysisContext, ComputeContext, EngineData, SimulationEngine } from '../../core/engine';
import { formatIssuePath } from '../library/load-data-file';
import { evaluateDesign } from './evaluate';
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
    return {
      configVersion: context.configVersion,
      valid,
      findings,
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
