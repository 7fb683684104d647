import { isDeepStrictEqual } from 'node:util';
import type { EngineId, EventType } from '../../shared/events';
import { currentVersion, openViolations, type SessionState } from '../../shared/projection';
import type { SubscriberRecord } from './audited-subscribers';
import type { Downtime, ReportedDeadLetter } from './log-ledger';

/** One subscriber's deliveries, each event counted once under one outcome. */
export interface DeliveryAudit {
  engineId: EngineId;
  expected: number;
  /** Completed exactly once (a redelivered dead letter included). */
  delivered: number;
  /** Not completed, dead-lettered with its reason (and not redelivered). */
  deadLettered: number;
  redelivered: number;
  /** Neither completed nor dead-lettered. */
  lost: number;
  /** Completed more than once, or completed and still dead-lettered. */
  duplicated: number;
  /** Dead letters naming this subscriber for an event its handler never failed on. */
  unexplainedDeadLetters: number;
}

/**
 * Every event a subscriber listened for while subscribed is delivered exactly once, or
 * dead-lettered with a reason; a redelivered dead letter counts once when it completes.
 */
export function auditDeliveries(
  record: SubscriberRecord,
  typeOf: (seq: number) => EventType | undefined,
  deadLetters: readonly ReportedDeadLetter[],
  resolved: readonly { originalEventId: string; engineId: EngineId; outcome: string }[]
): DeliveryAudit {
  const audit: DeliveryAudit = { engineId: record.engineId, expected: 0, delivered: 0, deadLettered: 0, redelivered: 0, lost: 0, duplicated: 0, unexplainedDeadLetters: 0 };
  // The last word on each dead letter of this subscriber: dead-lettered, or redelivered / discarded.
  const outcome = new Map<number, 'dead' | 'redelivered' | 'discarded'>();
  for (const letter of deadLetters) {
    if (letter.engineId !== record.engineId) continue;
    const seq = record.failedFor.get(letter.originalEventId);
    if (seq === undefined) audit.unexplainedDeadLetters++;
    else outcome.set(seq, 'dead');
  }
  for (const resolution of resolved) {
    if (resolution.engineId !== record.engineId) continue;
    const seq = record.failedFor.get(resolution.originalEventId);
    if (seq !== undefined) outcome.set(seq, resolution.outcome === 'redelivered' ? 'redelivered' : 'discarded');
  }
  for (let seq = record.fromSeq; seq <= record.toSeq; seq++) {
    const type = typeOf(seq);
    if (type === undefined || (record.eventTypes !== '*' && !record.eventTypes.includes(type))) continue;
    audit.expected++;
    const completions = record.completions[seq] ?? 0;
    const fate = outcome.get(seq);
    if (fate === 'dead' || fate === 'discarded') {
      if (completions === 0) audit.deadLettered++;
      else audit.duplicated++;
    } else if (completions === 1) {
      audit.delivered++;
      if (fate === 'redelivered') audit.redelivered++;
    } else if (completions === 0) audit.lost++;
    else audit.duplicated++;
  }
  return audit;
}

/** Where a settled session differs from what it should be; empty when it is right. */
export function settledProblems(state: SessionState, fresh: SessionState): string[] {
  const problems: string[] = [];
  const version = currentVersion(state);
  for (const engineId of state.engineOrder) {
    const engine = state.engines[engineId];
    if (!engine) continue;
    if (engine.computedVersion !== version) problems.push(`${engineId} is on v${engine.computedVersion}, not the last version v${version}`);
    if (engine.condition.kind !== 'ok') problems.push(`${engineId} is ${engine.condition.kind} after settling`);
    if (engine.degradedBy.length > 0) problems.push(`${engineId} is still degraded by ${engine.degradedBy.join(', ')}`);
    if (!isDeepStrictEqual(engine.outputs, fresh.engines[engineId]?.outputs ?? null)) problems.push(`${engineId}'s outputs differ from a fresh recompute of the same configuration`);
  }
  for (const engineId of Object.keys(state.invalidations)) problems.push(`${engineId} still carries a stale mark`);
  const key = (v: { ruleId: string; sourceEngine: string; dependentEngine: string; field?: string; message: string }): string =>
    `${v.ruleId} ${v.sourceEngine}→${v.dependentEngine} ${v.field ?? ''}: ${v.message}`;
  const open = new Set(openViolations(state).map(key));
  const expected = new Set(openViolations(fresh).map(key));
  for (const violation of open) if (!expected.has(violation)) problems.push(`violation open that a fresh recompute does not open: ${violation}`);
  for (const violation of expected) if (!open.has(violation)) problems.push(`violation a fresh recompute opens is not open: ${violation}`);
  return problems;
}

/** Downtimes longer than the engine's restart policy allows. */
export function downtimesOverPolicy(downtimes: readonly Downtime[], maxDowntimeMs: (engineId: EngineId) => number): string[] {
  return downtimes
    .filter((d) => d.toMs - d.fromMs > maxDowntimeMs(d.engineId))
    .map((d) => `${d.engineId} was down ${Math.round(d.toMs - d.fromMs)} ms over ${d.failures} failure(s); its policy allows ${Math.round(maxDowntimeMs(d.engineId))} ms`);
}
