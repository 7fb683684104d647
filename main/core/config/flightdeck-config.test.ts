import { describe, expect, it } from 'vitest';
import { busOptionsFrom, parseFlightdeckConfig, restartPolicyFrom } from './flightdeck-config';

describe('Flightdeck configuration file', () => {
  it('reads the seed shape from YAML, applies defaults and resolves library paths', () => {
    const config = parseFlightdeckConfig(
      '/etc/flightdeck/session.yaml',
      'max_workers: 2\nengines:\n  propulsion: { library_path: data/engines.yaml }\nevent_bus: { event_timeout: 5 }\n'
    );
    expect(config.engines.propulsion?.library_path).toBe('/etc/flightdeck/data/engines.yaml');
    expect(busOptionsFrom(config)).toEqual({ maxWorkers: 2, maxHistorySize: 1000, eventTimeoutMs: 5000, maxQueueSize: 1_000_000 });
  });

  it('gives each engine its own restart policy, else the session default', () => {
    const config = parseFlightdeckConfig(
      's.yaml',
      'restart_policy: { max_restarts: 5 }\nengines:\n  design: { library_path: m.json }\n  aerodynamics: { library_path: c.yaml, restart_policy: { max_restarts: 1, backoff_ms: 50, window_s: 10 } }\n'
    );
    const policyOf = restartPolicyFrom(config);
    expect(policyOf('design')).toEqual({ maxRestarts: 5, windowMs: 60_000, backoffMs: 100, maxBackoffMs: 5_000, jitter: 0.2 });
    expect(policyOf('aerodynamics')).toEqual({ maxRestarts: 1, windowMs: 10_000, backoffMs: 50, maxBackoffMs: 5_000, jitter: 0.2 });
    expect(() => parseFlightdeckConfig('s.yaml', 'engines: {}\nrestart_policy: { jitter: 2 }\n')).toThrow(/s\.yaml: restart_policy\.jitter: /);
  });

  it('reads JSON too', () => {
    const config = parseFlightdeckConfig('/x/c.json', JSON.stringify({ engines: { design: { library_path: '/abs/m.json' } } }));
    expect(config.max_workers).toBe(4);
    expect(config.engines.design?.library_path).toBe('/abs/m.json');
  });

  it('names the file and the unknown key', () => {
    expect(() =>
      parseFlightdeckConfig('session.yaml', 'engines: {}\nevent_bus: { max_histroy_size: 10 }\n')
    ).toThrow(/session\.yaml: event_bus: Unrecognized key: "max_histroy_size"/);
  });

  it('names the file and the key with a wrong type', () => {
    expect(() => parseFlightdeckConfig('session.yaml', 'max_workers: four\nengines: {}\n')).toThrow(
      /session\.yaml: max_workers: .*number/
    );
  });

  it('names the file when it is not valid YAML', () => {
    expect(() => parseFlightdeckConfig('broken.yaml', 'engines: [\n')).toThrow(/broken\.yaml: cannot parse/);
  });
});
