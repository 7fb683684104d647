import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { MassProperties } from '../../../shared/engine-outputs';
import type { DesignFinding } from '../../../shared/findings';
import { thrustToWeight } from '../propulsion/thrust';
import type { AircraftLibrary } from './library';

/** Plausible installed T/W range at loaded mass (wet thrust). */
export const THRUST_TO_WEIGHT_RANGE = { min: 0.4, max: 1.6 } as const;

/**
 * Codes of the `warning` findings that say a design budget is broken (attachment load and power,
 * generated power, cooling, take-off mass, T/W): the optimizer counts them as constraint
 * violations.
 */
export const BUDGET_FINDING_CODES: ReadonlySet<string> = new Set([
  'ATTACHMENT_OVERLOADED',
  'ATTACHMENT_POWER_EXCEEDED',
  'POWER_BUDGET_EXCEEDED',
  'COOLING_BUDGET_EXCEEDED',
  'MTOW_EXCEEDED',
  'THRUST_TO_WEIGHT_OUT_OF_RANGE'
]);

/**
 * Checks a schema-valid configuration against the libraries and its own budgets. Severities
 * follow `shared/findings.ts`: `error` when the engines cannot compute it as written (unknown
 * library ids, duplicate ids, a module on a missing or wrong-kind attachment point); `warning`
 * when a budget is broken (attachment load and power, generated power, cooling, take-off mass,
 * T/W, mission payload, external stores on a stealth design, a ramjet's missing static thrust).
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

  const engine = library.engineById.get(config.propulsion.engineModel);
  if (!engine) add('UNKNOWN_ENGINE', 'error', `unknown engine model "${config.propulsion.engineModel}"`, 'propulsion.engineModel');
  for (const zone in config.materials) {
    const materialId = config.materials[zone as keyof typeof config.materials];
    if (!library.materials.index.materialById.has(materialId)) {
      add('UNKNOWN_MATERIAL', 'error', `unknown material "${materialId}"`, `materials.${zone}`);
    }
  }
  config.coatings.forEach((coating, index) => {
    if (!library.materials.index.coatingById.has(coating.coatingId)) {
      add('UNKNOWN_COATING', 'error', `unknown coating "${coating.coatingId}"`, `coatings[${index}].coatingId`);
    }
  });

  const instanceIds = new Set<string>();
  const loadKg = new Map<string, number>();
  const powerKW = new Map<string, number>();
  let externalStores = 0;
  config.modules.forEach((instance, index) => {
    if (instanceIds.has(instance.instanceId)) {
      add('DUPLICATE_INSTANCE_ID', 'error', `instance id ${instance.instanceId} is used twice`, `modules[${index}].instanceId`);
    }
    instanceIds.add(instance.instanceId);
    const module = library.moduleById.get(instance.libraryId);
    if (!module) {
      add('UNKNOWN_MODULE', 'error', `unknown module "${instance.libraryId}"`, `modules[${index}].libraryId`);
      return;
    }
    const point = points.get(instance.attachmentPoint);
    if (!point) {
      add('UNKNOWN_ATTACHMENT_POINT', 'error', `no attachment point ${instance.attachmentPoint}`, `modules[${index}].attachmentPoint`);
      return;
    }
    if (!module.attachmentKinds.includes(point.kind)) {
      add(
        'WRONG_ATTACHMENT_KIND',
        'error',
        `${module.name} cannot be mounted on a ${point.kind} (allowed: ${module.attachmentKinds.join(', ')})`,
        `modules[${index}].attachmentPoint`
      );
    }
    if (point.kind === 'hardpoint' && module.category === 'payload') externalStores += 1;
    const quantity = instance.quantity ?? 1;
    const fuelKg = typeof module.characteristics.fuelKg === 'number' ? module.characteristics.fuelKg : 0;
    loadKg.set(point.id, (loadKg.get(point.id) ?? 0) + (module.massKg + (module.category === 'payload' ? fuelKg : 0)) * quantity);
    powerKW.set(point.id, (powerKW.get(point.id) ?? 0) + module.powerDrawKW * quantity);
  });

  platform.attachmentPoints.forEach((point, index) => {
    const load = loadKg.get(point.id) ?? 0;
    if (load > point.maxMassKg) {
      const path = `basePlatform.attachmentPoints[${index}].maxMassKg`;
      add('ATTACHMENT_OVERLOADED', 'warning', `${point.id} carries ${load.toFixed(0)} kg, limit ${point.maxMassKg} kg`, path);
    }
    const power = powerKW.get(point.id) ?? 0;
    if (point.maxPowerKW !== undefined && power > point.maxPowerKW) {
      const path = `basePlatform.attachmentPoints[${index}].maxPowerKW`;
      add('ATTACHMENT_POWER_EXCEEDED', 'warning', `${point.id} draws ${power.toFixed(1)} kW, limit ${point.maxPowerKW} kW`, path);
    }
  });

  if (mass.powerDemandKW > platform.powerGenerationKW) {
    add('POWER_BUDGET_EXCEEDED', 'warning', `modules draw ${mass.powerDemandKW.toFixed(1)} kW, generation is ${platform.powerGenerationKW} kW`, 'basePlatform.powerGenerationKW');
  }
  if (mass.coolingDemandKW > platform.coolingCapacityKW) {
    add('COOLING_BUDGET_EXCEEDED', 'warning', `modules need ${mass.coolingDemandKW.toFixed(1)} kW of cooling, capacity is ${platform.coolingCapacityKW} kW`, 'basePlatform.coolingCapacityKW');
  }
  if (mass.takeoffMassKg > platform.maxTakeoffMassKg) {
    add('MTOW_EXCEEDED', 'warning', `take-off mass ${mass.takeoffMassKg.toFixed(0)} kg exceeds the maximum ${platform.maxTakeoffMassKg} kg`, 'basePlatform.maxTakeoffMassKg');
  }

  if (engine && engine.type !== 'ramjet') {
    const ratio = thrustToWeight(engine.wetThrustKN * config.propulsion.count, mass.loadedMassKg);
    if (ratio < THRUST_TO_WEIGHT_RANGE.min || ratio > THRUST_TO_WEIGHT_RANGE.max) {
      add('THRUST_TO_WEIGHT_OUT_OF_RANGE', 'warning', `T/W at loaded mass is ${ratio.toFixed(2)}, plausible range ${THRUST_TO_WEIGHT_RANGE.min}–${THRUST_TO_WEIGHT_RANGE.max}`, 'propulsion');
    }
  } else if (engine) {
    add('RAMJET_NEEDS_BOOST', 'warning', 'a ramjet gives no static thrust: the aircraft cannot take off on it alone', 'propulsion.engineModel');
  }

  if (config.mission.stealthRequired && externalStores > 0) {
    add('STEALTH_EXTERNAL_STORES', 'warning', `${externalStores} store(s) carried on external hardpoints of a stealth design`, 'modules');
  }
  const payloadKg = mass.massBreakdownKg.payload - mass.externalTankMassKg;
  if (payloadKg < config.mission.payloadKg) {
    add('MISSION_PAYLOAD_SHORT', 'warning', `payload carried ${payloadKg.toFixed(0)} kg is below the mission's ${config.mission.payloadKg} kg`, 'mission.payloadKg');
  }
  return findings;
}
