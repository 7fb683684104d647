import { STRUCTURAL_ZONES, type AircraftConfiguration } from '../../../shared/aircraft';
import {
  FLIGHTDECK_ENGINE_IDS,
  type EngineOutputMap,
  type FlightdeckEngineId,
  type MaterialsOutputs,
  type SensorsOutputs
} from '../../../shared/engine-outputs';
import type { SimulationEngine } from '../../core/engine';
import { EngineRegistry } from '../../core/registry';
import type { AerodynamicsRanking } from '../aerodynamics/aerodynamics-engine';
import { createFlightdeckEngines } from './engine-factories';
import type { EngineLibraries } from './libraries';

/**
 * Every engine's outputs for one design as the optimizer sees them: the engines' own outputs,
 * aerodynamics' ranking subset (no supercruise or ceiling search).
 */
export type DesignFigures = Omit<EngineOutputMap, 'aerodynamics'> & { aerodynamics: AerodynamicsRanking };

/** How the evaluator runs one engine: its own evaluation, with what caching fits what it reads. */
type Stages = { [K in FlightdeckEngineId]: (configuration: AircraftConfiguration, upstream: DesignFigures) => DesignFigures[K] };

/** Entries each sub-result cache keeps (it is emptied when full). */
const CACHE_SIZE = 4096;

/**
 * The optimizer's inner loop: the six engines' own evaluations (the pure part of `compute`,
 * without the events it publishes) in the registry's dependency order, in process and without
 * the bus. Aerodynamics gives its ranking figures only; materials and sensors results are
 * remembered by exactly what they read, since a search revisits the same few combinations.
 * @example new DesignEvaluator(libraries).evaluate(config).manufacturing.unitFlyawayCostMUSD
 */
export class DesignEvaluator {
  /** The engines in dependency order, as the coordinator's registry orders them. */
  private readonly order: readonly FlightdeckEngineId[];
  private readonly stages: Stages;
  /**
   * The base design the caches hold results for (its platform and mission objects: a search
   * keeps them and varies the rest); both caches read them besides their keys.
   */
  private cachedFor: Pick<AircraftConfiguration, 'basePlatform' | 'mission'> | undefined;
  /** Materials by zone materials and coatings. */
  private readonly materialsCache = new Map<string, MaterialsOutputs>();
  /** Sensors by mounted modules and coatings (the coatings alone set the zones' absorption). */
  private readonly sensorsCache = new Map<string, SensorsOutputs>();

  constructor(libraries: EngineLibraries) {
    const engines = createFlightdeckEngines(libraries);
    const registry = new EngineRegistry<SimulationEngine<AircraftConfiguration>>();
    for (const id of FLIGHTDECK_ENGINE_IDS) registry.register(engines[id], engines[id].capabilities, engines[id].dependsOn);
    this.order = registry.topologicalOrder() as FlightdeckEngineId[];
    registry.dispose();
    const { design, materials, propulsion, sensors, aerodynamics, manufacturing } = engines;
    this.stages = {
      design: (configuration) => design.evaluate(configuration),
      materials: (configuration) =>
        remembered(this.materialsCache, `${materialsKey(configuration)}|${coatingsKey(configuration)}`, () =>
          materials.evaluate(configuration)
        ),
      propulsion: (configuration, upstream) => propulsion.evaluate(configuration, upstream),
      sensors: (configuration, upstream) =>
        remembered(this.sensorsCache, `${modulesKey(configuration)}|${coatingsKey(configuration)}`, () =>
          sensors.evaluate(configuration, upstream)
        ),
      aerodynamics: (configuration, upstream) => aerodynamics.evaluateForRanking(configuration, upstream),
      manufacturing: (configuration, upstream) => manufacturing.evaluate(configuration, upstream)
    };
  }

  /** Every engine's figures of a configuration; throws where an engine would (a model bug). */
  evaluate(configuration: AircraftConfiguration): DesignFigures {
    this.useCachesFor(configuration);
    const figures = {} as DesignFigures;
    // Each stage reads only engines earlier in the dependency order, which are filled in by then.
    for (const id of this.order) (figures as Record<FlightdeckEngineId, unknown>)[id] = this.stages[id](configuration, figures);
    return figures;
  }

  /** Empties the caches when the configuration is not of the base design they were built for. */
  private useCachesFor(configuration: AircraftConfiguration): void {
    const { basePlatform, mission } = configuration;
    if (this.cachedFor?.basePlatform === basePlatform && this.cachedFor.mission === mission) return;
    this.materialsCache.clear();
    this.sensorsCache.clear();
    this.cachedFor = { basePlatform, mission };
  }
}

function materialsKey(configuration: AircraftConfiguration): string {
  return STRUCTURAL_ZONES.map((zone) => configuration.materials[zone]).join(',');
}

function coatingsKey(configuration: AircraftConfiguration): string {
  return configuration.coatings.map((c) => `${c.coatingId}:${c.zones.join('+')}`).join(',');
}

function modulesKey(configuration: AircraftConfiguration): string {
  return configuration.modules.map((m) => `${m.libraryId}@${m.attachmentPoint}*${m.quantity ?? 1}`).join(',');
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
