import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../shared/aircraft';
import type { DesignFinding } from '../../../shared/protocol';
import { formatIssuePath } from '../../core/config/data-file';
import { evaluateDesign } from '../design/evaluate';
import type { EngineLibraries } from './libraries';

/** Library ids a configuration refers to that no library defines (the engines cannot compute these). */
function unknownLibraryIds(config: AircraftConfiguration, libraries: EngineLibraries): DesignFinding[] {
  const findings: DesignFinding[] = [];
  const materialIds = new Set(libraries.materials.materials.map((m) => m.id));
  const coatingIds = new Set(libraries.materials.coatings.map((c) => c.id));
  const unknown = (path: string, kind: string, id: string): void => {
    findings.push({ code: 'UNKNOWN_LIBRARY_ID', severity: 'error', path, message: `unknown ${kind} "${id}"` });
  };
  if (!libraries.aircraft.engineById.has(config.propulsion.engineModel)) {
    unknown('propulsion.engineModel', 'engine model', config.propulsion.engineModel);
  }
  for (const [zone, materialId] of Object.entries(config.materials)) {
    if (!materialIds.has(materialId)) unknown(`materials.${zone}`, 'material', materialId);
  }
  config.coatings.forEach((coating, index) => {
    if (!coatingIds.has(coating.coatingId)) unknown(`coatings[${index}].coatingId`, 'coating', coating.coatingId);
  });
  config.modules.forEach((module, index) => {
    if (!libraries.aircraft.moduleById.has(module.libraryId)) unknown(`modules[${index}].libraryId`, 'module', module.libraryId);
  });
  return findings;
}

export type ParsedConfiguration =
  | { ok: true; configuration: AircraftConfiguration; findings: DesignFinding[] }
  | { ok: false; findings: DesignFinding[] };

/**
 * Checks a configuration the way the engines will see it: the schema, then the library ids
 * (both must pass for the engines to compute), then the design rules (budgets, attachment
 * points, mass…), which are reported but do not stop a change.
 */
export function parseConfiguration(raw: unknown, libraries: EngineLibraries): ParsedConfiguration {
  const parsed = AircraftConfigurationSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      findings: parsed.error.issues.map((issue) => ({
        code: 'SCHEMA_INVALID',
        severity: 'error',
        path: formatIssuePath(issue.path),
        message: issue.message
      }))
    };
  }
  const unknownIds = unknownLibraryIds(parsed.data, libraries);
  if (unknownIds.length > 0) return { ok: false, findings: unknownIds };
  return { ok: true, configuration: parsed.data, findings: evaluateDesign(parsed.data, libraries.aircraft).findings };
}
