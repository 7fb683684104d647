import { describe, expect, it } from 'vitest';
import type { RecordedSession } from '../../../../shared/protocol';
import { formatBytes, sessionStatus } from './session-status';

const session = (id: number, endedAt: number | null): RecordedSession => ({ id, name: `s${id}`, aircraft: null, startedAt: 0, endedAt, lastSeq: 0, eventCount: 0, bytes: 0 });

describe('sessionStatus', () => {
  it('tells the live session, a cleanly ended one and one whose host died', () => {
    expect(sessionStatus(session(2, null), 2)).toBe('live');
    expect(sessionStatus(session(1, 10), 2)).toBe('ended');
    expect(sessionStatus(session(1, null), 2)).toBe('interrupted');
  });
});

describe('formatBytes', () => {
  it('scales to the largest unit below 1000', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(4_500_000)).toBe('4.5 MB');
    expect(formatBytes(2_000_000_000)).toBe('2.0 GB');
  });
});
