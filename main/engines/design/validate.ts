import type { AircraftConfiguration } from '../../../shared/aircraft';
import { thrustToWeight } from '../propulsion/thrust';
import type { DesignFinding } from './findings';
import type { AircraftLibrary } from './library';
import type { MassProperties } from './mass-properties';

/** Plausible installed T/W range at loaded mass (wet thrust). */
export const THRUST_TO_WEIGHT_RANGE = { min: 0.4, max: 1.6 } as const;

/**
 * Checks a configuration against the library and its own budgets: unknown library ids,
 * duplicate ids, attachment kind and capacity, power and cooling budgets, maximum take-off
 * mass, T/W range and mission payload.
 * @example const findings = validateConfiguration(config, library, computeMassProperties(config, library));
 */
export function validateConfiguration(
  config: AircraftConfiguration,
  library: AircraftLibrary,
  mass: MassProperties
): DesignFinding[] {
  const findings: DesignFinding[] = [];
  const add = (code: string, severity: DesignFinding['severity'], message: string, path: string): void => {
    findings.push({ code, severity, message, path });
  };
  const platform = config.basePlatform;
  const points = new Map<string, (typeof platform.attachmentPoints)[number]>();
  platform.attachmentPoints.forEach((point, index) => {
    if (points.has(point.id)) {
      add('DUPLICATE_ATTACHMENT_POINT', 'error', `attachment point ${point.id} is defined twice`, `basePlatform.attachmentPoints[${index}].id`);
    }
    points.set(point.id, point);
  });

  const instanceIds = new Set<string>();
  const loadKg = new Map<string, number>();
  const powerKW = new Map<string, number>();
  let externalStores = 0;
  config.modules.forEach((instance, index) => {
    const path = `modules[${index}]`;
    if (instanceIds.has(instance.instanceId)) {
      add('DUPLICATE_INSTANCE_ID', 'error', `instance id ${instance.instanceId} is used twice`, `${path}.instanceId`);
    }
    instanceIds.add(instance.instanceId);
    const module = library.moduleById.get(instance.libraryId);
    if (!module) {
      add('UNKNOWN_MODULE', 'error', `no module ${instance.libraryId} in the library`, `${path}.libraryId`);
      return;
    }
    const point = points.get(instance.attachmentPoint);
    if (!point) {
      add('UNKNOWN_ATTACHMENT_POINT', 'error', `no attachment point ${instance.attachmentPoint}`, `${path}.attachmentPoint`);
      return;
    }
    if (!module.attachmentKinds.includes(point.kind)) {
      add(
        'WRONG_ATTACHMENT_KIND',
        'error',
        `${module.name} cannot be mounted on a ${point.kind} (allowed: ${module.attachmentKinds.join(', ')})`,
        `${path}.attachmentPoint`
      );
    }
    if (point.kind === 'hardpoint' && module.category === 'payload') externalStores += 1;
    const quantity = instance.quantity ?? 1;
    const fuelKg = typeof module.characteristics.fuelKg === 'number' ? module.characteristics.fuelKg : 0;
    loadKg.set(point.id, (loadKg.get(point.id) ?? 0) + (module.massKg + (module.category === 'payload' ? fuelKg : 0)) * quantity);
    powerKW.set(point.id, (powerKW.get(point.id) ?? 0) + module.powerDrawKW * quantity);
  });

  platform.attachmentPoints.forEach((point, index) => {
    const path = `basePlatform.attachmentPoints[${index}]`;
    const load = loadKg.get(point.id) ?? 0;
    if (load > point.maxMassKg) {
      add('ATTACHMENT_OVERLOADED', 'error', `${point.id} carries ${load.toFixed(0)} kg, limit ${point.maxMassKg} kg`, `${path}.maxMassKg`);
    }
    const power = powerKW.get(point.id) ?? 0;
    if (point.maxPowerKW !== undefined && power > point.maxPowerKW) {
      add('ATTACHMENT_POWER_EXCEEDED', 'error', `${point.id} draws ${power.toFixed(1)} kW, limit ${point.maxPowerKW} kW`, `${path}.maxPowerKW`);
    }
  });

  if (mass.powerDemandKW > platform.powerGenerationKW) {
    add('POWER_BUDGET_EXCEEDED', 'error', `modules draw ${mass.powerDemandKW.toFixed(1)} kW, generation is ${platform.powerGenerationKW} kW`, 'basePlatform.powerGenerationKW');
  }
  if (mass.coolingDemandKW > platform.coolingCapacityKW) {
    add('COOLING_BUDGET_EXCEEDED', 'error', `modules need ${mass.coolingDemandKW.toFixed(1)} kW of cooling, capacity is ${platform.coolingCapacityKW} kW`, 'basePlatform.coolingCapacityKW');
  }
  if (mass.takeoffMassKg > platform.maxTakeoffMassKg) {
    add('MTOW_EXCEEDED', 'error', `take-off mass ${mass.takeoffMassKg.toFixed(0)} kg exceeds the maximum ${platform.maxTakeoffMassKg} kg`, 'basePlatform.maxTakeoffMassKg');
  }

  const engine = library.engineById.get(config.propulsion.engineModel);
  if (!engine) {
    add('UNKNOWN_ENGINE', 'error', `no engine ${config.propulsion.engineModel} in the library`, 'propulsion.engineModel');
  } else if (engine.type !== 'ramjet') {
    const ratio = thrustToWeight(engine.wetThrustKN * config.propulsion.count, mass.loadedMassKg);
    if (ratio < THRUST_TO_WEIGHT_RANGE.min || ratio > THRUST_TO_WEIGHT_RANGE.max) {
      add('THRUST_TO_WEIGHT_OUT_OF_RANGE', 'error', `T/W at loaded mass is ${ratio.toFixed(2)}, plausible range ${THRUST_TO_WEIGHT_RANGE.min}–${THRUST_TO_WEIGHT_RANGE.max}`, 'propulsion');
    }
  } else {
    add('RAMJET_NEEDS_BOOST', 'warning', 'a ramjet gives no static thrust: the aircraft cannot take off on it alone', 'propulsion.engineModel');
  }

  if (config.mission.stealthRequired && externalStores > 0) {
    add('STEALTH_EXTERNAL_STORES', 'warning', `${externalStores} store(s) carried on external hardpoints of a stealth design`, 'modules');
  }
  const payloadKg = mass.breakdownKg.payload - mass.externalTankMassKg;
  if (payloadKg < config.mission.payloadKg) {
    add('MISSION_PAYLOAD_SHORT', 'warning', `payload carried ${payloadKg.toFixed(0)} kg is below the mission's ${config.mission.payloadKg} kg`, 'mission.payloadKg');
  }
  return findings;
}
