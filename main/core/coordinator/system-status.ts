import type { EngineId } from '../../../shared/events';
import {
  engineStatus,
  isInitialized,
  staleEngines,
  currentVersion,
  violationCounts,
  type SessionState
} from '../../../shared/projection';
import type { EngineStatusReport, SystemStatus } from '../../../shared/protocol';
import type { PerformanceSummary } from '../../../shared/performance';
import type { EventBusStats } from '../bus/types';

/** One engine's status as the state tells it. */
export function engineStatusReport(state: SessionState, engineId: EngineId): EngineStatusReport {
  const engine = state.engines[engineId];
  return {
    engineId,
    status: engineStatus(state, engineId),
    capabilities: engine?.capabilities ?? [],
    dependsOn: engine?.dependsOn ?? [],
    computedVersion: engine?.computedVersion ?? 0,
    lastDurationMs: engine?.lastDurationMs ?? null,
    lastError: engine?.lastError ?? null,
    restarts: engine?.restarts ?? 0,
    faults: engine?.faults ?? { slowMs: 0, failuresLeft: 0 }
  };
}

/**
 * The seed's `get_system_status()`, answered from the session state: engines, violations, stale
 * engines and tasks, with the bus's counters and a performance section beside them.
 */
export function systemStatus(state: SessionState, bus: EventBusStats, performance: PerformanceSummary): SystemStatus {
  return {
    initialized: isInitialized(state),
    configVersion: currentVersion(state),
    lastSeq: state.seq,
    engines: state.engineOrder.map((id) => engineStatusReport(state, id)),
    bus,
    violations: violationCounts(state),
    staleEngines: staleEngines(state).map((stale) => stale.engineId),
    tasks: state.taskOrder.flatMap((id) => {
      const task = state.tasks[id];
      if (task?.status !== 'running') return [];
      return [{ taskId: task.taskId, kind: task.kind, fraction: task.fraction, message: task.message, startedAt: task.startedAt }];
    }),
    performance
  };
}
