import { z } from 'zod';
import type { StaleEngine, StalenessHop, Violation } from '../consistency';
import type { EngineId } from '../events/envelope';
import type { InputsFreshness, StaleInput } from '../results/freshness';
import { engineOf, type DeadLetter, type EngineState, type SessionState } from './state';

/**
 * Facts derived from the session state. They read the state only, so every view, the host and
 * a replay derive them the same way.
 */

/** `degraded`: current, but computed from the last outputs of an engine its supervisor gave up. */
export const ENGINE_STATUSES = ['idle', 'busy', 'degraded', 'failed', 'blocked', 'restarting', 'stopped'] as const;
export const EngineStatusSchema = z.enum(ENGINE_STATUSES);
export type EngineStatus = z.infer<typeof EngineStatusSchema>;

/** The configuration version the session is on (0 before the first configuration). */
export function currentVersion(state: SessionState): number {
  return state.configuration?.version ?? 0;
}

/** Whether the session is up: started and not stopped. */
export function isInitialized(state: SessionState): boolean {
  return state.startedAt !== null && state.stoppedAt === null;
}

/**
 * What an engine is doing. `busy`: it has not computed the current version yet and nothing says
 * it cannot (it is computing, or waiting for an engine it depends on). A failure or block about
 * an older version reads `busy` too: the engine is retried for the new one — unless its
 * supervisor gave it up, which holds for every version until a user restarts it.
 */
export function engineStatus(state: SessionState, engineId: EngineId): EngineStatus {
  const engine = engineOf(state, engineId);
  if (!engine) return 'stopped';
  const { condition } = engine;
  const version = currentVersion(state);
  switch (condition.kind) {
    case 'stopped':
    case 'restarting':
      return condition.kind;
    case 'failed':
      if (condition.version >= version || condition.final) return 'failed';
      break;
    case 'blocked':
      // Blocked only while an engine it waits on still cannot compute; once that one recovers,
      // this one is back in the walk.
      if (condition.version >= version && condition.blockedBy.some((id) => cannotCompute(state, id))) return 'blocked';
      break;
    case 'ok':
      break;
  }
  if (engine.computedVersion < version || Object.hasOwn(state.invalidations, engineId)) return 'busy';
  return engine.degradedBy.length > 0 ? 'degraded' : 'idle';
}

/** Whether an engine's supervisor gave it up (it stays failed until a user restarts it). */
export function isGivenUp(state: SessionState, engineId: EngineId): boolean {
  const condition = engineOf(state, engineId)?.condition;
  return condition?.kind === 'failed' && condition.final;
}

/**
 * What an engine's supervisor is doing about it, as a view says it: waiting to restart it
 * (`retryAt`, epoch ms), rebuilding it, or given it up (why, after how many restarts this
 * session); for an engine computed from a given-up engine's last outputs, which ones. `failed`
 * is a failure no supervisor decision came with. Read from `engineStatus`, so a failure about an
 * older version says nothing: the engine is retried for the new one.
 */
export type Supervision =
  | { kind: 'none' }
  | { kind: 'retry-pending'; retryAt: number; reason: string }
  | { kind: 'restarting'; reason: string }
  | { kind: 'given-up'; reason: string; restarts: number; at: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'degraded'; by: EngineId[] };

const NO_SUPERVISION: Supervision = Object.freeze({ kind: 'none' });

/**
 * What the supervisor is doing about one engine (see `Supervision`).
 *
 * @example
 * supervisionOf(state, 'materials'); // { kind: 'given-up', reason: '… — given up: 4 failures within 60 s …', restarts: 3, … }
 * supervisionOf(state, 'propulsion'); // { kind: 'degraded', by: ['materials'] }
 */
export function supervisionOf(state: SessionState, engineId: EngineId): Supervision {
  const engine = engineOf(state, engineId);
  if (!engine) return NO_SUPERVISION;
  const status = engineStatus(state, engineId);
  const { condition } = engine;
  if (status === 'degraded') return { kind: 'degraded', by: engine.degradedBy };
  if (status === 'restarting' && condition.kind === 'restarting') return { kind: 'restarting', reason: condition.reason };
  if (status !== 'failed' || condition.kind !== 'failed') return NO_SUPERVISION;
  if (condition.final) return { kind: 'given-up', reason: condition.reason, restarts: engine.restarts, at: condition.at };
  if (condition.retryAt !== null) return { kind: 'retry-pending', retryAt: condition.retryAt, reason: condition.reason };
  return { kind: 'failed', reason: condition.reason };
}

/** The engines running degraded on the last outputs of `engineId` (given up), in dependency order. */
export function dependentsDegradedBy(state: SessionState, engineId: EngineId): EngineId[] {
  return state.engineOrder.filter(
    (id) => state.engines[id]?.degradedBy.includes(engineId) === true && engineStatus(state, id) === 'degraded'
  );
}

/** The dead letters of one engine's handlers, newest first. */
export function deadLettersOf(state: SessionState, engineId: EngineId): DeadLetter[] {
  return state.deadLetters.filter((letter) => letter.engineId === engineId);
}

/** An engine its dependents cannot compute from (a given-up one with outputs can: degraded). */
function cannotCompute(state: SessionState, engineId: EngineId): boolean {
  const status = engineStatus(state, engineId);
  if (status === 'failed') return !(isGivenUp(state, engineId) && state.engines[engineId]?.outputs !== null);
  return status === 'blocked' || status === 'stopped';
}

/**
 * Engines whose outputs do not reflect their inputs and will not until something changes: failed
 * or blocked for the current version, or invalidated and not recomputed. Each comes with the
 * chain of hops from the engine where the trouble started.
 */
export function staleEngines(state: SessionState): StaleEngine[] {
  const out: StaleEngine[] = [];
  for (const engineId of state.engineOrder) {
    const stale = staleEngine(state, engineId);
    if (stale) out.push(stale);
  }
  return out;
}

export function staleEngine(state: SessionState, engineId: EngineId): StaleEngine | undefined {
  const engine = engineOf(state, engineId);
  if (!engine) return undefined;
  const status = engineStatus(state, engineId);
  const { condition } = engine;
  const correlationId = state.configuration?.correlationId ?? '';
  if (status === 'failed' && condition.kind === 'failed') {
    const hop: StalenessHop = { engineId, fromEngine: engineId, ruleId: 'compute', fields: [], eventId: condition.eventId, at: condition.at };
    return {
      engineId,
      originEngine: engineId,
      propagationId: condition.eventId,
      correlationId,
      since: condition.at,
      reason: `could not compute configuration v${condition.version}: ${condition.reason}`,
      chain: [hop]
    };
  }
  if (status === 'blocked' && condition.kind === 'blocked') {
    return {
      engineId,
      originEngine: condition.chain[0]?.engineId ?? condition.blockedBy[0] ?? engineId,
      propagationId: condition.eventId,
      correlationId,
      since: condition.at,
      reason: condition.reason,
      chain: condition.chain
    };
  }
  if (status === 'degraded') {
    return {
      engineId,
      originEngine: engine.degradedBy[0] ?? engineId,
      propagationId: engine.outputEventId ?? '',
      correlationId,
      since: engine.outputAt ?? 0,
      reason: `computed v${engine.computedVersion} from the last outputs of ${engine.degradedBy.join(', ')}, given up by the supervisor`,
      chain: engine.degradedBy.map((by) => ({ engineId, fromEngine: by, ruleId: 'degraded', fields: [], eventId: engine.outputEventId ?? '', at: engine.outputAt ?? 0 }))
    };
  }
  const mark = state.invalidations[engineId];
  if (!mark) return undefined;
  return {
    engineId,
    originEngine: mark.originEngine,
    propagationId: mark.propagationId,
    correlationId: mark.correlationId,
    since: mark.since,
    reason: `${mark.fromEngines.join(', ')} changed ${mark.fields.join(', ') || 'outputs'}: awaiting recompute`,
    chain: mark.chain
  };
}

/**
 * Whether results read from `engineIds` (and everything they depend on) would be current: each
 * has computed the current version and none is failed, blocked or invalidated.
 */
export function freshnessOf(state: SessionState, engineIds: readonly EngineId[]): InputsFreshness {
  const version = currentVersion(state);
  const seen = new Set<EngineId>();
  const staleInputs: StaleInput[] = [];
  const visit = (engineId: EngineId): void => {
    if (seen.has(engineId)) return;
    seen.add(engineId);
    const engine = engineOf(state, engineId);
    if (!engine) return;
    for (const dependency of engine.dependsOn) visit(dependency);
    const stale = staleInputOf(state, engine, version);
    if (stale) staleInputs.push(stale);
  };
  for (const engineId of engineIds) visit(engineId);
  staleInputs.sort((a, b) => state.engineOrder.indexOf(a.engineId) - state.engineOrder.indexOf(b.engineId));
  return { configVersion: version, upToDate: staleInputs.length === 0, staleInputs };
}

function staleInputOf(state: SessionState, engine: EngineState, version: number): StaleInput | undefined {
  const status = engineStatus(state, engine.engineId);
  const base = { engineId: engine.engineId, computedVersion: engine.computedVersion, status };
  const stale = staleEngine(state, engine.engineId);
  if (stale) return { ...base, reason: stale.reason };
  if (engine.computedVersion < version) {
    return { ...base, reason: `has computed v${engine.computedVersion}, the configuration is v${version}` };
  }
  return undefined;
}

/** Open violations, oldest first. */
export function openViolations(state: SessionState): Violation[] {
  return Object.values(state.violations.open).sort((a, b) => a.detectedAt - b.detectedAt);
}

/** Open violation counts, by severity and by rule. */
export function violationCounts(state: SessionState): {
  open: number;
  resolvedTotal: number;
  droppedResolved: number;
  bySeverity: Record<Violation['severity'], number>;
  byRule: Record<string, number>;
} {
  const bySeverity = { info: 0, warning: 0, error: 0, critical: 0 };
  // Counted in a Map: a rule id may be "constructor" or "__proto__".
  const byRule = new Map<string, number>();
  const open = Object.values(state.violations.open);
  for (const violation of open) {
    bySeverity[violation.severity]++;
    byRule.set(violation.ruleId, (byRule.get(violation.ruleId) ?? 0) + 1);
  }
  return {
    open: open.length,
    resolvedTotal: state.violations.resolvedTotal,
    droppedResolved: state.violations.droppedResolved,
    bySeverity,
    byRule: Object.fromEntries(byRule)
  };
}

/** The engines every engine depends on, in the order of `engineOrder`. */
export function dependencyGraph(state: SessionState): { nodes: { id: EngineId; capabilities: string[] }[]; edges: { from: EngineId; to: EngineId }[] } {
  const nodes = state.engineOrder.map((id) => ({ id, capabilities: state.engines[id]?.capabilities ?? [] }));
  const edges = state.engineOrder.flatMap((id) =>
    (state.engines[id]?.dependsOn ?? []).filter((to) => Object.hasOwn(state.engines, to)).map((to) => ({ from: id, to }))
  );
  return { nodes, edges };
}
