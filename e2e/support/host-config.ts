import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');

/** A restart policy in the configuration file's words (see `restart_policy` in resources/flightdeck.yaml). */
export interface RestartPolicyFile {
  max_restarts?: number;
  window_s?: number;
  backoff_ms?: number;
  max_backoff_ms?: number;
  jitter?: number;
}

/** Engines whose restart policy a test replaces, by engine id; the others keep the session's. */
export type RestartPolicies = Readonly<Record<string, RestartPolicyFile>>;

/**
 * A supervisor that waits a minute before it restarts a failed engine: the engine stays failed
 * (its restart pending) for the whole test, unless the test restarts it.
 */
export const RESTART_AFTER_A_MINUTE: RestartPolicyFile = { backoff_ms: 60_000, max_backoff_ms: 60_000, jitter: 0 };

interface ConfigFile {
  engines: Record<string, { library_path: string; restart_policy?: RestartPolicyFile }>;
  [key: string]: unknown;
}

/**
 * Writes a copy of resources/flightdeck.yaml into `dir` with `policies` as the engines' own
 * restart policies (library paths made absolute, since they are relative to the file) and
 * `sections` in place of the file's own (`distributed`, say), and returns its path, for the host's `--config`.
 */
export function writeHostConfig(dir: string, policies: RestartPolicies, sections: Readonly<Record<string, unknown>> = {}): string {
  const config = { ...(parse(readFileSync(join(RESOURCES, 'flightdeck.yaml'), 'utf8')) as ConfigFile), ...sections };
  for (const [engineId, entry] of Object.entries(config.engines)) {
    if (!isAbsolute(entry.library_path)) entry.library_path = resolve(RESOURCES, entry.library_path);
    const policy = policies[engineId];
    if (policy) entry.restart_policy = policy;
  }
  const unknown = Object.keys(policies).filter((id) => !Object.hasOwn(config.engines, id));
  if (unknown.length > 0) throw new Error(`no such engine in flightdeck.yaml: ${unknown.join(', ')}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'flightdeck.yaml');
  writeFileSync(path, stringify(config));
  return path;
}
