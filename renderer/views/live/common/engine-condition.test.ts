import { describe, expect, it } from 'vitest';
import type { ConditionFacts } from '../../../store/session/condition-facts';
import { conditionLine, givenUpText } from './engine-condition';

const IDLE: ConditionFacts = { status: 'idle', computedVersion: 2, configVersion: 2, blockedOn: null, degradedBy: [], retryAt: null, givenUpAfterRestarts: null };

describe('conditionLine', () => {
  it('says what each status means in words', () => {
    expect(conditionLine(IDLE)).toEqual({ kind: 'note', text: 'v2 · up to date' });
    expect(conditionLine({ ...IDLE, status: 'busy', configVersion: 3 })).toEqual({ kind: 'note', text: 'computing v3' });
    expect(conditionLine({ ...IDLE, status: 'blocked', blockedOn: 'materials' })).toEqual({ kind: 'note', text: 'waits on materials' });
    expect(conditionLine({ ...IDLE, status: 'degraded', degradedBy: ['materials'] })).toEqual({ kind: 'note', text: 'on last outputs of materials' });
    expect(conditionLine({ ...IDLE, status: 'restarting' })).toEqual({ kind: 'note', text: 'rebuilding from its last outputs' });
    expect(conditionLine({ ...IDLE, status: 'stopped' })).toEqual({ kind: 'note', text: 'session stopped' });
  });

  it('a failed engine counts down to its restart, or says it was given up', () => {
    expect(conditionLine({ ...IDLE, status: 'failed', retryAt: 5000 })).toEqual({ kind: 'countdown', retryAt: 5000 });
    expect(conditionLine({ ...IDLE, status: 'failed', givenUpAfterRestarts: 3 })).toEqual({ kind: 'given-up', text: 'gave up after 3 restarts' });
    expect(conditionLine({ ...IDLE, status: 'failed' })).toEqual({ kind: 'note', text: 'waits for a restart' });
  });

  it('counts restarts in words', () => {
    expect(givenUpText(1)).toBe('gave up after 1 restart');
    expect(givenUpText(0)).toBe('given up by its supervisor');
  });
});
