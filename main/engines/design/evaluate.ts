import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { MassProperties } from '../../../shared/engine-outputs';
import type { DesignFinding } from '../../../shared/findings';
import type { AircraftLibrary } from './library';
import { computeMassProperties } from './mass-properties';
import { validateConfiguration } from './validate';

/** Design figures of a configuration: validity, findings and the mass roll-up. */
export interface DesignEvaluation {
  /** No finding of severity `error`. */
  valid: boolean;
  findings: DesignFinding[];
  mass: MassProperties;
}

/**
 * Validates a configuration and rolls up its masses (no file access; cheap enough for optimizers).
 * @example const { valid, mass } = evaluateDesign(config, library);
 */
export function evaluateDesign(config: AircraftConfiguration, library: AircraftLibrary): DesignEvaluation {
  const mass = computeMassProperties(config, library);
  const findings = validateConfiguration(config, library, mass);
  return { valid: !findings.some((finding) => finding.severity === 'error'), findings, mass };
}
