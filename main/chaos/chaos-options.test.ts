import { describe, expect, it } from 'vitest';
import { ChaosUsageError, DEFAULT_CHAOS_OPTIONS, parseChaosOptions, parseDuration } from './chaos-options';

describe('chaos options', () => {
  it('reads the flags of the documented command', () => {
    expect(parseChaosOptions(['--events', '1000000', '--fault-rate', '0.01', '--kill-every', '2s', '--seed', '42'])).toEqual({
      ...DEFAULT_CHAOS_OPTIONS,
      events: 1_000_000,
      faultRate: 0.01,
      killEveryMs: 2000,
      seed: 42
    });
  });

  it('takes the engines to run in worker processes and how often to kill one', () => {
    expect(parseChaosOptions(['--workers', 'aerodynamics, propulsion', '--kill-workers-every', '1s'])).toMatchObject({ workers: ['aerodynamics', 'propulsion'], killWorkersEveryMs: 1000 });
    expect(() => parseChaosOptions(['--workers', 'aero'])).toThrow('--workers: "aero" is not an engine (one of design, materials, propulsion, sensors, aerodynamics, manufacturing)');
  });

  it('takes durations in seconds or milliseconds, and 0 for no kills', () => {
    expect(parseDuration('kill-every', '500ms')).toBe(500);
    expect(parseDuration('kill-every', '1.5s')).toBe(1500);
    expect(parseDuration('kill-every', '0')).toBe(0);
  });

  it.each([
    [['--events', 'many'], /--events must be an integer/],
    [['--fault-rate', '2'], /--fault-rate must be a number in 0\.\.1, got "2"/],
    [['--kill-every', 'often'], /--kill-every must be a duration/],
    [['--kill-every', '1ms'], /at least 10ms/],
    [['--seed=-1'], /--seed must be an integer/],
    [['--colour'], /Unknown option '--colour'/]
  ])('refuses %j naming the flag', (argv, message) => {
    expect(() => parseChaosOptions(argv)).toThrow(ChaosUsageError);
    expect(() => parseChaosOptions(argv)).toThrow(message);
  });
});
