import { findingsAllowApply, type DesignFinding } from '../../../../shared/findings';

/** What decides whether a draft can be applied now. */
export interface ApplyConditions {
  findings: readonly DesignFinding[];
  /** Draft fields whose text is not a valid value (their error shows beside them). */
  invalidFields: readonly string[];
  /** A validation of the latest edit is pending. */
  validating: boolean;
  /** A configuration change from this window is in flight. */
  busy: boolean;
  connected: boolean;
}

/**
 * Why the draft cannot be applied now, or null when it can: the host refuses a configuration
 * with an error finding (validate and apply run the same checks), so Apply waits for the
 * validation of the latest edit and stays off while an error is found, a field holds text that
 * is not a value, or the host is away.
 *
 * @example
 * applyBlocker({ findings: [], invalidFields: [], validating: true, busy: false, connected: true }); // 'validating…'
 */
export function applyBlocker(conditions: ApplyConditions): string | null {
  if (!conditions.connected) return 'not connected to the host';
  if (conditions.busy) return 'a change is being applied';
  if (conditions.invalidFields.length > 0) return `fix the ${conditions.invalidFields.join(', ')} first`;
  if (conditions.validating) return 'validating…';
  if (!findingsAllowApply(conditions.findings)) {
    const errors = conditions.findings.filter((f) => f.severity === 'error').length;
    return `${errors} error${errors === 1 ? '' : 's'} to fix first`;
  }
  return null;
}
