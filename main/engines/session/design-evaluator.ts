import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineData } from '../../core/engine';
import { evaluateDesign } from '../design/evaluate';
import type { AircraftLibrary } from '../design/library';
import { MaterialsEngine } from '../materials/materials-engine';
import { SensorsEngine } from '../sensors/sensors-engine';
import { ManufacturingEngine } from '../manufacturing/manufacturing-engine';
import { structuralLimitsFrom } from '../aerodynamics/aerodynamics-engine';
import { buildPerformanceModel } from '../performance/aircraft-performance';
import { combatRadius } from '../performance/combat-radius';
import { fastTopMach } from '../performance/fast-evaluation';
import { thrustToWeight } from '../propulsion/thrust';
import type { EngineLibraries } from './libraries';

/** Every engine's figures for one configuration, by engine id (the fields the optimizer reads). */
export type EngineOutputs = Record<string, EngineData>;

/** Materials results remembered by zone assignment (cleared when full). */
const MATERIALS_CACHE_SIZE = 4096;
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
   * The materials result depends only on the zones' materials and coatings (the platform and
   * mission stay fixed during a search), and a search revisits the same few combinations.
   */
  private readonly materialsCache = new Map<string, ReturnType<MaterialsEngine['evaluate']>>();

  private materialsOf(configuration: AircraftConfiguration): ReturnType<MaterialsEngine['evaluate']> {
    const key = `${configuration.id}|${Object.values(configuration.materials).join(',')}|${configuration.coatings.map((c) => `${c.coatingId}:${c.zones.join('+')}`).join(',')}`;
    let result = this.materialsCache.get(key);
    if (!result) {
      if (this.materialsCache.size >= MATERIALS_CACHE_SIZE) this.materialsCache.clear();
      result = this.materials.evaluate(configuration);
      this.materialsCache.set(key, result);
    }
    return result;
  }

  /** Throws if a model cannot evaluate the configuration (e.g. an unknown library id). */
  evaluate(configuration: AircraftConfiguration): EngineOutputs {
    const { findings, mass } = evaluateDesign(configuration, this.aircraft);
    const materials = this.materialsOf(configuration);
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
    outputs.sensors = { ...this.sensors.evaluate(configuration, materials.zoneAbsorptionDb) };
    outputs.manufacturing = {
      ...this.manufacturing.evaluate({ configuration, configVersion: configuration.version, upstream: outputs })
    };
    return outputs;
  }
}
