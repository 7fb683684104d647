import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, Supervisor, type RestartPolicy } from './supervisor';

function supervisor(policy: Partial<RestartPolicy>, random = (): number => 0.5) {
  const clock = { ms: 0 };
  const s = new Supervisor({ policyOf: () => ({ ...DEFAULT_RESTART_POLICY, jitter: 0, ...policy }), now: () => clock.ms, random });
  return { s, clock };
}

describe('Supervisor', () => {
  it('restarts with an exponential backoff capped at maxBackoffMs', () => {
    const { s } = supervisor({ maxRestarts: 10, backoffMs: 100, maxBackoffMs: 500 });
    expect([1, 2, 3, 4, 5].map(() => s.onFailure('a'))).toEqual([
      { restart: true, delayMs: 100, attempt: 1 },
      { restart: true, delayMs: 200, attempt: 2 },
      { restart: true, delayMs: 400, attempt: 3 },
      { restart: true, delayMs: 500, attempt: 4 },
      { restart: true, delayMs: 500, attempt: 5 }
    ]);
  });

  it('draws the jitter within ±jitter of the backoff', () => {
    const low = supervisor({ backoffMs: 100, jitter: 0.2 }, () => 0).s.onFailure('a');
    const high = supervisor({ backoffMs: 100, jitter: 0.2 }, () => 0.999999).s.onFailure('a');
    expect(low).toMatchObject({ delayMs: 80 });
    expect(high).toMatchObject({ delayMs: 120 });
  });

  it('gives up past maxRestarts within the window, and allows again once old failures leave it', () => {
    const { s, clock } = supervisor({ maxRestarts: 2, windowMs: 1_000 });
    expect(s.onFailure('a').restart).toBe(true);
    clock.ms = 500;
    expect(s.onFailure('a').restart).toBe(true);
    clock.ms = 900;
    const given = s.onFailure('a');
    expect(given).toEqual({ restart: false, reason: 'given up: 3 failures within 1 s (at most 2 restarts allowed)' });
    clock.ms = 1_200;
    expect(s.onFailure('a').restart).toBe(true);
  });

  it('keeps engines apart; a success resets the backoff, a reset forgets everything', () => {
    const { s } = supervisor({ maxRestarts: 3, backoffMs: 10 });
    s.onFailure('a');
    s.onFailure('a');
    expect(s.onFailure('b')).toMatchObject({ delayMs: 10, attempt: 1 });
    s.onSuccess('a');
    expect(s.onFailure('a')).toMatchObject({ delayMs: 10, attempt: 1 });
    expect(s.onFailure('a').restart).toBe(false);
    s.reset('a');
    expect(s.onFailure('a')).toMatchObject({ restart: true, attempt: 1 });
  });

  it('says how long an engine can stay down before it is given up', () => {
    const { s } = supervisor({ maxRestarts: 3, backoffMs: 100, maxBackoffMs: 250, jitter: 0.2 });
    expect(s.maxDowntimeMs('a')).toBeCloseTo((100 + 200 + 250) * 1.2, 6);
  });
});
