import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineData } from '../../core/engine';
import { evaluateDesign } from '../design/evaluate';
import type { AircraftLibrary } from '../design/library';
import { MaterialsEngine } from '../materials/materials-engine';
import { SensorsEngine } from '../sensors/sensors-engine';
import type { ZoneAbsorption } from '../sensors/evaluate-sensors';
import { ManufacturingEngine } from '../manufacturing/manufacturing-engine';
import { structuralLimitsFrom } from '../aerodynamics/aerodynamics-engine';
import { buildPerformanceModel } from '../performance/aircraft-performance';
import { combatRadius } from '../performance/combat-radius';
import { fastTopMach } from '../performance/fast-evaluation';
import { thrustToWeight } from '../propulsion/thrust';
import type { EngineLibraries } from './libraries';

/** Every engine's figures for one configuration, by engine id (the fields the optimizer reads). */
export type EngineOutputs = Record<string, EngineData>;

/** Entries each sub-result cache keeps (it is emptied when full). */
const CACHE_SIZE = 4096;
/** Max level Mach is solved at the tropopause only, where fighters reach it (±1 km). */
const TOP_MACH_ALTITUDE_M = 11_000;

/**
 * The optimizer's inner loop: the six engines' own models called in dependency order, in
 * process and without the bus, skipping what a ranking does not need (schema parsing of a
 * configuration built here, the supercruise and ceiling searches, max Mach at every altitude).
 * A design applied from the front is recomputed in full by the engines.
 */
export class DesignEvaluator {
  private readonly aircraft: AircraftLibrary;
  private readonly materials: MaterialsEngine;
  private readonly sensors: SensorsEngine;
  private readonly manufacturing: ManufacturingEngine;

  constructor(libraries: EngineLibraries) {
    this.aircraft = libraries.aircraft;
    this.materials = new MaterialsEngine(libraries.materials);
    this.sensors = new SensorsEngine(libraries.sensors, { modules: libraries.aircraft.modules, materials: libraries.materials });
    this.manufacturing = new ManufacturingEngine(libraries.manufacturing, { engines: libraries.aircraft.engines });
  }

  /**
   * Sub-results remembered for one base design (its platform and mission objects: a search
   * keeps them and varies the rest), keyed by exactly the fields that vary and that they read.
   * A search revisits the same few combinations, so most lookups hit.
   */
  private cachedFor: { basePlatform: object; mission: object } | undefined;
  /** Materials by zone materials and coatings. */
  private readonly materialsCache = new Map<string, ReturnType<MaterialsEngine['evaluate']>>();
  /** Sensors by mounted modules and coatings (the coatings fix the zones' absorption). */
  private readonly sensorsCache = new Map<string, ReturnType<SensorsEngine['evaluate']>>();

  /** Empties the caches when the configuration is not of the base design they were built for. */
  private useCachesFor(configuration: AircraftConfiguration): void {
    const { basePlatform, mission } = configuration;
    if (this.cachedFor?.basePlatform === basePlatform && this.cachedFor.mission === mission) return;
    this.materialsCache.clear();
    this.sensorsCache.clear();
    this.cachedFor = { basePlatform, mission };
  }

  private materialsOf(configuration: AircraftConfiguration, coatingsKey: string): ReturnType<MaterialsEngine['evaluate']> {
    const key = `${Object.values(configuration.materials).join(',')}|${coatingsKey}`;
    return remembered(this.materialsCache, key, () => this.materials.evaluate(configuration));
  }

  private sensorsOf(
    configuration: AircraftConfiguration,
    coatingsKey: string,
    zoneAbsorptionDb: ZoneAbsorption
  ): ReturnType<SensorsEngine['evaluate']> {
    const modules = configuration.modules.map((m) => `${m.libraryId}@${m.attachmentPoint}*${m.quantity ?? 1}`).join(',');
    return remembered(this.sensorsCache, `${modules}|${coatingsKey}`, () => this.sensors.evaluate(configuration, zoneAbsorptionDb));
  }

  /** Throws if a model cannot evaluate the configuration (e.g. an unknown library id). */
  evaluate(configuration: AircraftConfiguration): EngineOutputs {
    this.useCachesFor(configuration);
    const coatingsKey = configuration.coatings.map((c) => `${c.coatingId}:${c.zones.join('+')}`).join(',');
    const { findings, mass } = evaluateDesign(configuration, this.aircraft);
    const materials = this.materialsOf(configuration, coatingsKey);
    const model = buildPerformanceModel(configuration, this.aircraft, mass, structuralLimitsFrom({ maxAllowedMach: materials.thermal.maxMachAllowed }));
    const performanceMassKg = mass.loadedMassKg - this.aircraft.cfd.performance.fuelBurntFraction * mass.internalFuelKg;
    const maxMach = fastTopMach(model, TOP_MACH_ALTITUDE_M, performanceMassKg);
    const outputs: EngineOutputs = {
      design: { findings, emptyMassKg: mass.emptyMassKg, loadedMassKg: mass.loadedMassKg, takeoffMassKg: mass.takeoffMassKg },
      materials: { ...materials },
      propulsion: {
        engineMassKg: model.engine.dryMassKg * model.engineCount,
        thrustToWeight: thrustToWeight(model.engine.wetThrustKN * model.engineCount, mass.loadedMassKg)
      },
      aerodynamics: {
        maxMach,
        maxMachAltitudeM: TOP_MACH_ALTITUDE_M,
        combatRadiusKm: combatRadius(model, mass, this.aircraft.cfd, configuration.mission).radiusKm
      }
    };
    outputs.sensors = { ...this.sensorsOf(configuration, coatingsKey, materials.zoneAbsorptionDb) };
    outputs.manufacturing = {
      ...this.manufacturing.evaluate({ configuration, configVersion: configuration.version, upstream: outputs })
    };
    return outputs;
  }
}

/** The cached value of a key, computed and stored on a miss. */
function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}
