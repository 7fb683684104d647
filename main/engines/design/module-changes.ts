import type { ModuleInstance } from '../../../shared/aircraft';

/** Modules mounted and removed between two configurations, by instance id. */
export interface ModuleChanges {
  added: ModuleInstance[];
  removed: ModuleInstance[];
}

/**
 * Compares two module lists by instance id; a module whose library id, attachment point or
 * quantity changed counts as removed and added (it is a different piece of equipment).
 * With no previous list (first computation) nothing is reported.
 */
export function moduleChanges(previous: readonly ModuleInstance[] | undefined, next: readonly ModuleInstance[]): ModuleChanges {
  if (!previous) return { added: [], removed: [] };
  const key = (m: ModuleInstance): string => `${m.instanceId}|${m.libraryId}|${m.attachmentPoint}|${m.quantity ?? 1}`;
  const before = new Set(previous.map(key));
  const after = new Set(next.map(key));
  return {
    added: next.filter((m) => !before.has(key(m))),
    removed: previous.filter((m) => !after.has(key(m)))
  };
}
