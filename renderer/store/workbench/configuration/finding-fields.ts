import type { AircraftConfiguration } from '../../../../shared/aircraft';
import type { DesignFinding } from '../../../../shared/protocol';

/**
 * Where a validation finding belongs in the configuration editor. `finding.path` points into
 * the configuration (`propulsion.engineModel`, `materials.wings`, `modules[3].attachmentPoint`,
 * `basePlatform.attachmentPoints[1].maxMassKg`); the editor shows it next to the matching field.
 *
 * Field keys: `engine`, `engineCount`, `material:<zone>`, `coating`, `module:<instanceId>`,
 * `attachment:<pointId>`, `power`, `cooling`, `mission`, and `general` for the rest.
 */
export function fieldKeyOfFinding(path: string, config: AircraftConfiguration | null): string {
  if (path.startsWith('propulsion.count')) return 'engineCount';
  if (path.startsWith('propulsion')) return 'engine';
  const material = /^materials\.([a-z_]+)/.exec(path);
  if (material) return `material:${material[1]}`;
  if (path.startsWith('coatings')) return 'coating';
  const module = /^modules\[(\d+)\]/.exec(path);
  if (module) {
    const instance = config?.modules[Number(module[1])];
    return instance ? `module:${instance.instanceId}` : 'general';
  }
  const point = /^basePlatform\.attachmentPoints\[(\d+)\]/.exec(path);
  if (point) {
    const attachment = config?.basePlatform.attachmentPoints[Number(point[1])];
    return attachment ? `attachment:${attachment.id}` : 'general';
  }
  if (path.startsWith('basePlatform.powerGenerationKW')) return 'power';
  if (path.startsWith('basePlatform.coolingCapacityKW')) return 'cooling';
  if (path.startsWith('mission')) return 'mission';
  return 'general';
}

/** Findings grouped by the editor field they belong to. */
export function groupFindingsByField(
  findings: readonly DesignFinding[],
  config: AircraftConfiguration | null
): Record<string, DesignFinding[]> {
  const grouped: Record<string, DesignFinding[]> = {};
  for (const finding of findings) {
    const key = fieldKeyOfFinding(finding.path, config);
    (grouped[key] ??= []).push(finding);
  }
  return grouped;
}

const SEVERITY_RANK: Record<DesignFinding['severity'], number> = { error: 2, warning: 1, info: 0 };

/** The most severe of some findings, or null when there are none. */
export function worstSeverity(findings: readonly DesignFinding[] | undefined): DesignFinding['severity'] | null {
  if (!findings || findings.length === 0) return null;
  return findings.reduce((worst, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst] ? f.severity : worst), 'info' as DesignFinding['severity']);
}
