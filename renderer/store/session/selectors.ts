import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../shared/aircraft';
import type { StaleEngine, Violation } from '../../../shared/consistency';
import type { RecordedRule } from '../../../shared/events';
import {
  dependencyGraph,
  dependentsDegradedBy,
  engineStatus,
  openViolations,
  staleEngines,
  supervisionOf,
  violationCounts,
  type SessionState,
  type Supervision,
  type TaskState
} from '../../../shared/projection';
import type { AnalysisResult, EngineStatusReport } from '../../../shared/protocol';
import { conditionFacts, type ConditionFacts } from './condition-facts';
import { memoized, structurallyStable } from './memo';

/**
 * The renderer's views of the session state, memoised on the parts of the state they read:
 * a selector returns the same object until one of those parts changes, so components using it
 * re-render only when what they show changed. Every fact comes from `shared/projection`.
 */

/** The configuration the session is on, typed. */
export interface CurrentConfiguration {
  configuration: AircraftConfiguration;
  /** Numbered by the coordinator; the renderer never invents one. */
  version: number;
  previousVersion: number | null;
  appliedAt: number;
}

/** The current configuration (null before the first one), parsed with the aircraft schema once per version. */
export const selectCurrentConfiguration = memoized(
  (s: SessionState) => [s.configuration],
  (s: SessionState): CurrentConfiguration | null => {
    if (!s.configuration) return null;
    const parsed = AircraftConfigurationSchema.safeParse(s.configuration.configuration);
    if (!parsed.success) {
      console.error(`flightdeck: configuration v${s.configuration.version} does not match the aircraft schema`, parsed.error.issues[0]);
      return null;
    }
    const { version, previousVersion, appliedAt } = s.configuration;
    return { configuration: parsed.data, version, previousVersion, appliedAt };
  }
);

/** What decides an engine's status and staleness. */
const engineParts = (s: SessionState): readonly unknown[] => [s.engineOrder, s.engines, s.configuration, s.invalidations];

/** Every engine's status report, in dependency order. */
export const selectEngineReports = memoized(engineParts, (s: SessionState): EngineStatusReport[] =>
  s.engineOrder.flatMap((engineId) => {
    const engine = s.engines[engineId];
    if (!engine) return [];
    return [
      {
        engineId,
        status: engineStatus(s, engineId),
        capabilities: engine.capabilities,
        dependsOn: engine.dependsOn,
        computedVersion: engine.computedVersion,
        lastDurationMs: engine.lastDurationMs,
        lastError: engine.lastError,
        restarts: engine.restarts,
        faults: engine.faults
      }
    ];
  })
);

/** Every engine's condition facts (what its supervisor does about it, what it waits on), by engine id. */
export const selectConditionFacts = memoized(engineParts, (s: SessionState): Readonly<Record<string, ConditionFacts>> =>
  Object.fromEntries(s.engineOrder.map((engineId) => [engineId, conditionFacts(s, engineId)]))
);

/** What each engine's supervisor is doing about it, by engine id. */
export const selectSupervisions = memoized(engineParts, (s: SessionState): Readonly<Record<string, Supervision>> =>
  Object.fromEntries(s.engineOrder.map((engineId) => [engineId, supervisionOf(s, engineId)]))
);

/** For each engine, the engines running degraded on its last outputs (empty unless it was given up). */
export const selectDegradedDependents = memoized(engineParts, (s: SessionState): Readonly<Record<string, readonly string[]>> =>
  Object.fromEntries(s.engineOrder.map((engineId) => [engineId, dependentsDegradedBy(s, engineId)]))
);

/** Engines whose outputs do not reflect their inputs, with the reason chain. */
export const selectStaleEngines = memoized(engineParts, (s: SessionState): StaleEngine[] => staleEngines(s));

/** Open violations, newest first. */
export const selectOpenViolations = memoized(
  (s: SessionState) => [s.violations.open],
  (s: SessionState): Violation[] => openViolations(s).reverse()
);

export const selectViolationCounts = memoized((s: SessionState) => [s.violations], violationCounts);

/** The engines and their dependency edges; the same object while the structure is unchanged. */
/** Ids of the engines computed by worker processes over NATS. */
export const selectRemoteEngines = structurallyStable(
  memoized((s: SessionState) => [s.engines], (s: SessionState): string[] => s.engineOrder.filter((id) => s.engines[id]?.remote === true))
);

/** The engine workers alive now (NATS), by engine id, oldest first. */
export const selectWorkersByEngine = structurallyStable(
  memoized(
    (s: SessionState) => [s.workers],
    (s: SessionState): Record<string, { workerId: string; joinedAt: number }[]> => {
      const out: Record<string, { workerId: string; joinedAt: number }[]> = {};
      for (const worker of Object.values(s.workers).sort((a, b) => a.joinedAt - b.joinedAt)) (out[worker.engineId] ??= []).push({ workerId: worker.workerId, joinedAt: worker.joinedAt });
      return out;
    }
  )
);

/** Each engine's last failure this session (kept after it recovered), by engine id. */
export const selectEngineFailures = structurallyStable(
  memoized(
    (s: SessionState) => [s.engineOrder, s.engines],
    (s: SessionState): Record<string, { eventId: string; at: number; reason: string } | null> =>
      Object.fromEntries(
        s.engineOrder.map((id) => {
          const failure = s.engines[id]?.lastFailure ?? null;
          return [id, failure && { eventId: failure.eventId, at: failure.at, reason: failure.reason }];
        })
      )
  )
);

export const selectEngineGraph = structurallyStable(memoized((s: SessionState) => [s.engineOrder, s.engines], dependencyGraph));

/** The consistency rules in the order they were added. */
export const selectRules = memoized(
  (s: SessionState) => [s.rules, s.ruleOrder],
  (s: SessionState): RecordedRule[] => s.ruleOrder.flatMap((ruleId) => (s.rules[ruleId] ? [s.rules[ruleId]] : []))
);

/** One edge per (rule, source, dependent): what the graph draws as rule edges. */
export interface RuleEdge {
  ruleId: string;
  from: string;
  to: string;
}

export const selectRuleEdges = structurallyStable(
  memoized(
    (s: SessionState) => [s.rules, s.ruleOrder],
    (s: SessionState): RuleEdge[] =>
      selectRules(s).flatMap((rule) => rule.dependentEngines.map((to) => ({ ruleId: rule.ruleId, from: rule.sourceEngine, to })))
  )
);

/** The latest result of each analysis type. */
export const selectAnalyses = memoized((s: SessionState) => [s.analyses], (s: SessionState): AnalysisResult[] => Object.values(s.analyses));

/** The newest task of a kind (running or finished), or null. */
function latestTask(kind: TaskState['kind']): (s: SessionState) => TaskState | null {
  return memoized(
    (s: SessionState) => [s.tasks, s.taskOrder],
    (s: SessionState) => {
      for (let i = s.taskOrder.length - 1; i >= 0; i--) {
        const task = s.tasks[s.taskOrder[i] as string];
        if (task?.kind === kind) return task;
      }
      return null;
    }
  );
}

export const selectLatestOptimization = latestTask('optimization');
export const selectLatestSimulation = latestTask('simulation');
