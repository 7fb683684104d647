import type { ModuleInstance } from '../../../shared/aircraft';

/** Modules mounted and removed between two configurations, by instance id. */
export interface ModuleChanges {
  readonly added: readonly ModuleInstance[];
  readonly removed: readonly ModuleInstance[];
}

const NO_CHANGES: ModuleChanges = Object.freeze({ added: Object.freeze([]), removed: Object.freeze([]) });

/**
 * Compares two module lists by instance id; a module whose library id, attachment point or
 * quantity changed counts as removed and added (it is a different piece of equipment).
 * With no previous list (first computation) nothing is reported.
 */
export function moduleChanges(previous: readonly ModuleInstance[] | undefined, next: readonly ModuleInstance[]): ModuleChanges {
  // Most changes leave the modules alone: the same list, module for module, changes nothing.
  if (!previous || sameModules(previous, next)) return NO_CHANGES;
  const key = (m: ModuleInstance): string => `${m.instanceId}|${m.libraryId}|${m.attachmentPoint}|${m.quantity ?? 1}`;
  const before = new Set(previous.map(key));
  const after = new Set(next.map(key));
  return {
    added: next.filter((m) => !before.has(key(m))),
    removed: previous.filter((m) => !after.has(key(m)))
  };
}

/** Whether both lists hold the same modules (instance, library id, attachment, quantity) in the same order. */
function sameModules(previous: readonly ModuleInstance[], next: readonly ModuleInstance[]): boolean {
  if (previous === next) return true;
  if (previous.length !== next.length) return false;
  for (let i = 0; i < next.length; i += 1) {
    const a = previous[i] as ModuleInstance;
    const b = next[i] as ModuleInstance;
    if (a.instanceId !== b.instanceId || a.libraryId !== b.libraryId || a.attachmentPoint !== b.attachmentPoint) return false;
    if ((a.quantity ?? 1) !== (b.quantity ?? 1)) return false;
  }
  return true;
}
