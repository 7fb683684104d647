import { randomUUID } from 'node:crypto';
import type { EngineId } from '../../../shared/events';
import type { DesignFinding } from '../../../shared/findings';
import { currentVersion, openViolations, type SessionState } from '../../../shared/projection';
import type { ConfigurationChangeResult, EngineOutcome } from '../../../shared/protocol';
import type { Publish } from '../log/publish';
import type { RecomputePath } from './recompute';
import { shareUnchanged } from '../consistency/compare-values';
import { settledOutcomes } from './settled-outcomes';

/** The result of checking a configuration: the one check `validate` and `apply` both run. */
export type ConfigurationCheck<TConfig> =
  | { ok: true; configuration: TConfig; findings: DesignFinding[] }
  | { ok: false; findings: DesignFinding[] };

export interface ConfigurationChangeDeps<TConfig> {
  /** Without a check every configuration is accepted as is. */
  check: ((raw: unknown) => ConfigurationCheck<TConfig>) | undefined;
  state: () => SessionState;
  publish: Publish;
  recompute: RecomputePath<TConfig>;
  timeoutMs: number;
}

/**
 * One configuration change. A configuration the check refuses is published as
 * `validation_failed` and nothing changes. An accepted one gets the next version (the log's
 * current one plus one: the coordinator is the only one numbering), goes out as
 * `configuration_changed` (HIGH) with a fresh correlation id, and the recompute path brings the
 * engines to it; resolves once every engine has computed, failed or been blocked, or the timeout passed.
 */
export async function applyConfigurationChange<TConfig>(
  deps: ConfigurationChangeDeps<TConfig>,
  raw: unknown,
  sourceEngine: EngineId
): Promise<ConfigurationChangeResult> {
  const startedAt = performance.now();
  const correlationId = randomUUID();
  const check = deps.check?.(raw) ?? { ok: true as const, configuration: raw as TConfig, findings: [] };
  // The open violations before the change (states are immutable: the record itself will do).
  const openBefore = deps.state().violations.open;
  const change: ChangeRecord = { state: deps.state, startedAt, correlationId, openBefore, findings: check.findings };
  if (!check.ok) {
    const errors = check.findings.filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`);
    const { eventId } = deps.publish({
      eventType: 'validation_failed',
      sourceEngine,
      priority: 'HIGH',
      correlationId,
      data: { findings: check.findings, message: errors.join('; ') }
    });
    return changeResult(change, false, currentVersion(deps.state()), eventId, [], errors);
  }
  const previousVersion = currentVersion(deps.state());
  const version = previousVersion + 1;
  const previous = deps.state().configuration?.configuration;
  // What did not change is shared with the previous configuration (the log keeps both).
  const configuration = isRecord(previous) && isRecord(check.configuration) ? shareUnchanged(previous, check.configuration).value : check.configuration;
  const { eventId } = deps.publish({
    eventType: 'configuration_changed',
    sourceEngine,
    priority: 'HIGH',
    correlationId,
    configVersion: version,
    data: { version, previousVersion: previousVersion === 0 ? null : previousVersion, configuration }
  });
  const settled = waitForVersion(deps, version);
  deps.recompute.run();
  const engines = await settled;
  const failed = engines.filter((e) => e.outcome !== 'computed');
  return changeResult(
    change,
    failed.length === 0,
    version,
    eventId,
    engines,
    failed.map((e) => `${e.engineId} ${e.outcome}${e.error ? `: ${e.error}` : ''}`)
  );
}

/** What a change's result is built from besides its outcome. */
interface ChangeRecord {
  state: () => SessionState;
  startedAt: number;
  correlationId: string;
  openBefore: Readonly<Record<string, unknown>>;
  findings: DesignFinding[];
}

/** The result of a change, with the violations it opened and resolved (from the session state now). */
function changeResult(change: ChangeRecord, ok: boolean, version: number, eventId: string, engines: EngineOutcome[], errors: string[]): ConfigurationChangeResult {
  const state = change.state();
  const open = openViolations(state);
  return {
    ok,
    version,
    correlationId: change.correlationId,
    eventId,
    durationMs: performance.now() - change.startedAt,
    engines,
    violations: {
      opened: open.filter((v) => !Object.hasOwn(change.openBefore, v.violationId)),
      resolved: state.violations.resolved.filter((v) => Object.hasOwn(change.openBefore, v.violationId) && !state.violations.open[v.violationId]),
      open: open.length
    },
    errors,
    findings: change.findings
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves when every engine has settled `version`, or when the timeout passes. */
function waitForVersion<TConfig>(deps: ConfigurationChangeDeps<TConfig>, version: number): Promise<EngineOutcome[]> {
  return new Promise((resolve) => {
    const finish = (outcomes: EngineOutcome[]): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(outcomes);
    };
    const timer = setTimeout(() => finish(settledOutcomes(deps.state(), version, deps.timeoutMs, true) ?? []), deps.timeoutMs);
    const subscription = deps.recompute.onDidProgress(() => {
      // Settled in the state is not yet done: an outcome's checks and the walk after it may still
      // be under way, and a change queued behind this one must not start in the middle of them.
      if (!deps.recompute.idle) return;
      const outcomes = settledOutcomes(deps.state(), version, deps.timeoutMs, false);
      if (outcomes) finish(outcomes);
    });
  });
}
