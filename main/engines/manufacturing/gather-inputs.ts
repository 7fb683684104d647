import type { AircraftConfiguration } from '../../../shared/aircraft';
import type {
  AerodynamicsOutputs,
  DesignOutputs,
  MaterialsOutputs,
  SensorsOutputs
} from '../../../shared/engine-outputs';
import type { EngineDefinition } from '../../../shared/library/engines';
import { isaAtmosphere } from '../atmosphere/isa';
import { raymerEngineCostUSD } from './dapca';
import type { ManufacturingInputs } from './evaluate-manufacturing';
import type { ManufacturingLibrary } from './library';

/** What the manufacturing engine reads of its upstream engines' outputs. */
export interface ManufacturingUpstream {
  design: Pick<DesignOutputs, 'emptyMassKg'>;
  materials: Pick<
    MaterialsOutputs,
    'categoryShares' | 'materialsUsed' | 'rawMaterialCostUSD' | 'referenceRawMaterialCostUSD'
  >;
  sensors: Pick<SensorsOutputs, 'sensorMassKg'>;
  aerodynamics: Pick<AerodynamicsOutputs, 'maxMach' | 'maxMachAltitudeM'>;
}

const MS_TO_KMH = 3.6;

/**
 * Maximum Mach of the cost relations: the top level-flight Mach, or, for a design that cannot
 * hold level flight (max Mach 0), the mission's top speed it is built for.
 */
function costMach(configuration: AircraftConfiguration, aerodynamics: ManufacturingUpstream['aerodynamics']): number {
  return aerodynamics.maxMach > 0 ? aerodynamics.maxMach : configuration.mission.speedBandMach.max;
}

/**
 * Collects the cost model's inputs from the configuration, the engine's library entry and the
 * upstream engines' outputs. Engine cost by Raymer's CER when the turbine temperature is known,
 * from the engine's dry mass otherwise.
 */
export function gatherManufacturingInputs(
  configuration: AircraftConfiguration,
  upstream: ManufacturingUpstream,
  library: ManufacturingLibrary,
  engine: EngineDefinition,
  quantity: number
): ManufacturingInputs {
  const mach = costMach(configuration, upstream.aerodynamics);
  const engineUSD =
    engine.maxTurbineInletTempK === undefined
      ? engine.dryMassKg * library.program.engineUSDPerKg
      : raymerEngineCostUSD(engine.wetThrustKN, mach, engine.maxTurbineInletTempK, library.dapca.engineUSD);
  const materials = upstream.materials;
  return {
    emptyMassKg: upstream.design.emptyMassKg,
    // V = M · a(h) at the altitude of the top speed
    maxSpeedKmh: mach * isaAtmosphere(upstream.aerodynamics.maxMachAltitudeM).speedOfSoundMs * MS_TO_KMH,
    quantity,
    categoryShares: materials.categoryShares,
    materialsUsed: materials.materialsUsed,
    enginesUSD: configuration.propulsion.count * engineUSD,
    avionicsUSD: upstream.sensors.sensorMassKg * library.program.avionicsUSDPerKg,
    materialPremiumUSD: materials.rawMaterialCostUSD - materials.referenceRawMaterialCostUSD
  };
}
