import { dirname, isAbsolute, resolve } from 'node:path';
import { FlightdeckConfigSchema, type FlightdeckConfig, type RestartPolicyConfig } from '../../../shared/flightdeck-config';
import type { RestartPolicy } from '../coordinator/supervisor';
import { loadDataFile, parseDataText } from './data-file';

/** A loaded configuration file with its library paths made absolute. */
export interface LoadedFlightdeckConfig extends FlightdeckConfig {
  /** The file it came from. */
  sourcePath: string;
}

function resolvePaths(config: FlightdeckConfig, sourcePath: string): LoadedFlightdeckConfig {
  const base = dirname(resolve(sourcePath));
  const engines: FlightdeckConfig['engines'] = {};
  for (const [engineId, entry] of Object.entries(config.engines)) {
    engines[engineId] = { ...entry, library_path: isAbsolute(entry.library_path) ? entry.library_path : resolve(base, entry.library_path) };
  }
  return { ...config, engines, sourcePath: resolve(sourcePath) };
}

/**
 * Reads and validates a Flightdeck configuration file (YAML or JSON). An unknown key or a
 * wrong type throws a `DataFileError` naming the file and the key.
 * @example const config = loadFlightdeckConfig('resources/flightdeck.yaml');
 */
export function loadFlightdeckConfig(filePath: string): LoadedFlightdeckConfig {
  return resolvePaths(loadDataFile(filePath, FlightdeckConfigSchema), filePath);
}

/** Same as `loadFlightdeckConfig` for text already in memory (`filePath` names it in errors). */
export function parseFlightdeckConfig(filePath: string, text: string): LoadedFlightdeckConfig {
  return resolvePaths(parseDataText(filePath, text, FlightdeckConfigSchema), filePath);
}

/** Translates the file's settings into bus options (the seed's timeout is in seconds). */
export function busOptionsFrom(config: FlightdeckConfig): { maxWorkers: number; maxHistorySize: number; eventTimeoutMs: number; maxQueueSize: number } {
  return {
    maxWorkers: config.max_workers,
    maxHistorySize: config.event_bus.max_history_size,
    eventTimeoutMs: config.event_bus.event_timeout * 1000,
    maxQueueSize: config.event_bus.max_queue_size
  };
}

/** Each engine's restart policy from the file: its own `restart_policy`, else the session's. */
export function restartPolicyFrom(config: FlightdeckConfig): (engineId: string) => RestartPolicy {
  const toPolicy = (p: RestartPolicyConfig): RestartPolicy => ({
    maxRestarts: p.max_restarts,
    windowMs: p.window_s * 1000,
    backoffMs: p.backoff_ms,
    maxBackoffMs: p.max_backoff_ms,
    jitter: p.jitter
  });
  const session = toPolicy(config.restart_policy);
  return (engineId) => {
    const own = config.engines[engineId]?.restart_policy;
    return own ? toPolicy(own) : session;
  };
}
