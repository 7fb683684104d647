import { describe, expect, it } from 'vitest';
import { projectAll } from '../../../shared/projection';
import { conditionFacts } from './condition-facts';
import { TestLog } from './test-log';

describe('conditionFacts', () => {
  it('reads the supervisor decision, the blockers and the degrading engines from the session state', () => {
    const log = new TestLog().start().configure().outputs();
    log.configure().outputs(['design']);
    log.add('engine_status_changed', { engineId: 'materials', status: 'failed', version: 2, reason: 'boom', retryInMs: 100 }, { sourceEngine: 'materials' });
    log.add('engine_status_changed', {
      engineId: 'propulsion',
      status: 'blocked',
      version: 2,
      reason: 'waits on materials',
      blockedBy: ['design', 'materials'],
      chain: [{ engineId: 'materials', fromEngine: 'materials', ruleId: 'compute', fields: [], eventId: 'e9', at: 1 }]
    });
    let state = projectAll(log.events);
    const failedAt = log.events[log.events.length - 2]?.timestamp as number;
    expect(conditionFacts(state, 'materials')).toMatchObject({ status: 'failed', retryAt: failedAt + 100, givenUpAfterRestarts: null, computedVersion: 1, configVersion: 2 });
    // The wait starts where the chain does: at the engine that could not compute.
    expect(conditionFacts(state, 'propulsion')).toMatchObject({ status: 'blocked', blockedOn: 'materials' });

    log.restart('materials', 1);
    log.add('engine_status_changed', { engineId: 'materials', status: 'failed', version: 2, reason: 'boom — given up', final: true }, { sourceEngine: 'materials' });
    log.add('engine_output', { engineId: 'propulsion', version: 2, outputs: {}, changedFields: [], durationMs: 1, degradedBy: ['materials'] }, { sourceEngine: 'propulsion' });
    state = projectAll(log.events);
    expect(conditionFacts(state, 'materials')).toMatchObject({ status: 'failed', retryAt: null, givenUpAfterRestarts: 1 });
    expect(conditionFacts(state, 'propulsion')).toMatchObject({ status: 'degraded', degradedBy: ['materials'], blockedOn: null });
  });
});
