import type {
  ConsistencyCheckResult,
  ConsistencyRule,
  Invalidation,
  PropagationResult,
  StaleEngine,
  StalenessHop
} from '../../../shared/consistency';
import type { EngineId, EventInput } from '../../../shared/events';
import type { CacheUpdateMeta, CacheUpdateResult } from './data-cache';
import { isRuleEnabled } from './rule-book';

/**
 * Recomputes an invalidated engine and returns its new outputs, or undefined when it cannot
 * (the engine then stays stale). A throw is caught and reported, never rethrown.
 */
export type RecomputeHandler = (
  engineId: EngineId,
  invalidation: Invalidation
) => Promise<Record<string, unknown> | undefined>;

/** The causal ids a propagation continues. */
export interface PropagationCause {
  causationId?: string;
  correlationId?: string;
}

/** What a propagation needs from the consistency manager. */
export interface PropagationDeps {
  topologicalOrder(): EngineId[];
  rules(): readonly ConsistencyRule[];
  /** Publishes and returns the event's id (the bus's, or a local one if it gave none). */
  publish(input: EventInput): string;
  recompute: RecomputeHandler | undefined;
  store(
    engineId: EngineId,
    data: Record<string, unknown>,
    meta: CacheUpdateMeta
  ): CacheUpdateResult;
  configVersionOf(engineId: EngineId): number | undefined;
  validate(engineId: EngineId, cause: PropagationCause): ConsistencyCheckResult;
  staleness: Map<EngineId, StaleEngine>;
  now(): number;
  createId(): string;
}

interface Reached {
  eventId: string | undefined;
  chain: StalenessHop[];
  hop: number;
}

/**
 * Propagates a change of `changedFields` of `originEngine` along the enabled `autoUpdate`
 * rules, recomputing each affected engine at most once, dependencies first.
 *
 * 1. Affected set: engines reachable from the origin through auto-update rules. A rule out of
 *    the origin counts only if its `dataFields` meet the changed fields (empty = any field);
 *    further out every rule counts, since what changes there is not known yet.
 * 2. Order: `topologicalOrder()` of the registry, then unregistered engines in discovery order.
 *    The origin is never revisited, so rules forming a cycle cannot loop. Rules pointing against
 *    the registry's order reach an engine already processed, and are ignored.
 * 3. Per engine: the rules from sources that changed in this propagation and whose fields meet
 *    the change apply. None: early cutoff, recorded with its reason. Otherwise a
 *    `data_invalidated` event goes out, the engine is marked stale with its reason chain, and the
 *    recompute handler runs; data it returns is cached and, if anything changed, feeds the next
 *    hops. Unchanged data ends the propagation along that path.
 * 4. Validation of every affected engine, then of the origin, runs once all recomputes are
 *    done, so a check never compares new upstream values with downstream data about to be
 *    replaced; a violation found for an engine cites that engine's `data_invalidated` event.
 */
export async function runPropagation(
  deps: PropagationDeps,
  originEngine: EngineId,
  changedFields: readonly string[],
  cause: PropagationCause = {}
): Promise<PropagationResult> {
  const propagationId = deps.createId();
  const correlationId = cause.correlationId ?? propagationId;
  const rules = deps.rules().filter((rule) => isRuleEnabled(rule) && rule.autoUpdate);
  const order = processingOrder(
    discoverAffected(rules, originEngine, changedFields),
    deps.topologicalOrder()
  );
  const result: PropagationResult = {
    propagationId,
    correlationId,
    hops: [],
    cutoffs: [],
    stale: [],
    errors: [],
    violationsOpened: [],
    violationsResolved: []
  };
  const changed = new Map<EngineId, readonly string[]>();
  if (changedFields.length > 0) changed.set(originEngine, [...changedFields]);
  const reached = new Map<EngineId, Reached>([
    [originEngine, { eventId: cause.causationId, chain: [], hop: 0 }]
  ]);
  const outcome = new Map<EngineId, string>();
  const configVersion = deps.configVersionOf(originEngine);

  for (const engineId of order) {
    const applying = rules.filter(
      (rule) =>
        rule.sourceEngine !== engineId &&
        rule.dependentEngines.includes(engineId) &&
        triggeringFields(rule, changed.get(rule.sourceEngine)).length > 0
    );
    if (applying.length === 0) {
      result.cutoffs.push({ engineId, reason: cutoffReason(rules, engineId, changed, outcome) });
      outcome.set(engineId, 'was cut off');
      continue;
    }
    const fromEngines = unique(applying.map((rule) => rule.sourceEngine));
    const primary = fromEngines[0] as EngineId;
    const upstream = reached.get(primary) ?? { eventId: cause.causationId, chain: [], hop: 0 };
    const primaryRules = applying.filter((rule) => rule.sourceEngine === primary);
    const fieldsOf = (list: ConsistencyRule[]): string[] =>
      unique(list.flatMap((rule) => triggeringFields(rule, changed.get(rule.sourceEngine))));
    const fields = fieldsOf(applying);
    const ruleIds = applying.map((rule) => rule.ruleId);
    const hop = 1 + Math.max(...fromEngines.map((source) => reached.get(source)?.hop ?? 0));

    const eventId = deps.publish({
      eventType: 'data_invalidated',
      sourceEngine: primary,
      targetEngines: [engineId],
      priority: 'NORMAL',
      data: { originEngine, hop, rules: ruleIds, fields, fromEngines, propagationId },
      correlationId,
      causationId: upstream.eventId ?? null
    });
    const at = deps.now();
    const chain: StalenessHop[] = [
      ...upstream.chain,
      {
        engineId,
        fromEngine: primary,
        ruleId: primaryRules[0]?.ruleId ?? '',
        fields: fieldsOf(primaryRules),
        eventId,
        at
      }
    ];
    reached.set(engineId, { eventId, chain, hop });
    const stale: StaleEngine = {
      engineId,
      originEngine,
      propagationId,
      correlationId,
      since: at,
      reason: 'awaiting recompute',
      chain
    };
    deps.staleness.set(engineId, stale);
    const hopResult: PropagationResult['hops'][number] = {
      engineId,
      ruleIds,
      fields,
      fromEngines,
      eventId,
      changedFields: []
    };
    result.hops.push(hopResult);

    if (!deps.recompute) {
      stale.reason = 'no recompute handler is set';
      outcome.set(engineId, 'is stale (no recompute handler)');
      continue;
    }
    const invalidation: Invalidation = {
      propagationId,
      correlationId,
      originEngine,
      hop,
      ruleIds,
      fields,
      fromEngines,
      eventId,
      chain: chain.map((step) => ({ ...step, fields: [...step.fields] }))
    };
    try {
      const data = await deps.recompute(engineId, invalidation);
      if (data === undefined) {
        stale.reason = 'recompute returned no data';
        outcome.set(engineId, 'is stale (recompute returned no data)');
      } else {
        const meta: CacheUpdateMeta = { causationId: eventId, correlationId };
        if (configVersion !== undefined) meta.configVersion = configVersion;
        hopResult.changedFields = deps.store(engineId, data, meta).changedFields;
        if (hopResult.changedFields.length > 0) changed.set(engineId, hopResult.changedFields);
        if (deps.staleness.get(engineId) === stale) deps.staleness.delete(engineId);
        const changedAny = hopResult.changedFields.length > 0;
        outcome.set(engineId, changedAny ? 'changed' : 'recomputed without changes');
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.errors.push({ engineId, message });
      stale.reason = `recompute failed: ${message}`;
      outcome.set(engineId, `is stale (recompute failed: ${message})`);
    }
  }

  for (const engineId of [...order, originEngine]) {
    const check = deps.validate(engineId, {
      causationId: reached.get(engineId)?.eventId ?? cause.causationId,
      correlationId
    });
    result.violationsOpened.push(...check.opened.map((violation) => violation.violationId));
    result.violationsResolved.push(...check.resolved.map((violation) => violation.violationId));
  }
  result.stale = order.filter(
    (engineId) => deps.staleness.get(engineId)?.propagationId === propagationId
  );
  return result;
}

/** The changed fields that trigger `rule` (empty `dataFields` = any field). */
function triggeringFields(rule: ConsistencyRule, changed: readonly string[] | undefined): string[] {
  if (!changed || changed.length === 0) return [];
  if (rule.dataFields.length === 0) return [...changed];
  return changed.filter((field) => rule.dataFields.includes(field));
}

/** Engines reachable from the origin, in breadth-first discovery order, origin excluded. */
function discoverAffected(
  rules: readonly ConsistencyRule[],
  originEngine: EngineId,
  changedFields: readonly string[]
): EngineId[] {
  const seen = new Set<EngineId>([originEngine]);
  const discovered: EngineId[] = [];
  const queue: EngineId[] = [originEngine];
  for (let i = 0; i < queue.length; i++) {
    const source = queue[i] as EngineId;
    for (const rule of rules) {
      if (rule.sourceEngine !== source) continue;
      if (source === originEngine && triggeringFields(rule, changedFields).length === 0) continue;
      for (const dependent of rule.dependentEngines) {
        if (seen.has(dependent)) continue;
        seen.add(dependent);
        discovered.push(dependent);
        queue.push(dependent);
      }
    }
  }
  return discovered;
}

function processingOrder(
  affected: readonly EngineId[],
  topological: readonly EngineId[]
): EngineId[] {
  const affectedSet = new Set(affected);
  const registered = topological.filter((engineId) => affectedSet.has(engineId));
  const registeredSet = new Set(registered);
  return [...registered, ...affected.filter((engineId) => !registeredSet.has(engineId))];
}

function cutoffReason(
  rules: readonly ConsistencyRule[],
  engineId: EngineId,
  changed: ReadonlyMap<EngineId, readonly string[]>,
  outcome: ReadonlyMap<EngineId, string>
): string {
  const sources = unique(
    rules
      .filter((rule) => rule.dependentEngines.includes(engineId))
      .map((rule) => rule.sourceEngine)
  );
  const parts = sources.map((source) => {
    const fields = changed.get(source);
    if (fields) {
      return `${source} changed ${fields.join(', ')}, which no rule to ${engineId} watches`;
    }
    return `${source} ${outcome.get(source) ?? 'did not change'}`;
  });
  return `no upstream change reached ${engineId}: ${parts.join('; ')}`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
