import { describe, expect, it } from 'vitest';
import type { Violation } from '../../../../shared/consistency';
import type { ConditionFacts } from '../../../store/session/condition-facts';
import { groupByRootCause } from './root-cause';

const ok: ConditionFacts = { status: 'idle', computedVersion: 1, configVersion: 1, blockedOn: null, degradedBy: [], retryAt: null, givenUpAfterRestarts: null };
const violation = (id: string, sourceEngine: string, dependentEngine: string): Violation =>
  ({ violationId: id, ruleId: 'config_version', sourceEngine, dependentEngine, severity: 'error', message: id, detectedAt: 0 }) as Violation;

describe('groupByRootCause', () => {
  it('gathers what one failed engine opened, directly, through blocked dependents and degraded ones', () => {
    const conditions: Record<string, ConditionFacts> = {
      design: ok,
      materials: { ...ok, status: 'failed' },
      propulsion: { ...ok, status: 'blocked', blockedOn: 'materials' },
      aerodynamics: { ...ok, status: 'degraded', degradedBy: ['materials'] },
      sensors: ok
    };
    const groups = groupByRootCause(
      [violation('v1', 'design', 'sensors'), violation('v2', 'design', 'materials'), violation('v3', 'design', 'propulsion'), violation('v4', 'propulsion', 'aerodynamics')],
      conditions
    );
    expect(groups.map((g) => [g.rootEngine, g.violations.map((v) => v.violationId)])).toEqual([
      ['materials', ['v2', 'v3', 'v4']],
      [null, ['v1']]
    ]);
  });

  it('puts everything in one causeless group when every engine is healthy', () => {
    const groups = groupByRootCause([violation('v1', 'design', 'sensors')], { design: ok, sensors: ok });
    expect(groups).toEqual([{ rootEngine: null, violations: [expect.objectContaining({ violationId: 'v1' })] }]);
  });
});
