import {
  STRUCTURAL_ZONES,
  type AircraftConfiguration,
  type StructuralZone
} from '../../../shared/aircraft';
import type { ModuleDefinition, ModuleLibrary } from '../../../shared/library/modules';
import type {
  AnalysisContext,
  ComputeContext,
  EngineData,
  SimulationEngine
} from '../../core/engine';
import { zoneAbsorptionFromCoatings, type ZoneBandAbsorptionDb } from '../materials/coatings';
import type { CoatingDefinition, MaterialsLibrary } from '../materials/library';
import { numberField, upstreamRecord } from '../materials/upstream-values';
import {
  evaluateSensors,
  indexSensorsLibrary,
  type SensorsIndex,
  type SensorsResult,
  type ZoneAbsorption
} from './evaluate-sensors';
import type { SensorsLibrary } from './library';
import { scaleRangeToRcs } from './radar-range';

/** Analysis types the sensors engine contributes to. */
export const SENSORS_ANALYSES = [
  'stealth_analysis',
  'system_integration',
  'mission_analysis',
  'complete_performance'
] as const;

/** Optional libraries that sharpen the sensors engine's outputs. */
export interface SensorsEngineOptions {
  /** Module library: the installed sensors' mass, power draw and cooling. */
  modules?: ModuleLibrary;
  /** Materials library: coating absorption when the materials engine's output is absent. */
  materials?: MaterialsLibrary;
}

/** Reads `materials.zoneAbsorptionDb` from upstream when every zone has S, X and Ku numbers. */
export function readZoneAbsorption(
  value: Readonly<Record<string, unknown>> | undefined
): ZoneAbsorption | undefined {
  if (!value) return undefined;
  const record = {} as Record<StructuralZone, ZoneBandAbsorptionDb>;
  for (const zone of STRUCTURAL_ZONES) {
    const bands = value[zone];
    const S = numberField(bands, 'S');
    const X = numberField(bands, 'X');
    const Ku = numberField(bands, 'Ku');
    if (S === undefined || X === undefined || Ku === undefined) return undefined;
    record[zone] = { S, X, Ku };
  }
  return record;
}

const BARE: ZoneAbsorption = zoneAbsorptionFromCoatings([], new Map());

/**
 * The sensors engine: own radar detection ranges, the aircraft's frontal RCS and how far the
 * reference threat radars see it, and the sensor suite's mass, power and cooling.
 * @example const engine = new SensorsEngine(loadSensorsLibrary(), { modules, materials });
 */
export class SensorsEngine implements SimulationEngine<AircraftConfiguration> {
  readonly id = 'sensors';
  readonly capabilities = [
    'radar_detection',
    'frontal_rcs',
    'threat_detection',
    'sensor_loads'
  ] as const;
  readonly dependsOn = ['design', 'materials'] as const;
  readonly analyses = SENSORS_ANALYSES;
  private readonly index: SensorsIndex;
  private readonly moduleById: ReadonlyMap<string, ModuleDefinition> | undefined;
  private readonly coatingById: ReadonlyMap<string, CoatingDefinition> | undefined;

  constructor(library: SensorsLibrary, options: SensorsEngineOptions = {}) {
    this.index = indexSensorsLibrary(library);
    this.moduleById = options.modules && new Map(options.modules.modules.map((module) => [
      module.id,
      module
    ]));
    this.coatingById = options.materials && new Map(options.materials.coatings.map((coating) => [
      coating.id,
      coating
    ]));
  }

  /** Evaluates a configuration given the zones' coating absorption (used by the optimizer). */
  evaluate(configuration: AircraftConfiguration, zoneAbsorptionDb: ZoneAbsorption): SensorsResult {
    return evaluateSensors(this.index, configuration, zoneAbsorptionDb, this.moduleById);
  }

  compute(context: ComputeContext<AircraftConfiguration>): EngineData {
    const notes: string[] = [];
    const absorption = this.absorption(context, notes);
    if (!this.moduleById) {
      notes.push('no module library: sensor power estimated from the transmitters, mass 0');
    }
    return {
      configVersion: context.configVersion,
      ...this.evaluate(context.configuration, absorption),
      notes
    };
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): unknown {
    const notes: string[] = [];
    const result = this.evaluate(context.configuration, this.absorption(context, notes));
    switch (context.analysisType) {
      case 'stealth_analysis':
        return {
          frontalRcsM2: result.frontalRcsM2,
          frontalRcsDbsm: result.frontalRcsDbsm,
          frontalRcsDbsmByBand: result.frontalRcsDbsmByBand,
          rcsComponents: result.rcsComponents,
          shaping: result.shaping,
          detectedByThreatKm: result.detectedByThreatKm,
          notes
        };
      case 'system_integration':
        return {
          sensorIds: result.sensorIds,
          sensorMassKg: result.sensorMassKg,
          powerDemandKW: result.powerDemandKW,
          coolingDemandKW: result.coolingDemandKW,
          loadSource: result.loadSource
        };
      case 'mission_analysis':
        return this.missionFigures(result, context.params);
      default:
        return {
          radarId: result.radarId,
          detectionRangeKm: result.detectionRangeKm,
          frontalRcsDbsm: result.frontalRcsDbsm,
          detectedByThreatKm: result.detectedByThreatKm
        };
    }
  }

  /** First-look figures against an opposing fighter of `params.opponentRcsM2` (default 5 m²). */
  private missionFigures(result: SensorsResult, params: Record<string, unknown>): unknown {
    const requested = params.opponentRcsM2;
    const opponentRcsM2 = typeof requested === 'number' && requested > 0 ? requested : 5;
    const ownDetectsOpponentKm = scaleRangeToRcs(result.detectionRangeKm.rcs1m2, 1, opponentRcsM2);
    const opponentDetectsOwnKm = result.detectedByThreatKm['fighter-x-band'] ?? 0;
    return {
      radarId: result.radarId,
      opponentRcsM2,
      ownDetectsOpponentKm,
      opponentDetectsOwnKm,
      firstLookAdvantageKm: ownDetectsOpponentKm - opponentDetectsOwnKm,
      detectedByThreatKm: result.detectedByThreatKm,
      irst: result.irst
    };
  }

  private absorption(
    context: ComputeContext<AircraftConfiguration>,
    notes: string[]
  ): ZoneAbsorption {
    const published = upstreamRecord(context.upstream, 'materials', 'zoneAbsorptionDb');
    const upstream = readZoneAbsorption(published);
    if (upstream) return upstream;
    if (this.coatingById) {
      notes.push('materials output absent: coating absorption taken from the configuration');
      return zoneAbsorptionFromCoatings(context.configuration.coatings, this.coatingById);
    }
    notes.push('materials output absent: airframe assumed bare (no coating absorption)');
    return BARE;
  }
}
