import type { AircraftConfiguration } from '../../../shared/aircraft';
import type {
  AnalysisContext,
  ComputeContext,
  EngineData,
  SimulationEngine
} from '../../core/engine';
import {
  evaluateMaterials,
  materialMassFactors,
  missionThermalCondition,
  type MaterialsResult,
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

function numberParam(params: Record<string, unknown>, key: string): number | undefined {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The materials engine: structural mass per zone from the assigned materials, coating mass and
 * absorption, and the thermal margin at the design's top speed.
 * @example const engine = new MaterialsEngine(loadMaterialsLibrary());
 */
export class MaterialsEngine implements SimulationEngine<AircraftConfiguration> {
  readonly id = 'materials';
  readonly capabilities = ['structural_mass', 'thermal_margin', 'coating_absorption'] as const;
  readonly dependsOn = ['design'] as const;
  readonly analyses = MATERIALS_ANALYSES;
  private readonly index: MaterialsIndex;
  private readonly massFactors: ReadonlyMap<string, number>;
  /** The zones as last computed, to report what a change altered. */
  private last: { zoneMaterials: Record<string, string>; zoneCoatings: Record<string, string> } | undefined;

  constructor(library: MaterialsLibrary) {
    this.index = indexMaterialsLibrary(library);
    this.massFactors = materialMassFactors(this.index);
  }

  /** Evaluates a configuration without an engine context (used by the optimizer). */
  evaluate(configuration: AircraftConfiguration, condition?: ThermalCondition): MaterialsResult {
    return evaluateMaterials(this.index, this.massFactors, configuration, condition);
  }

  compute(context: ComputeContext<AircraftConfiguration>): EngineData {
    const result = this.evaluate(context.configuration);
    const changes = zoneChanges(this.last, result);
    if (changes.length > 0) {
      context.emit?.({
        eventType: 'material_updated',
        data: { changes, structuralMassKg: result.structuralMassKg, maxAllowedMach: result.thermal.maxMachAllowed }
      });
    }
    this.last = { zoneMaterials: result.zoneMaterials, zoneCoatings: result.zoneCoatings };
    // `maxAllowedMach` at top level is what the aerodynamics engine reads as a structural limit.
    return {
      configVersion: context.configVersion,
      ...result,
      maxAllowedMach: result.thermal.maxMachAllowed
    };
  }

  /** After a crash: the cached outputs tell what the zones were, so the next diff is right. */
  restore(cached: EngineData): void {
    const zoneMaterials = cached.zoneMaterials as Record<string, string> | undefined;
    const zoneCoatings = cached.zoneCoatings as Record<string, string> | undefined;
    if (zoneMaterials && zoneCoatings) this.last = { zoneMaterials, zoneCoatings };
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): unknown {
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
