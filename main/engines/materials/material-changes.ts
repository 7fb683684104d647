import type { EventPayloads } from '../../../shared/events';

/** One structural zone whose material or coating changed (the `material_updated` payload's item). */
export type ZoneChange = EventPayloads['material_updated']['changes'][number];

/**
 * What changed zone by zone (material and coating), `previous` absent on the first
 * computation (nothing is reported then: there was nothing to change from).
 */
export function zoneChanges(
  previous: { zoneMaterials: Record<string, string>; zoneCoatings: Record<string, string> } | undefined,
  next: { zoneMaterials: Record<string, string>; zoneCoatings: Record<string, string> }
): ZoneChange[] {
  if (!previous) return [];
  const changes: ZoneChange[] = [];
  // for…in, not Object.entries: the same zones in the same order, without an array per zone.
  for (const zone in next.zoneMaterials) {
    const material = next.zoneMaterials[zone] as string;
    if (previous.zoneMaterials[zone] !== material) changes.push({ zone, kind: 'material', from: previous.zoneMaterials[zone] ?? null, to: material });
  }
  for (const zone in next.zoneCoatings) {
    const coating = next.zoneCoatings[zone] as string;
    if (previous.zoneCoatings[zone] !== coating) changes.push({ zone, kind: 'coating', from: previous.zoneCoatings[zone] ?? null, to: coating });
  }
  return changes;
}
