import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { MaterialsOutputs, SensorsOutputs } from '../../../shared/engine-outputs';
import type { ModuleDefinition, ModuleLibrary } from '../../../shared/library/modules';
import type { AnalysisContext, ComputeContext, SimulationEngine } from '../../core/engine';
import { upstreamOutputs } from '../upstream';
import { evaluateSensors, indexSensorsLibrary, type SensorsIndex } from './evaluate-sensors';
import type { SensorsLibrary } from './library';
import { scaleRangeToRcs } from './radar-range';

/** Analysis types the sensors engine contributes to. */
export const SENSORS_ANALYSES = [
  'stealth_analysis',
  'system_integration',
  'mission_analysis',
  'complete_performance'
] as const;

/** What the sensors engine reads of its upstream engines' outputs. */
export interface SensorsUpstream {
  /** Coating absorption per zone and radar band. */
  materials: Pick<MaterialsOutputs, 'zoneAbsorptionDb'>;
}

/** What the sensors engine answers to each analysis it contributes to. */
export interface SensorsAnswers {
  stealth_analysis: Pick<
    SensorsOutputs,
    'frontalRcsM2' | 'frontalRcsDbsm' | 'frontalRcsDbsmByBand' | 'rcsComponents' | 'shaping' | 'detectedByThreatKm' | 'notes'
  >;
  system_integration: Pick<SensorsOutputs, 'sensorIds' | 'sensorMassKg' | 'powerDemandKW' | 'coolingDemandKW' | 'loadSource'>;
  mission_analysis: Pick<SensorsOutputs, 'radarId' | 'detectedByThreatKm' | 'irst'> & {
    opponentRcsM2: number;
    ownDetectsOpponentKm: number;
    opponentDetectsOwnKm: number;
    firstLookAdvantageKm: number;
  };
  complete_performance: Pick<SensorsOutputs, 'radarId' | 'detectionRangeKm' | 'frontalRcsDbsm' | 'detectedByThreatKm'>;
}

/** Without a module library the suite's loads are estimated from the transmitters. */
const NO_MODULE_LIBRARY_NOTE = 'no module library: sensor power estimated from the transmitters, mass 0';

/**
 * The sensors engine: own radar detection ranges, the aircraft's frontal RCS and how far the
 * reference threat radars see it, and the sensor suite's mass, power and cooling.
 * @example const engine = new SensorsEngine(loadSensorsLibrary(), modules);
 */
export class SensorsEngine implements SimulationEngine<AircraftConfiguration, SensorsOutputs> {
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

  /** `modules` absent: the suite's power is estimated from the transmitters and its mass reads 0. */
  constructor(library: SensorsLibrary, modules?: ModuleLibrary) {
    this.index = indexSensorsLibrary(library);
    this.moduleById = modules && new Map(modules.modules.map((module) => [module.id, module]));
  }

  /** The outputs of a configuration given its upstream outputs (the optimizer's path). */
  evaluate(configuration: AircraftConfiguration, upstream: SensorsUpstream): SensorsOutputs {
    const result = evaluateSensors(this.index, configuration, upstream.materials.zoneAbsorptionDb, this.moduleById);
    // Added onto the fresh result, not `{ ...result, notes }`: V8 makes a spread followed by
    // another field cost about half a kilobyte of garbage, on every configuration change.
    return Object.assign(result, { notes: this.moduleById ? [] : [NO_MODULE_LIBRARY_NOTE] });
  }

  compute(context: ComputeContext<AircraftConfiguration>): SensorsOutputs {
    return this.evaluate(context.configuration, { materials: upstreamOutputs(context, 'materials') });
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): SensorsAnswers[keyof SensorsAnswers] {
    const result = this.compute(context);
    switch (context.analysisType) {
      case 'stealth_analysis':
        return {
          frontalRcsM2: result.frontalRcsM2,
          frontalRcsDbsm: result.frontalRcsDbsm,
          frontalRcsDbsmByBand: result.frontalRcsDbsmByBand,
          rcsComponents: result.rcsComponents,
          shaping: result.shaping,
          detectedByThreatKm: result.detectedByThreatKm,
          notes: result.notes
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
  private missionFigures(result: SensorsOutputs, params: AnalysisContext['params']): SensorsAnswers['mission_analysis'] {
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
}
