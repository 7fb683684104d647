import type { AircraftConfiguration, ModuleInstance, StructuralZone } from '../../../../shared/aircraft';

/**
 * Pure edits of a draft configuration. Each returns a new configuration and leaves its
 * input untouched, so the store can keep the previous draft and React sees a new object.
 */

/** The module library entries the edits need (`library.get` → `modules`). */
export interface LibraryModuleInfo {
  id: string;
  category?: unknown;
  attachmentKinds?: unknown;
}

/** Swaps the engine model (the count stays). */
export function setEngineModel(config: AircraftConfiguration, engineModel: string): AircraftConfiguration {
  return { ...config, propulsion: { ...config.propulsion, engineModel } };
}

/** Sets the number of engines installed (1–4). */
export function setEngineCount(config: AircraftConfiguration, count: number): AircraftConfiguration {
  return { ...config, propulsion: { ...config.propulsion, count: Math.min(4, Math.max(1, Math.round(count))) } };
}

/** Assigns a material to one structural zone. */
export function setZoneMaterial(config: AircraftConfiguration, zone: StructuralZone, materialId: string): AircraftConfiguration {
  return { ...config, materials: { ...config.materials, [zone]: materialId } };
}

/**
 * Replaces the coating of every coated zone with `coatingId` (the zones stay). With no
 * coating yet, the new one covers every zone that has a material.
 */
export function setCoating(config: AircraftConfiguration, coatingId: string): AircraftConfiguration {
  const zones = config.coatings[0]?.zones ?? (Object.keys(config.materials) as StructuralZone[]);
  return { ...config, coatings: [{ coatingId, zones }] };
}

/** The coating the configuration applies (the first assignment), or 'none'. */
export function currentCoating(config: AircraftConfiguration): string {
  return config.coatings[0]?.coatingId ?? 'none';
}

/** Index of the mounted radar: the module on the nose whose library entry is a sensor. */
export function radarModuleIndex(config: AircraftConfiguration, library: readonly LibraryModuleInfo[]): number {
  const sensors = new Set(library.filter((m) => m.category === 'sensor').map((m) => m.id));
  const onNose = config.modules.findIndex((m) => m.instanceId === 'radar' && sensors.has(m.libraryId));
  if (onNose >= 0) return onNose;
  const noseIds = new Set(config.basePlatform.attachmentPoints.filter((p) => p.kind === 'nose').map((p) => p.id));
  return config.modules.findIndex((m) => sensors.has(m.libraryId) && noseIds.has(m.attachmentPoint));
}

/** Replaces the radar module's library id; without a radar, mounts one on the nose. */
export function setRadar(
  config: AircraftConfiguration,
  radarId: string,
  library: readonly LibraryModuleInfo[]
): AircraftConfiguration {
  const index = radarModuleIndex(config, library);
  if (index >= 0) {
    return { ...config, modules: config.modules.map((m, i) => (i === index ? { ...m, libraryId: radarId } : m)) };
  }
  const nose = config.basePlatform.attachmentPoints.find((p) => p.kind === 'nose');
  if (!nose) return config;
  return addModule(config, { libraryId: radarId, attachmentPoint: nose.id, quantity: 1 });
}

/** An instance id not used yet, derived from the library id (`ecm-internal-2`). */
export function nextInstanceId(config: AircraftConfiguration, libraryId: string): string {
  const used = new Set(config.modules.map((m) => m.instanceId));
  if (!used.has(libraryId)) return libraryId;
  let n = 2;
  while (used.has(`${libraryId}-${n}`)) n++;
  return `${libraryId}-${n}`;
}

/** Mounts a library module on an attachment point with a fresh instance id. */
export function addModule(
  config: AircraftConfiguration,
  module: { libraryId: string; attachmentPoint: string; quantity: number }
): AircraftConfiguration {
  const instance: ModuleInstance = {
    instanceId: nextInstanceId(config, module.libraryId),
    libraryId: module.libraryId,
    attachmentPoint: module.attachmentPoint
  };
  if (module.quantity > 1) instance.quantity = Math.round(module.quantity);
  return { ...config, modules: [...config.modules, instance] };
}

/** Removes a mounted module by instance id (no-op when absent). */
export function removeModule(config: AircraftConfiguration, instanceId: string): AircraftConfiguration {
  return { ...config, modules: config.modules.filter((m) => m.instanceId !== instanceId) };
}

/** Names of what a draft changes against the current configuration, for the Apply button. */
export function draftChanges(current: AircraftConfiguration, draft: AircraftConfiguration): string[] {
  const changes: string[] = [];
  if (current.propulsion.engineModel !== draft.propulsion.engineModel) changes.push(`engine → ${draft.propulsion.engineModel}`);
  if (current.propulsion.count !== draft.propulsion.count) changes.push(`engine count → ${draft.propulsion.count}`);
  for (const [zone, material] of Object.entries(draft.materials)) {
    if (current.materials[zone as StructuralZone] !== material) changes.push(`${zone} → ${material}`);
  }
  if (currentCoating(current) !== currentCoating(draft)) changes.push(`coating → ${currentCoating(draft)}`);
  const before = new Map(current.modules.map((m) => [m.instanceId, m]));
  const after = new Map(draft.modules.map((m) => [m.instanceId, m]));
  for (const [id, m] of after) {
    const old = before.get(id);
    if (!old) changes.push(`+ ${m.libraryId} on ${m.attachmentPoint}`);
    else if (old.libraryId !== m.libraryId) changes.push(`${id} → ${m.libraryId}`);
  }
  for (const [id] of before) if (!after.has(id)) changes.push(`− ${id}`);
  return changes;
}
