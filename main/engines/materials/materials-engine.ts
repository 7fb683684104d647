import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { MaterialsOutputs, ThermalState } from '../../../shared/engine-outputs';
import type { AnalysisContext, ComputeContext, SimulationEngine } from '../../core/engine';
import {
  evaluateMaterials,
  materialMassFactors,
  missionThermalCondition,
  type ThermalCondition
} from './evaluate-materials';
import { indexMaterialsLibrary, type MaterialsIndex, type MaterialsLibrary } from './library';
import { zoneChanges } from './material-changes';

/** Analysis types the materials engine contributes to. */
export const MATERIALS_ANALYSES = [
  'thermal_analysis',
  'stealth_analysis',
  'manufacturing_feasibility',
  'complete_performance'
] as const;

/** What the materials engine answers to each analysis it contributes to. */
export interface MaterialsAnswers {
  thermal_analysis: ThermalState;
  stealth_analysis: Pick<
    MaterialsOutputs,
    'coatingMassKg' | 'coatedWettedShare' | 'zoneCoatings' | 'zoneAbsorptionDb' | 'coatingMaintenanceHoursPerFlightHour'
  >;
  manufacturing_feasibility: Pick<MaterialsOutputs, 'materialsUsed' | 'processesRequired'>;
  complete_performance: Pick<MaterialsOutputs, 'structuralMassKg' | 'structuralMassDeltaKg' | 'coatingMassKg'> & {
    maxMachAllowed: number;
    limitingZone: ThermalState['limitingZone'];
    thermalMarginK: number;
  };
}

function numberParam(params: AnalysisContext['params'], key: string): number | undefined {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The materials engine: structural mass per zone from the assigned materials, coating mass and
 * absorption, and the thermal margin at the design's top speed.
 * @example const engine = new MaterialsEngine(loadMaterialsLibrary());
 */
export class MaterialsEngine implements SimulationEngine<AircraftConfiguration, MaterialsOutputs> {
  readonly id = 'materials';
  readonly capabilities = ['structural_mass', 'thermal_margin', 'coating_absorption'] as const;
  readonly dependsOn = ['design'] as const;
  readonly analyses = MATERIALS_ANALYSES;
  private readonly index: MaterialsIndex;
  private readonly massFactors: ReadonlyMap<string, number>;
  /** The zones as last computed, to report what a change altered. */
  private last: Pick<MaterialsOutputs, 'zoneMaterials' | 'zoneCoatings'> | undefined;

  constructor(library: MaterialsLibrary) {
    this.index = indexMaterialsLibrary(library);
    this.massFactors = materialMassFactors(this.index);
  }

  /**
   * The outputs of a configuration, its thermal margin at `condition` (default: the mission's
   * top speed), without reporting what changed (the optimizer's and the simulator's path).
   */
  evaluate(configuration: AircraftConfiguration, condition?: ThermalCondition): MaterialsOutputs {
    return evaluateMaterials(this.index, this.massFactors, configuration, condition);
  }

  compute(context: ComputeContext<AircraftConfiguration>): MaterialsOutputs {
    const outputs = this.evaluate(context.configuration);
    const changes = zoneChanges(this.last, outputs);
    if (changes.length > 0) {
      context.emit?.({
        eventType: 'material_updated',
        data: { changes, structuralMassKg: outputs.structuralMassKg, maxAllowedMach: outputs.maxAllowedMach }
      });
    }
    this.last = { zoneMaterials: outputs.zoneMaterials, zoneCoatings: outputs.zoneCoatings };
    return outputs;
  }

  /** After a crash: the cached outputs tell what the zones were, so the next diff is right. */
  restore(outputs: MaterialsOutputs): void {
    this.last = { zoneMaterials: outputs.zoneMaterials, zoneCoatings: outputs.zoneCoatings };
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): MaterialsAnswers[keyof MaterialsAnswers] {
    const configuration = context.configuration;
    const mission = missionThermalCondition(configuration);
    const condition: ThermalCondition = {
      mach: numberParam(context.params, 'mach') ?? mission.mach,
      altitudeM: numberParam(context.params, 'altitudeM') ?? mission.altitudeM
    };
    const result = this.evaluate(configuration, condition);
    switch (context.analysisType) {
      case 'thermal_analysis':
        return result.thermal;
      case 'stealth_analysis':
        return {
          coatingMassKg: result.coatingMassKg,
          coatedWettedShare: result.coatedWettedShare,
          zoneCoatings: result.zoneCoatings,
          zoneAbsorptionDb: result.zoneAbsorptionDb,
          coatingMaintenanceHoursPerFlightHour: result.coatingMaintenanceHoursPerFlightHour
        };
      case 'manufacturing_feasibility':
        return { materialsUsed: result.materialsUsed, processesRequired: result.processesRequired };
      default:
        return {
          structuralMassKg: result.structuralMassKg,
          structuralMassDeltaKg: result.structuralMassDeltaKg,
          coatingMassKg: result.coatingMassKg,
          maxMachAllowed: result.thermal.maxMachAllowed,
          limitingZone: result.thermal.limitingZone,
          thermalMarginK: result.thermal.marginK
        };
    }
  }
}
