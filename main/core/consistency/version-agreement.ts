import type { ConsistencyRule, RuleFinding, Severity } from '../../../shared/consistency';
import type { EngineId } from '../../../shared/events';

/**
 * A rule that every dependent computed from the same configuration version as the source: a
 * dependent that failed or was blocked keeps older outputs, and this says so until it catches up.
 *
 * @example
 * consistency.addConsistencyRule(versionAgreementRule('config_version', 'design', ['materials']));
 */
export function versionAgreementRule(
  ruleId: string,
  sourceEngine: EngineId,
  dependentEngines: EngineId[],
  severity: Severity = 'error'
): ConsistencyRule {
  return {
    ruleId,
    sourceEngine,
    dependentEngines,
    dataFields: ['configVersion'],
    autoUpdate: false,
    severity,
    description: `Every engine computed from the same configuration version as ${sourceEngine}`,
    validate: (source, dependent): RuleFinding[] => [
      {
        field: 'configVersion',
        passed: source.configVersion === dependent.configVersion,
        expected: source.configVersion,
        actual: dependent.configVersion,
        message: `${dependent.engineId} has outputs of v${dependent.configVersion}, ${sourceEngine} of v${source.configVersion}`
      }
    ]
  };
}
