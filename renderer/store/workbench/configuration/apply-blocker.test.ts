import { describe, expect, it } from 'vitest';
import { applyBlocker } from './apply-blocker';

const ready = { findings: [], invalidFields: [], validating: false, busy: false, connected: true };
const finding = (severity: 'error' | 'warning') => ({ code: 'X', severity, message: 'm', path: 'p' });

describe('applyBlocker', () => {
  it('lets a validated draft apply, warnings included', () => {
    expect(applyBlocker(ready)).toBeNull();
    expect(applyBlocker({ ...ready, findings: [finding('warning')] })).toBeNull();
  });

  it('holds Apply while validating, busy, disconnected or with an error finding', () => {
    expect(applyBlocker({ ...ready, validating: true })).toBe('validating…');
    expect(applyBlocker({ ...ready, busy: true })).toBe('a change is being applied');
    expect(applyBlocker({ ...ready, connected: false })).toBe('not connected to the host');
    expect(applyBlocker({ ...ready, findings: [finding('error'), finding('warning'), finding('error')] })).toBe('2 errors to fix first');
  });

  it('holds Apply while a field holds text that is not a value, naming the field', () => {
    expect(applyBlocker({ ...ready, invalidFields: ['engine count'] })).toBe('fix the engine count first');
    expect(applyBlocker({ ...ready, invalidFields: ['engine count'], validating: true })).toBe('fix the engine count first');
  });
});
